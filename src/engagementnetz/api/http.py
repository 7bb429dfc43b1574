"""What every response below /api/v1/ gets: CORS for reads, a rate limit, the licence.

Reads without a token are answered from what the server keeps for public pages
(``core/page_cache.py``), after the request has been counted.

Applied to the API's URL patterns in ``urls.py`` instead of a global middleware, so the rest of
the site is untouched.
"""

import functools
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from engagementnetz.core.page_cache import answer_kept
from engagementnetz.core.ratelimit import client_ip, hit_often

READ_METHODS = ("GET", "HEAD", "OPTIONS")
WINDOW_SECONDS = 60


def rate_limit() -> int:
    return settings.API_RATE_LIMIT_PER_MINUTE


def too_many_requests() -> HttpResponse:
    body = {
        "detail": (
            "Too many requests. Please wait a minute, then try again; for the whole data set "
            "use the bulk exports."
        ),
        "limit_per_minute": rate_limit(),
    }
    response = HttpResponse(json.dumps(body), status=429, content_type="application/json")
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


def _add_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if request.method in READ_METHODS:
        # Reads are public: any web page may use them. Writes (with a token) get no CORS, so
        # a browser on another site cannot send them.
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "Link, Retry-After"
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE_URL}>; rel="license"'
    return response


def open_data(view):
    """Wrap an API view: answer CORS preflights, count the request, add the headers."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
            return _add_headers(request, response)
        key = f"ip:{client_ip(request)}"
        if not hit_often("api", key, limit=rate_limit(), window_seconds=WINDOW_SECONDS):
            return _add_headers(request, too_many_requests())
        # Reads without a token are the same for everyone: kept like the public pages.
        response = answer_kept(request, lambda: view(request, *args, **kwargs))
        return _add_headers(request, response)

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped
