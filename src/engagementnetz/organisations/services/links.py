"""The curated links to Verbände and Netzwerke, and the periodic check that finds broken ones."""

import logging
import ssl
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagementnetz.search.services import index_remove, index_update

from ..models import Link, LinkCategory

logger = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 10


@transaction.atomic
def link_save(*, form, by) -> Link:
    link = form.save()
    index_update(link)
    return link


@transaction.atomic
def link_delete(*, link: Link, by) -> None:
    index_remove(link)
    link.delete()


@transaction.atomic
def link_category_save(*, form, by) -> LinkCategory:
    return form.save()


@transaction.atomic
def link_category_delete(*, category: LinkCategory, by) -> None:
    if category.links.exists():
        raise ValidationError(
            _("Only empty categories can be deleted; move or delete its links first.")
        )
    category.delete()


def _request(url: str, method: str) -> int:
    request = urllib.request.Request(  # noqa: S310 - only http(s) URLs pass the URLField
        url,
        method=method,
        headers={
            "User-Agent": f"Engagement-Netz link check (+{settings.SITE_URL}/links/)",
            "Accept": "text/html,*/*;q=0.5",
        },
    )
    with urllib.request.urlopen(request, timeout=CHECK_TIMEOUT_SECONDS) as response:  # noqa: S310
        return response.status


def probe(url: str) -> tuple[bool, int | None, str]:
    """(reachable, HTTP status, error) for ``url``; HEAD first, GET where HEAD is refused."""
    if not url.lower().startswith(("http://", "https://")):
        return False, None, _("Not a web address")
    status = None
    for method in ("HEAD", "GET"):
        try:
            status = _request(url, method)
        except urllib.error.HTTPError as exc:
            status = exc.code
            if method == "HEAD" and exc.code in {403, 405, 501}:
                continue  # some servers refuse HEAD but serve the page
            return (
                False,
                status,
                _("The server answered with status %(code)s.") % {"code": exc.code},
            )
        except (TimeoutError, urllib.error.URLError, ssl.SSLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return False, None, str(reason)[:300]
        return status < 400, status, ""
    return False, status, ""


def link_check(link: Link, *, now=None) -> Link:
    """Check one link and remember the outcome (broken links show in the work area)."""
    now = now or timezone.now()
    ok, status, error = probe(link.url)
    link.last_checked_at = now
    link.last_check_ok = ok
    link.last_status_code = status
    link.last_error = error[:300]
    if ok:
        link.failing_since = None
    elif link.failing_since is None:
        link.failing_since = now
    link.save(
        update_fields=[
            "last_checked_at",
            "last_check_ok",
            "last_status_code",
            "last_error",
            "failing_since",
        ]
    )
    return link


def links_check(*, now=None) -> dict[str, int]:
    """Check every published link; returns how many were fine and how many broken."""
    counts = {"ok": 0, "broken": 0}
    for link in Link.objects.public().order_by("pk"):
        link = link_check(link, now=now)
        counts["ok" if link.last_check_ok else "broken"] += 1
    if counts["broken"]:
        logger.info("Link check: %(broken)s broken, %(ok)s fine", counts)
    return counts
