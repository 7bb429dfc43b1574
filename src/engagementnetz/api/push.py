"""What organisations push with their token: their own events and opportunities, nothing else.

Every request made with a token is logged, refused ones too.
"""

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


NOT_YOURS = {"detail": "Not found among the events of your organisation."}
NOT_YOUR_OPPORTUNITY = {"detail": "Not found among the opportunities of your organisation."}

WRITE_RESPONSES = {
    404: schemas.Error,
    422: schemas.ValidationErrors,
}


def _push_event(request: HttpRequest, payload: schemas.EventIn, pk: int | None):
    event = None
    if pk is not None:
        event = Event.objects.filter(pk=pk, organiser=request.auth.organisation).first()
        if event is None:
            _log(request, 404, "event", pk)
            return Status(404, NOT_YOURS)
    try:
        saved = services.event_push(
            token=request.auth,
            payload=payload.model_dump(exclude_unset=True, mode="json"),
            event=event,
        )
    except services.PushRejected as exc:
        _log(request, 422, "event", pk)
        return Status(422, {"detail": validation.DETAIL, "errors": exc.errors, "codes": exc.codes})
    status = 201 if pk is None else 200
    _log(request, status, "event", saved.pk)
    return Status(status, _pushed(saved, "event_detail"))


@router.post(
    "/organisation/events",
    auth=OrganisationToken(),
    response={201: schemas.Pushed, **WRITE_RESPONSES},
    url_name="push_event_create",
    summary="Create an event of your organisation",
)
def event_create(request: HttpRequest, payload: schemas.EventIn):
    return _push_event(request, payload, None)


@router.patch(
    "/organisation/events/{pk}",
    auth=OrganisationToken(),
    response={200: schemas.Pushed, **WRITE_RESPONSES},
    url_name="push_event_update",
    summary="Change an event of your organisation (only the given keys)",
)
def event_update(request: HttpRequest, pk: int, payload: schemas.EventIn):
    return _push_event(request, payload, pk)


def _push_opportunity(request: HttpRequest, payload: schemas.OpportunityIn, pk: int | None):
    opportunity = None
    if pk is not None:
        opportunity = Opportunity.objects.filter(
            pk=pk, organisation=request.auth.organisation
        ).first()
        if opportunity is None:
            _log(request, 404, "opportunity", pk)
            return Status(404, NOT_YOUR_OPPORTUNITY)
    try:
        saved = services.opportunity_push(
            token=request.auth,
            payload=payload.model_dump(exclude_unset=True, mode="json"),
            opportunity=opportunity,
        )
    except services.PushRejected as exc:
        _log(request, 422, "opportunity", pk)
        return Status(422, {"detail": validation.DETAIL, "errors": exc.errors, "codes": exc.codes})
    status = 201 if pk is None else 200
    _log(request, status, "opportunity", saved.pk)
    return Status(status, _pushed(saved, "opportunity_detail"))


@router.post(
    "/organisation/opportunities",
    auth=OrganisationToken(),
    response={201: schemas.Pushed, **WRITE_RESPONSES},
    url_name="push_opportunity_create",
    summary="Create a volunteer opportunity of your organisation",
)
def opportunity_create(request: HttpRequest, payload: schemas.OpportunityIn):
    return _push_opportunity(request, payload, None)


@router.patch(
    "/organisation/opportunities/{pk}",
    auth=OrganisationToken(),
    response={200: schemas.Pushed, **WRITE_RESPONSES},
    url_name="push_opportunity_update",
    summary="Change a volunteer opportunity of your organisation (only the given keys)",
)
def opportunity_update(request: HttpRequest, pk: int, payload: schemas.OpportunityIn):
    return _push_opportunity(request, payload, pk)
