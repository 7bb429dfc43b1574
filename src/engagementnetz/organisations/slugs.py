"""Addresses on the site (slugs) that stay unique."""

from django.db import models
from django.utils.text import slugify

# Paths below /organisationen/ and /projekte/ that are pages of their own, not entries.
RESERVED = {"karte", "karte-json", "registrieren", "einladung", "aktuell", "neu"}


def unique_slug(model: type[models.Model], text: str, *, exclude_pk=None, max_length=200) -> str:
    base = slugify(text.replace("ß", "ss"))[:max_length].strip("-") or "eintrag"
    if base in RESERVED:
        base = f"{base}-eintrag"
    existing = model.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    taken = set(existing.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
