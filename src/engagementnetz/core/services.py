from django.db import transaction

from .models import SiteSettings
from .site_cache import forget_site_cache


@transaction.atomic
def site_settings_update(*, form, by) -> SiteSettings:
    """Save the network office's changes to the site's identity."""
    site_settings = form.save()
    transaction.on_commit(forget_site_cache)
    return site_settings
