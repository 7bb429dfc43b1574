"""Signed links in mails: confirming what someone without an account did, and unsubscribing.

Nothing is stored for them: the signature proves the link came from us.
"""

from django.core import signing

CONFIRM_SALT = "participation.confirm"
UNSUBSCRIBE_SALT = "participation.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # seconds; unconfirmed entries are deleted after that

# What a confirmation link can confirm.
CONFIRMABLE = ("contribution", "comment", "support", "follow")


def confirm_token(items: list[tuple[str, int]]) -> str:
    return signing.dumps([[kind, pk] for kind, pk in items], salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> list[tuple[str, int]] | None:
    """The items of a valid, unexpired link; None for anything else."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    try:
        items = [(str(kind), int(pk)) for kind, pk in data]
    except (TypeError, ValueError):
        return None
    if not items or any(kind not in CONFIRMABLE for kind, _pk in items):
        return None
    return items


def unsubscribe_token(*, email: str, follow_id: int | None = None) -> str:
    """A link that ends one follow, or (without follow_id) every follow of the address."""
    return signing.dumps({"e": email, "f": follow_id}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[str, int | None] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        return None
    follow_id = data.get("f")
    if follow_id is not None and not isinstance(follow_id, int):
        return None
    return data["e"], follow_id
