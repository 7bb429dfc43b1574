"""Page-number pagination with the parameters of the pages (``seite``) and a page size."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.http import urlencode
from ninja import Field, Schema

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100


# The paging parameters of every list; the lists' filters extend them.
class PageParams(Schema):
    seite: int = Field(1, ge=1, le=100_000, description="Page number.")
    anzahl: int = Field(
        DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Items per page (at most 100)."
    )


def licence() -> dict:
    return {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL}


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["seite"] = str(number)
    return f"{settings.SITE_URL}{request.path}?{urlencode(sorted(query.lists()), doseq=True)}"


def paginate(request: HttpRequest, queryset, serialize, params: PageParams) -> dict:
    """The page ``params`` ask for of ``queryset``, as the envelope of the list schemas.

    Always two queries plus the prefetches (count and slice), however long the list.
    """
    per_page = max(1, min(params.anzahl, MAX_PER_PAGE))
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(params.seite)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "per_page": per_page,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            _page_url(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "licence": licence(),
        "results": [serialize(obj) for obj in page.object_list],
    }
