"""The open data API: one NinjaAPI with the public reads and the organisations' pushes."""

from django.conf import settings
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError

from . import push, read, services, validation
from .models import ApiToken

TOO_MANY = {
    "description": "Too many requests from this address; try again after Retry-After seconds.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "detail": {"type": "string"},
                    "limit_per_minute": {"type": "integer"},
                },
                "required": ["detail"],
            }
        }
    },
}
ERROR = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    }
}
# The shape of every 422, documented once as the schema of the pushes' refusals.
INVALID = {
    "description": "Invalid parameters or data, with messages and codes per field.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationErrors"}}},
}

DESCRIPTION = """
The public data of the platform — organisations, projects, events and courses with their
dates, volunteer opportunities, participation processes, measures, news and links — as JSON,
under the licence named in every list. Filters carry the same names as on the pages
(`bereich`, `stadtteil`, …). Lists are paged with `seite` and `anzahl`.

Organisations push and change their own events and opportunities with a token they create on
their entry's API page; send it as `Authorization: Bearer <token>`.
"""


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Document what every operation may answer besides its own responses."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for path, operations in schema["paths"].items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                responses.setdefault(422, INVALID)
                responses.setdefault(429, TOO_MANY)
                if "{pk}" in path:
                    responses.setdefault(404, {"description": "Not found", **ERROR})
                if operation.get("security"):
                    responses.setdefault(
                        401, {"description": "Missing, unknown or revoked token", **ERROR}
                    )
        schema["info"]["license"] = {
            "name": settings.OPEN_DATA_LICENCE,
            "url": settings.OPEN_DATA_LICENCE_URL,
        }
        schema["servers"] = [{"url": settings.SITE_URL}]
        return schema


api = OpenDataAPI(
    title="Engagement-Netz – Offene Daten",
    version="1.0",
    description=DESCRIPTION.strip(),
    urls_namespace="api",
    docs_url=None,  # our own page without scripts from elsewhere: views.docs
)
api.add_router("", read.router)
api.add_router("", push.router)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError):
    """Parameters or data of the wrong type or shape, with our messages instead of pydantic's."""
    token = getattr(request, "auth", None)
    if isinstance(token, ApiToken):
        # Authentication ran before the data was parsed: a refused push is logged too.
        services.token_use_log(
            token=token, method=request.method, path=request.path, status_code=422
        )
    messages, codes = validation.invalid_data(exc.errors)
    return api.create_response(request, validation.refusal(messages, codes), status=422)
