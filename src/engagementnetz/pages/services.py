from django.db import transaction

from engagementnetz.core.site_cache import forget_site_cache

from .models import Page


@transaction.atomic
def page_save(*, form, by) -> Page:
    """Create or change a page; remembers who changed it last."""
    page = form.save(commit=False)
    page.updated_by = by
    page.save()
    transaction.on_commit(forget_site_cache)
    return page
