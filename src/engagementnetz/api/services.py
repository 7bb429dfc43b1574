"""Every write of the API app: tokens, their log, and what a token pushes.

Pushed events and opportunities go through the same forms and services as the pages, so the
same checks apply and the search index is updated by those services.
"""

import hashlib
import secrets

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from engagementnetz.core.models import District, Field, TargetGroup
from engagementnetz.events.manage_forms import EventForm
from engagementnetz.events.models import Event, Venue
from engagementnetz.events.services import event_save
from engagementnetz.opportunities.forms.fields import format_date_lines
from engagementnetz.opportunities.forms.opportunity import OpportunityForm
from engagementnetz.opportunities.models import Opportunity
from engagementnetz.opportunities.services.opportunities import opportunity_save
from engagementnetz.organisations.models import Organisation

from .models import ApiToken, ApiTokenUse

TOKEN_PREFIX = "en_"  # noqa: S105 - a public prefix, not a secret


class PushRejected(Exception):
    """The pushed data did not pass the form's checks.

    ``errors`` maps fields to messages, ``codes`` to the form's codes of those messages.
    """

    def __init__(self, errors: dict[str, list[str]], codes: dict[str, list[str]]):
        super().__init__("invalid data")
        self.errors = errors
        self.codes = codes


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, organisation: Organisation, name: str, by) -> tuple[ApiToken, str]:
    """A new token for the organisation; returns it with the secret, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name.strip(),
        prefix=raw[:10],
        token_hash=hash_token(raw),
        created_by=by,
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, by) -> ApiToken:
    """From now on the token is refused; its log stays."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_use_log(
    *,
    token: ApiToken,
    method: str,
    path: str,
    status_code: int,
    object_kind: str = "",
    object_id: int | None = None,
) -> ApiTokenUse:
    """Record one request made with the token (also refused ones)."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return ApiTokenUse.objects.create(
        token=token,
        method=method[:10],
        path=path[:300],
        status_code=status_code,
        object_kind=object_kind,
        object_id=object_id,
    )


def _rejected(form) -> PushRejected:
    """The form's messages per field, with their codes (``invalid`` where a check gives none)."""
    errors: dict[str, list[str]] = {}
    codes: dict[str, list[str]] = {}
    for name, messages in form.errors.items():
        errors[name] = [str(message) for message in messages]
        codes[name] = [error.code or "invalid" for error in messages.as_data()]
    return PushRejected(errors, codes)


def _current_values(form) -> dict:
    """The values an unbound form shows for its instance: the base a partial update changes."""
    return {name: form[name].value() for name in form.fields}


def _pks(model, slugs: list[str] | None) -> list:
    if not slugs:
        return []
    found = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    # Unknown terms are kept as they are so that the form reports them as invalid choices.
    return [found.get(slug, slug) for slug in slugs]


def _district_pk(slug: str | None):
    if not slug:
        return ""
    return District.objects.filter(slug=slug).values_list("pk", flat=True).first() or slug


EVENT_PLAIN_FIELDS = (
    "title",
    "kind",
    "short_description",
    "description",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "recurrence",
    "recurrence_interval",
    "recurrence_weekdays",
    "recurrence_until",
    "recurrence_count",
    "online_url",
    "is_free",
    "cost",
    "is_published",
    "provider",
    "learning_goals",
    "prerequisites",
    "course_scope",
)


def _event_form(*, organisation: Organisation, payload: dict, event: Event | None) -> EventForm:
    def restrict(form):
        form.fields["organiser"].queryset = Organisation.objects.filter(pk=organisation.pk)
        form.fields["venue"].queryset = Venue.objects.filter(
            Q(organisation__isnull=True) | Q(organisation=organisation)
        )
        return form

    instance = event or Event()
    base = _current_values(restrict(EventForm(instance=instance, user=None, is_office=False)))
    data = {**base, "organiser": organisation.pk, "venue_name": ""}
    for name in EVENT_PLAIN_FIELDS:
        if name in payload:
            data[name] = payload[name]
    for name, model in (("fields", Field), ("target_groups", TargetGroup)):
        if name in payload:
            data[name] = _pks(model, payload[name])
    venue = payload.get("venue")
    if venue is not None:
        existing = (
            Venue.objects.filter(organisation=organisation, name=venue.get("name", ""))
            .values_list("pk", flat=True)
            .first()
        )
        if existing:
            data["venue"] = existing
        else:
            data["venue"] = ""
            data["venue_name"] = venue.get("name", "")
            for part in (
                "street",
                "postcode",
                "city",
                "step_free",
                "accessible_wc",
                "hearing_loop",
            ):
                data[f"venue_{part}"] = venue.get(part, "")
            data["venue_district"] = _district_pk(venue.get("district"))
    for name, value in list(data.items()):
        if value is None:
            data[name] = ""
    return restrict(EventForm(data, instance=instance, user=None, is_office=False))


@transaction.atomic
def event_push(*, token: ApiToken, payload: dict, event: Event | None = None) -> Event:
    """Create (without ``event``) or update an event of the token's organisation.

    Only the keys present in ``payload`` change; the rest keeps its value. Raises
    :class:`PushRejected` with the form's messages when the data is invalid.
    """
    if event is not None and event.organiser_id != token.organisation_id:
        raise PermissionError("The event belongs to another organisation.")
    form = _event_form(organisation=token.organisation, payload=payload, event=event)
    if not form.is_valid():
        raise _rejected(form)
    return event_save(form=form, by=token.created_by)


OPPORTUNITY_PLAIN_FIELDS = (
    "title",
    "summary",
    "tasks",
    "commitment",
    "hours",
    "hours_period",
    "start_date",
    "end_date",
    "place",
    "is_remote",
    "needs_police_certificate",
    "needs_driving_licence",
    "languages",
    "skills_note",
    "people_needed",
    "offers_note",
    "contact_name",
    "contact_email",
    "contact_phone",
)
OPPORTUNITY_LIST_FIELDS = {
    "time_slots": "time_slots",
    "suited_for": "suited_for",
    "skills": "skill_list",
    "offers": "offer_list",
}


@transaction.atomic
def opportunity_push(
    *, token: ApiToken, payload: dict, opportunity: Opportunity | None = None
) -> Opportunity:
    """Create or update an opportunity of the token's organisation (like :func:`event_push`)."""
    if opportunity is not None and opportunity.organisation_id != token.organisation_id:
        raise PermissionError("The opportunity belongs to another organisation.")
    instance = opportunity or Opportunity()
    data = _current_values(OpportunityForm(instance=instance))
    for name in OPPORTUNITY_PLAIN_FIELDS:
        if name in payload:
            data[name] = payload[name]
    for key, name in OPPORTUNITY_LIST_FIELDS.items():
        if key in payload:
            data[name] = payload[key] or []
    for name, model in (("fields", Field), ("target_groups", TargetGroup)):
        if name in payload:
            data[name] = _pks(model, payload[name])
    if "district" in payload:
        data["district"] = _district_pk(payload["district"])
    if "dates" in payload:
        data["date_lines"] = format_date_lines(payload["dates"] or [])
    for name, value in list(data.items()):
        if value is None:
            data[name] = ""
    form = OpportunityForm(data, instance=instance)
    if not form.is_valid():
        raise _rejected(form)
    return opportunity_save(
        form=form,
        by=token.created_by,
        organisation=token.organisation if opportunity is None else None,
    )
