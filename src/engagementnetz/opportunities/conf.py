"""Time spans of the Engagement-Börse. Each can be overridden by a setting of the same name."""

from django.conf import settings


def _days(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def opportunity_fresh_days() -> int:
    """An opportunity expires when nobody has confirmed it as current for this many days."""
    return _days("OPPORTUNITY_FRESH_DAYS", 90)


def freshness_warning_days() -> int:
    """How many days before expiry the organisation is asked whether it is still current."""
    return _days("OPPORTUNITY_FRESHNESS_WARNING_DAYS", 7)


def interest_reminder_days() -> int:
    """Days without reaction to an interest before the organisation is reminded."""
    return _days("OPPORTUNITY_INTEREST_REMINDER_DAYS", 7)


def unconfirmed_days() -> int:
    """Days after which entries whose e-mail address was never confirmed are deleted."""
    return _days("OPPORTUNITY_UNCONFIRMED_DAYS", 7)


def interest_retention_days() -> int:
    """Days after the last change when an interest and its personal data are deleted."""
    return _days("OPPORTUNITY_INTEREST_RETENTION_DAYS", 365)


def neighbourhood_help_days() -> int:
    """Days a neighbourhood-help entry stays public before it is removed."""
    return _days("NEIGHBOURHOOD_HELP_DAYS", 30)


def contact_retention_days() -> int:
    """Days messages relayed to neighbourhood-help posters are kept."""
    return _days("CONTACT_MESSAGE_RETENTION_DAYS", 30)


def digest_interval_days() -> int:
    """The finder sends "neue passende Angebote" at most once in this many days."""
    return _days("FINDER_DIGEST_INTERVAL_DAYS", 7)
