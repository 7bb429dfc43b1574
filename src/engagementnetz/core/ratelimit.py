"""Rate limits for public forms (contact, interest, registration, newsletter) and the API.

A fixed window counted in the shared cache: simple, and shared by all web processes of a host.
The open data API, which counts every request, counts in each process first and adds to the
shared count once a second (:func:`hit_often`).
"""

import hashlib
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, as far as it can be trusted.

    Behind the reverse proxy (BEHIND_PROXY, on with https) REMOTE_ADDR is the proxy, and the
    address the proxy saw is the last entry of X-Forwarded-For; entries before it come from the
    client and could be invented to escape the limits. Without a proxy the header is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.SECURE_PROXY_SSL_HEADER:
        return remote
    forwarded = request.headers.get("x-forwarded-for", "")
    return forwarded.split(",")[-1].strip() or remote


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def _count(cache_key: str, attempts: int, window_seconds: int) -> int:
    """Add ``attempts`` to the shared count; the window starts with the first of them."""
    cache.add(cache_key, 0, window_seconds)
    try:
        return cache.incr(cache_key, attempts)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, attempts, window_seconds)
        return attempts


def hit(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key`` in ``scope``; return False when the limit is exceeded."""
    return _count(_cache_key(scope, key), 1, window_seconds) <= limit


@dataclass
class _Window:
    started: float
    shared: int = 0  # the count of all processes when last written
    pending: int = 0  # counted here since
    written_at: float = 0.0


class _Batches:
    """The windows this process counts in; written to the shared cache once a second each."""

    WRITE_EVERY_SECONDS = 1.0
    MAX_KEYS = 10_000

    def __init__(self):
        self.windows: dict[str, _Window] = {}
        self.lock = threading.Lock()

    def hit(self, cache_key: str, *, limit: int, window_seconds: int) -> bool:
        now = time.time()
        with self.lock:
            window = self.windows.get(cache_key)
            if window is None or now - window.started >= window_seconds:
                if len(self.windows) >= self.MAX_KEYS:
                    self.windows = {
                        k: w for k, w in self.windows.items() if now - w.started < window_seconds
                    }
                window = self.windows[cache_key] = _Window(started=now)
            window.pending += 1
            if now - window.written_at >= self.WRITE_EVERY_SECONDS:
                window.shared = _count(cache_key, window.pending, window_seconds)
                window.pending = 0
                window.written_at = now
            return window.shared + window.pending <= limit

    def clear(self) -> None:
        with self.lock:
            self.windows.clear()


_batches = _Batches()


def hit_often(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Like :func:`hit`, for limits checked on every request of a busy endpoint.

    Each process writes its count to the shared cache at most once a second, so a request
    costs no write. Other processes' requests of the last second may be missing from the
    count: a client spread over several processes gets at most a second's worth more.
    """
    return _batches.hit(_cache_key(scope, key), limit=limit, window_seconds=window_seconds)


def allow(
    request: HttpRequest,
    scope: str,
    *,
    email: str = "",
    per_ip: int = 10,
    per_email: int = 5,
    window_seconds: int = 3600,
) -> bool:
    """True when this request may go on: checks the client's IP and, if given, the e-mail."""
    allowed = hit(scope, f"ip:{client_ip(request)}", limit=per_ip, window_seconds=window_seconds)
    if email:
        allowed = (
            hit(scope, f"email:{email}", limit=per_email, window_seconds=window_seconds) and allowed
        )
    return allowed
