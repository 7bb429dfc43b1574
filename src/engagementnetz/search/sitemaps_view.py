"""/sitemap.xml: an index of the sections that the apps declare in their ``sitemaps.py``.

Each such module has ``SITEMAPS = {"name": SitemapClass}`` (django.contrib.sitemaps). Every
address is made absolute with SITE_URL, whatever host the request came in on.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from engagementnetz.core.discovery import platform_app_modules
from engagementnetz.core.page_cache import public_page


@dataclass(frozen=True)
class _Site:
    domain: str
    name: str = ""


def all_sitemaps() -> dict[str, Sitemap]:
    found: dict[str, Sitemap] = {}
    for module in platform_app_modules("sitemaps"):
        for name, sitemap in module.SITEMAPS.items():
            found[name] = sitemap() if isinstance(sitemap, type) else sitemap
    return found


def _site() -> tuple[_Site, str]:
    parts = urlsplit(settings.SITE_URL)
    return _Site(domain=parts.netloc), parts.scheme or "https"


@public_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    items = []
    for name, sitemap in all_sitemaps().items():
        location = settings.SITE_URL + reverse("search:sitemap_section", kwargs={"section": name})
        pages = sitemap.paginator.num_pages
        for page in range(1, pages + 1):
            items.append(SitemapIndexItem(location if page == 1 else f"{location}?p={page}", None))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )


@public_page
@require_GET
def section(request: HttpRequest, section: str) -> HttpResponse:
    sitemap = all_sitemaps().get(section)
    if sitemap is None:
        raise Http404
    site, protocol = _site()
    try:
        urls = sitemap.get_urls(page=request.GET.get("p", 1), site=site, protocol=protocol)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
