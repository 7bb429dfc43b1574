"""Rate limits for public forms (contact, interest, registration, newsletter).

A fixed window counted in the shared cache: simple, and shared by all web processes of a host.
"""

import hashlib

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


def hit(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key`` in ``scope``; return False when the limit is exceeded."""
    digest = hashlib.sha256(f"{scope}:{key}".lower().encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}"
    cache.add(cache_key, 0, window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        count = 1
    return count <= limit


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
