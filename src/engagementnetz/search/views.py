from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from engagementnetz.core.page_cache import public_page

from . import selectors
from .forms import SearchForm

SUGGESTION_MIN_LENGTH = 3


@public_page
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = form.filters()
    results = selectors.search(**filters) if filters["raw"] else None
    context = {"form": form, "results": results, "filters": filters, "now": timezone.now()}
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "search-results":
        return render(request, "search/_results.html", context)
    return render(request, "search/search.html", context)


@public_page
@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """The header's suggestion list: a few links, nothing at all for very short input."""
    raw = " ".join(request.GET.get("q", "").split())[: selectors.MAX_QUERY_LENGTH]
    if len(raw) < SUGGESTION_MIN_LENGTH:
        return HttpResponse("")
    hits = selectors.suggestions(raw)
    return render(request, "search/_suggestions.html", {"hits": hits, "raw": raw})
