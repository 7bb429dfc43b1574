"""The performance benchmark (`make bench`): production server, real load tool, one run.

Not part of CI. See docs/performance.md for the budgets and the last figures.
"""
