"""What organisations push with their token: their own events and opportunities, nothing else.

Every request made with a token is logged, refused ones too.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model
from django.http import HttpRequest
from ninja import Router, Status
from ninja.security import HttpBearer

from engagementnetz.events.models import Event
from engagementnetz.opportunities.models import Opportunity

from . import schemas, serializers, services, validation
from .models import ApiToken

router = Router(tags=["Organisations (with token)"])


class OrganisationToken(HttpBearer):
    """``Authorization: Bearer <token>``; a revoked or unknown token is refused with 401."""

    openapi_description = "The API token of an organisation (Organisation → API-Zugang)."

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = (
            ApiToken.objects.select_related("organisation", "created_by")
            .filter(token_hash=services.hash_token(token))
            .first()
        )
        if found is None:
            return None
        if not found.is_active:
            services.token_use_log(
                token=found, method=request.method, path=request.path, status_code=401
            )
            return None
        return found


def _log(request: HttpRequest, status: int, kind: str = "", pk: int | None = None) -> None:
    services.token_use_log(
        token=request.auth,
        method=request.method,
        path=request.path,
        status_code=status,
        object_kind=kind,
        object_id=pk,
    )


def _pushed(obj, name: str) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "url": serializers.absolute(obj.get_absolute_url()),
        "api_url": serializers.api_url(name, obj.pk),
    }


WRITE_RESPONSES = {
    404: schemas.Error,
    422: schemas.ValidationErrors,
}


@dataclass(frozen=True)
class Pushable:
    """What an organisation may push: one kind of its own objects and how it is saved."""

    kind: str  # in the log, and the keyword of the object in ``push``
    model: type[Model]
    owner: str  # the field naming the organisation the object belongs to
    push: Callable  # the service: push(token=…, payload=…, <kind>=object or None)
    detail: str  # url name of the object in the read API
    not_yours: dict  # the 404 of an object of another organisation (or of none)
    path: str  # of the list; an object's is path/{pk}
    schema: type[schemas.ObjectIn]  # the body
    noun: str  # in the summaries


def _push(spec: Pushable, request: HttpRequest, payload: schemas.ObjectIn, pk: int | None):
    """Create (without ``pk``) or change an object of the token's organisation, and log it."""
    obj = None
    if pk is not None:
        obj = spec.model.objects.filter(pk=pk, **{spec.owner: request.auth.organisation}).first()
        if obj is None:
            _log(request, 404, spec.kind, pk)
            return Status(404, spec.not_yours)
    try:
        saved = spec.push(
            token=request.auth,
            payload=payload.model_dump(exclude_unset=True, mode="json"),
            **{spec.kind: obj},
        )
    except services.PushRejected as exc:
        _log(request, 422, spec.kind, pk)
        return Status(422, validation.refusal(exc.errors, exc.codes))
    status = 201 if pk is None else 200
    _log(request, status, spec.kind, saved.pk)
    return Status(status, _pushed(saved, spec.detail))


def _endpoints(spec: Pushable) -> None:
    """``POST path`` creates, ``PATCH path/{pk}`` changes an object of the token's organisation.

    The operation ids stay those the views had as functions of this module.
    """

    @router.post(
        spec.path,
        auth=OrganisationToken(),
        response={201: schemas.Pushed, **WRITE_RESPONSES},
        url_name=f"push_{spec.kind}_create",
        operation_id=f"engagementnetz_api_push_{spec.kind}_create",
        summary=f"Create {spec.noun} of your organisation",
    )
    def create(request: HttpRequest, payload: spec.schema):
        return _push(spec, request, payload, None)

    @router.patch(
        f"{spec.path}/{{pk}}",
        auth=OrganisationToken(),
        response={200: schemas.Pushed, **WRITE_RESPONSES},
        url_name=f"push_{spec.kind}_update",
        operation_id=f"engagementnetz_api_push_{spec.kind}_update",
        summary=f"Change {spec.noun} of your organisation (only the given keys)",
    )
    def update(request: HttpRequest, pk: int, payload: spec.schema):
        return _push(spec, request, payload, pk)


_endpoints(
    Pushable(
        kind="event",
        model=Event,
        owner="organiser",
        push=services.event_push,
        detail="event_detail",
        not_yours={"detail": "Not found among the events of your organisation."},
        path="/organisation/events",
        schema=schemas.EventIn,
        noun="an event",
    )
)
_endpoints(
    Pushable(
        kind="opportunity",
        model=Opportunity,
        owner="organisation",
        push=services.opportunity_push,
        detail="opportunity_detail",
        not_yours={"detail": "Not found among the opportunities of your organisation."},
        path="/organisation/opportunities",
        schema=schemas.OpportunityIn,
        noun="a volunteer opportunity",
    )
)
