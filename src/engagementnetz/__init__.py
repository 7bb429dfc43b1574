"""Engagement-Netz: the central web platform of a town's volunteering network."""
