"""Public pages for anonymous visitors, kept in the cache and made new by every write.

Views that show public content say so with :func:`public_page`. For a visitor without a
session (nobody logged in, no message waiting) :class:`PublicPageCacheMiddleware` answers a
GET of such a view from the cache when it can, and keeps what the view rendered otherwise.

Kept pages are filed under a *generation*, a token in the shared cache. A new token makes
every kept page unreachable at once. It is replaced

- when a row of the platform's models is saved or deleted (:func:`forget_on_change`, connected
  in ``core/apps.py``; only the models in ``NOT_ON_PUBLIC_PAGES`` are left out), whoever
  writes it: a view, the API, the admin, a job of the worker or a command — once at the
  write and once more when its transaction commits, so that no page read in between lasts;
- when the search index changes (``search.services.index_changed``): the services that write
  public content keep the index up to date, also where they update rows in bulk;
- after every write request that succeeds (POST, PUT, PATCH, DELETE answered below 400),
  which also covers bulk updates that send no signal;
- and a kept page lives at most ``PUBLIC_PAGE_CACHE_SECONDS``, so that what depends on the
  clock (the next dates, "today" in the calendar) moves on by itself.

Forms on kept pages need the visitor's own CSRF token: the page is kept with a marker in its
place, and every answer gets the token of the person asking.
"""

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

GENERATION_KEY = "public-pages:generation"
# Stands in for the CSRF token in a kept page; the same length as a real (masked) token.
CSRF_MARKER = "csrf-token-of-the-visitor".ljust(64, "-")
_CSRF_MARKER_BYTES = CSRF_MARKER.encode()
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def public_page(view):
    """Mark a view whose GET shows the same public page to every anonymous visitor."""
    view.public_page = True
    return view


def forget_public_pages() -> None:
    """Make every kept page unreachable (they expire in the cache on their own)."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


# Models that no public page shows, or that are written all the time (the worker's job runs,
# the newsletter's outbox): writing them leaves the kept pages alone. The search index's rows
# are left out too: every write to the index calls ``search.services.index_changed``, which
# makes the pages new once.
NOT_ON_PUBLIC_PAGES = frozenset(
    {
        "core.periodicjobrun",
        "pages.officemessage",
        "organisations.contactmessage",
        "organisations.changerecord",
        "events.registrantmessage",
        "opportunities.helpcontact",
        "participation.digestmail",
        "newsletter.subscriber",
        "newsletter.consentrecord",
        "newsletter.outboxmessage",
        "newsletter.topicstatistic",
        "api.apitokenuse",
        "search.searchdocument",
        "search.searchtext",
        "search.searchword",
        "search.searchwordvariant",
    }
)


def public_content_changed() -> None:
    """Make kept pages new now and again when the writing transaction commits.

    Now, so that the writer's own next page is new; at the commit, so that a page rendered
    by someone else from the old rows in between is not kept under the new generation.
    """
    forget_public_pages()
    transaction.on_commit(forget_public_pages)


def forget_on_change(sender, **kwargs) -> None:
    """Signal receiver (saved, deleted or related rows of a model shown on public pages)."""
    public_content_changed()


def _generation() -> str | None:
    """The current generation; None where the cache keeps nothing (then no page is kept)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _may_use_kept_page(request: HttpRequest) -> bool:
    """Nobody logged in and nothing personal waiting: the page is the same for all."""
    cookies = request.COOKIES
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "Authorization" not in request.headers
    )


@dataclass
class KeptPage:
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    expires: float  # time.time() when it expires (the shared cache knows it too)

    def response(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(_with_token(request, self.content), status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


class _LocalPages:
    """The most used kept pages once more in this process's memory, up to a number of bytes.

    Saves reading and unpacking them from the shared cache on every visit. The key holds the
    generation, so a page kept here is as current as one from the shared cache.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.pages: OrderedDict[str, KeptPage] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> KeptPage | None:
        page = self.pages.get(key)
        if page is not None and page.expires < time.time():
            return None
        return page

    def put(self, key: str, page: KeptPage) -> None:
        with self.lock:
            if key in self.pages:
                self.pages.move_to_end(key)
                return
            self.pages[key] = page
            self.size += len(page.content)
            while self.size > self.max_bytes and self.pages:
                _key, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped.content)


_local = _LocalPages(max_bytes=8 * 1024 * 1024)


def _key(request: HttpRequest, kind: str = "public-page") -> str | None:
    generation = getattr(request, "_page_generation", None) or _generation()
    request._page_generation = generation
    if generation is None:
        return None
    htmx = request.headers.get("HX-Request", "") + "|" + request.headers.get("HX-Target", "")
    return ":".join(
        (
            kind,
            generation,
            getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            request.get_host(),
            htmx,
            request.get_full_path(),
        )
    )


def _with_token(request: HttpRequest, content: bytes) -> bytes:
    if _CSRF_MARKER_BYTES not in content:
        return content
    return content.replace(_CSRF_MARKER_BYTES, get_token(request).encode())


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    # A message shown on this very page belongs to this visitor.
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)


def answer_kept(request: HttpRequest, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The kept answer for ``request``, or ``build()``'s, kept for the next reader.

    For answers that must pass a check of their own first (the open data API counts every
    request against its rate limit): the caller checks, then asks here. Kept only for a GET
    without credentials (no session, no ``Authorization``), like the public pages, but filed
    apart from them.
    """
    if request.method != "GET":
        return build()
    # Apart from the public pages, which the middleware answers before any check.
    key = _key(request, "checked-answer") if _may_use_kept_page(request) else None
    if key is None:
        return build()
    kept = _kept_answer(request, key)
    if kept is not None:
        return kept
    response = build()
    if _keepable(request, response):
        _keep(key, response, response.content)
    return response


def _kept_answer(request: HttpRequest, key: str) -> HttpResponse | None:
    kept = _local.get(key) or cache.get(key)
    if not isinstance(kept, KeptPage):  # nothing, or kept by an older version of this module
        return None
    _local.put(key, kept)
    return kept.response(request)


def _keep(key: str, response: HttpResponse, content: bytes) -> None:
    # The headers the view set (the middleware above adds its own to every answer again).
    headers = list(response.items())
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    kept = KeptPage(response.status_code, headers, content, time.time() + seconds)
    cache.set(key, kept, seconds)
    _local.put(key, kept)


def csrf_marker(request: HttpRequest) -> dict:
    """Context processor: pages that will be kept carry the marker instead of a token."""
    if getattr(request, "_public_page_key", None):
        return {"csrf_token": CSRF_MARKER}
    return {}


class PublicPageCacheMiddleware:
    """Answers from the kept pages before the address is even resolved; keeps new ones.

    Only responses of views marked with :func:`public_page` are ever kept, so a kept page
    found under the address is one of theirs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = _key(request) if request.method == "GET" and _may_use_kept_page(request) else None
        if key is not None:
            kept = _kept_answer(request, key)
            if kept is not None:
                return kept
            request._public_page_candidate = key
        response = self.get_response(request)
        if request.method in UNSAFE_METHODS:
            if response.status_code < 400:
                forget_public_pages()
            return response
        key = getattr(request, "_public_page_key", None)
        if key is not None:
            content = response.content if not response.streaming else b""
            if _keepable(request, response):
                _keep(key, response, content)
            if not response.streaming:
                response.content = _with_token(request, content)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if getattr(view_func, "public_page", False):
            request._public_page_key = getattr(request, "_public_page_candidate", None)
        return None
