"""Rate limits for public forms (contact, interest, registration, newsletter).

A fixed window counted in the shared cache: simple, and shared by all web processes of a host.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # Behind the reverse proxy REMOTE_ADDR is the proxy; it sets X-Forwarded-For (see README).
    forwarded = request.headers.get("x-forwarded-for", "")
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


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
