"""Messages for data of the wrong type or shape, in the visitor's language (German first).

ninja hands over pydantic's errors with English messages ("Input should be a valid integer").
Each error keeps its location and its pydantic type (the machine-readable code); only the
message is replaced by one of ours, chosen by the type. A type without a message of its own
gets a general one.

The texts are literal ``pgettext_lazy`` calls so that ``scripts/messages.py extract`` finds them;
the context keeps them apart from Django's own texts of the same wording.
"""

from django.utils.formats import localize
from django.utils.translation import npgettext_lazy, pgettext, pgettext_lazy

# The detail of every 422, a fixed sentence for programs; the messages per field are for people.
DETAIL = "The data is not valid."

FALLBACK = pgettext_lazy("API validation error", "Enter a valid value.")
MISSING = pgettext_lazy("API validation error", "This field is required.")
NO_OBJECT = pgettext_lazy("API validation error", "Send the data as a JSON object.")
WHOLE_NUMBER = pgettext_lazy("API validation error", "Enter a whole number.")
NUMBER = pgettext_lazy("API validation error", "Enter a number.")
BOOLEAN = pgettext_lazy("API validation error", "Enter true or false.")
DATE = pgettext_lazy("API validation error", "Enter a valid date in the format YYYY-MM-DD.")
DATETIME = pgettext_lazy(
    "API validation error", "Enter a valid date and time, e.g. 2025-05-17T19:30:00."
)
TIME = pgettext_lazy("API validation error", "Enter a valid time in the format HH:MM or HH:MM:SS.")
TEXT = pgettext_lazy("API validation error", "Enter a text.")
URL = pgettext_lazy("API validation error", "Enter a valid web address (URL).")
UUID = pgettext_lazy("API validation error", "Enter a valid UUID.")
JSON = pgettext_lazy("API validation error", "Send valid JSON.")
OBJECT = pgettext_lazy("API validation error", "Enter a JSON object.")
LIST = pgettext_lazy("API validation error", "Enter a list.")
CHOICES = pgettext_lazy("API validation error", "Enter one of these values: %(expected)s.")

MESSAGES = {
    "missing": MISSING,
    "int_type": WHOLE_NUMBER,
    "int_parsing": WHOLE_NUMBER,
    "int_from_float": WHOLE_NUMBER,
    "int_parsing_size": pgettext_lazy("API validation error", "This number is too large."),
    "float_type": NUMBER,
    "float_parsing": NUMBER,
    "decimal_type": NUMBER,
    "decimal_parsing": NUMBER,
    "finite_number": NUMBER,
    "bool_type": BOOLEAN,
    "bool_parsing": BOOLEAN,
    "date_type": DATE,
    "date_parsing": DATE,
    "date_from_datetime_parsing": DATE,
    "date_from_datetime_inexact": DATE,
    "date_past": pgettext_lazy("API validation error", "Enter a date in the past."),
    "date_future": pgettext_lazy("API validation error", "Enter a date in the future."),
    "datetime_type": DATETIME,
    "datetime_parsing": DATETIME,
    "datetime_from_date_parsing": DATETIME,
    "datetime_object_invalid": DATETIME,
    "time_type": TIME,
    "time_parsing": TIME,
    "string_type": TEXT,
    "string_unicode": TEXT,
    "string_too_long": npgettext_lazy(
        "API validation error",
        "Enter at most %(max_length)d character.",
        "Enter at most %(max_length)d characters.",
        "max_length",
    ),
    "string_too_short": npgettext_lazy(
        "API validation error",
        "Enter at least %(min_length)d character.",
        "Enter at least %(min_length)d characters.",
        "min_length",
    ),
    "string_pattern_mismatch": pgettext_lazy(
        "API validation error", "Enter a value in the expected format."
    ),
    "greater_than": pgettext_lazy("API validation error", "Enter a value greater than %(gt)s."),
    "greater_than_equal": pgettext_lazy(
        "API validation error", "Enter a value of at least %(ge)s."
    ),
    "less_than": pgettext_lazy("API validation error", "Enter a value less than %(lt)s."),
    "less_than_equal": pgettext_lazy("API validation error", "Enter a value of at most %(le)s."),
    "multiple_of": pgettext_lazy("API validation error", "Enter a multiple of %(multiple_of)s."),
    "too_short": npgettext_lazy(
        "API validation error",
        "Enter at least %(min_length)d item.",
        "Enter at least %(min_length)d items.",
        "min_length",
    ),
    "too_long": npgettext_lazy(
        "API validation error",
        "Enter at most %(max_length)d item.",
        "Enter at most %(max_length)d items.",
        "max_length",
    ),
    "enum": CHOICES,
    "literal_error": CHOICES,
    "url_type": URL,
    "url_parsing": URL,
    "url_syntax_violation": URL,
    "url_scheme": URL,
    "url_too_long": pgettext_lazy("API validation error", "This web address is too long."),
    "uuid_type": UUID,
    "uuid_parsing": UUID,
    "json_invalid": JSON,
    "json_type": JSON,
    "model_type": OBJECT,
    "model_attributes_type": OBJECT,
    "dict_type": OBJECT,
    "mapping_type": OBJECT,
    "list_type": LIST,
    "tuple_type": LIST,
    "set_type": LIST,
    "frozen_set_type": LIST,
    "iterable_type": LIST,
    "extra_forbidden": pgettext_lazy("API validation error", "This field is not expected here."),
}
# A validator's own ValueError ("Value error, …") already speaks the visitor's language.
OWN_MESSAGE = {"value_error", "assertion_error"}


def _choices(expected: str) -> str:
    """``'a', 'b' or 'c'`` as pydantic lists the allowed values, joined in the language."""
    values, joined, last = expected.rpartition(" or ")
    if not joined:
        return last
    return pgettext("API validation error", "%(values)s or %(last)s") % {
        "values": values,
        "last": last,
    }


def _parameters(ctx: dict) -> dict:
    """The limits named in the message: whole numbers as they are (for %d and the plural),
    anything else (a decimal, a date) formatted like the site's values."""
    parameters = {}
    for key, value in ctx.items():
        if isinstance(value, int) and not isinstance(value, bool):
            parameters[key] = value
        elif key == "expected":
            parameters[key] = _choices(str(value))
        else:
            parameters[key] = localize(value)
    return parameters


def message(error: dict) -> str:
    """Our message for one of pydantic's errors, by its type."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in OWN_MESSAGE:
        return str(ctx.get("error") or "") or str(FALLBACK)
    template = MESSAGES.get(kind, FALLBACK)
    try:
        return template % _parameters(ctx)
    except (KeyError, TypeError, ValueError):
        # A context without the limit the message names: say what is wrong without it.
        return str(FALLBACK)


def field_name(error: dict) -> str:
    """Where the error is, named like the form errors of a push: ``start_date``, ``venue.name``.

    ``__all__`` for the whole body or the whole query.
    """
    location = [str(part) for part in error.get("loc", ())]
    if location[:1] == ["body"]:
        location = location[2:]  # "body", then the name of the view's payload argument
    elif location[:1] in (["query"], ["path"]):
        location = location[1:]
    return ".".join(location) or "__all__"


def refusal(errors: dict[str, list[str]], codes: dict[str, list[str]]) -> dict:
    """The body of every 422 (``ValidationErrors`` in the OpenAPI document)."""
    return {"detail": DETAIL, "errors": errors, "codes": codes}


def invalid_data(errors: list[dict]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """pydantic's errors as messages and codes (their types), both keyed by field."""
    messages: dict[str, list[str]] = {}
    codes: dict[str, list[str]] = {}
    for error in errors:
        name = field_name(error)
        kind = str(error.get("type") or "invalid")
        text = str(NO_OBJECT) if (kind, name) == ("missing", "__all__") else message(error)
        messages.setdefault(name, []).append(text)
        codes.setdefault(name, []).append(kind)
    return messages, codes
