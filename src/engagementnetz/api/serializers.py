"""Objects → plain data of the schemas. Reads only what the selectors prefetched.

Every field that leaves the platform is named here, one by one: a new model field never
appears in the API by accident.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def api_url(name: str, pk: int) -> str:
    return absolute(reverse(f"api:{name}", kwargs={"pk": pk}))


def local(moment):
    return timezone.localtime(moment) if moment else None


def number(value):
    return float(value) if value is not None else None


def term(obj) -> dict | None:
    return {"slug": obj.slug, "name": obj.name} if obj is not None else None


def terms(manager) -> list[dict]:
    return [term(obj) for obj in manager.all()]


def organisation_ref(organisation) -> dict | None:
    if organisation is None:
        return None
    return {
        "id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.name,
        "url": absolute(organisation.get_absolute_url()),
        "api_url": api_url("organisation_detail", organisation.pk),
    }


def organisation(obj) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "name": obj.name,
        "kind": obj.kind,
        "kind_label": str(obj.get_kind_display()),
        "short_description": obj.short_description,
        "description": obj.description,
        "fields": terms(obj.fields),
        "target_groups": terms(obj.target_groups),
        "district": term(obj.district),
        "address": {"street": obj.street, "postcode": obj.postcode, "city": obj.city},
        "latitude": number(obj.latitude),
        "longitude": number(obj.longitude),
        "meeting_times": obj.meeting_times,
        "website": obj.website,
        "social_links": obj.social_link_list,
        "email": obj.public_email,
        "phone": obj.public_phone,
        "founded_year": obj.founded_year,
        "seeks_members": obj.seeks_members,
        "seeks_volunteers": obj.seeks_volunteers,
        "barrier_free": obj.barrier_free,
        "accessibility_notes": obj.accessibility_notes,
        "languages": obj.language_list,
        "verified_at": local(obj.verified_at),
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("organisation_detail", obj.pk),
    }


def project(obj) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "title": obj.title,
        "summary": obj.summary,
        "description": obj.description,
        "status": obj.status,
        "organisation": organisation_ref(obj.organisation),
        # Prefetched with only the public partners.
        "partners": [organisation_ref(partner) for partner in obj.partners.all()],
        "field": term(obj.field),
        "starts_on": obj.starts_on,
        "ends_on": obj.ends_on,
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("project_detail", obj.pk),
    }


def date(occurrence) -> dict:
    return {
        "id": occurrence.pk,
        "starts_at": local(occurrence.starts_at),
        "ends_at": local(occurrence.ends_at),
        "is_cancelled": occurrence.is_cancelled,
        "note": occurrence.note,
    }


def venue(obj) -> dict | None:
    if obj is None:
        return None
    return {
        "name": obj.name,
        "address": {"street": obj.street, "postcode": obj.postcode, "city": obj.city},
        "district": term(obj.district),
        "latitude": number(obj.latitude),
        "longitude": number(obj.longitude),
        "step_free": obj.step_free,
        "accessible_wc": obj.accessible_wc,
        "hearing_loop": obj.hearing_loop,
        "accessibility_notes": obj.accessibility_notes,
    }


def event(obj, *, organiser_name: str, next_dates: list | None = None) -> dict:
    course = None
    if obj.is_course:
        course = {
            "provider": obj.provider,
            "learning_goals": obj.learning_goals,
            "prerequisites": obj.prerequisites,
            "scope": obj.course_scope,
        }
    upcoming = next_dates if next_dates is not None else list(obj.next_dates)
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "title": obj.title,
        "kind": obj.kind,
        "state": obj.state,
        "state_note": obj.state_note,
        "organiser": organisation_ref(obj.organiser),
        "organiser_name": obj.organiser.name if obj.organiser_id else organiser_name,
        "short_description": obj.short_description,
        "description": obj.description,
        "starts_at": local(obj.starts_at),
        "ends_at": local(obj.ends_at),
        "all_day": obj.all_day,
        "recurrence": obj.recurrence,
        "next_date": date(upcoming[0]) if upcoming else None,
        "venue": venue(obj.venue),
        "online_url": obj.online_url,
        "is_free": obj.is_free,
        "cost": obj.cost,
        "fields": terms(obj.fields),
        "target_groups": terms(obj.target_groups),
        "registration_required": obj.registration_enabled,
        "course": course,
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("event_detail", obj.pk),
    }


def occurrence(obj, *, organiser_name: str) -> dict:
    event_obj = obj.event
    place = event_obj.venue
    return {
        **date(obj),
        "event": {
            "id": event_obj.pk,
            "slug": event_obj.slug,
            "title": event_obj.title,
            "kind": event_obj.kind,
            "organiser_name": event_obj.organiser.name
            if event_obj.organiser_id
            else organiser_name,
            "venue_name": place.name if place else "",
            "district": term(place.district) if place else None,
            "is_free": event_obj.is_free,
            "url": absolute(event_obj.get_absolute_url()),
            "api_url": api_url("event_detail", event_obj.pk),
        },
    }


def opportunity(obj) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "title": obj.title,
        "summary": obj.summary,
        "tasks": obj.tasks,
        "organisation": organisation_ref(obj.organisation),
        "state": obj.state,
        "commitment": obj.commitment,
        "dates": [
            {"date": item["date"].isoformat(), "note": item["note"]} for item in obj.date_list
        ],
        "hours": obj.hours,
        "hours_period": obj.hours_period,
        "time_slots": [str(value) for value in obj.time_slots],
        "suited_for": [str(value) for value in obj.suitabilities],
        "offers": [str(value) for value in obj.offers],
        "offers_note": obj.offers_note,
        "skills": obj.skill_codes,
        "skills_note": obj.skills_note,
        "languages": obj.languages,
        "needs_police_certificate": obj.needs_police_certificate,
        "needs_driving_licence": obj.needs_driving_licence,
        "people_needed": obj.people_needed,
        "place": obj.place,
        "district": term(obj.district),
        "is_remote": obj.is_remote,
        "fields": terms(obj.fields),
        "target_groups": terms(obj.target_groups),
        "start_date": obj.start_date,
        "end_date": obj.end_date,
        "published_at": local(obj.published_at),
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("opportunity_detail", obj.pk),
    }


def process(obj) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "title": obj.title,
        "summary": obj.summary,
        "description": obj.description,
        "results": obj.results,
        "phases": [
            {
                "title": phase.title,
                "description": phase.description,
                "starts_on": phase.starts_on,
                "ends_on": phase.ends_on,
                "allows_contributions": phase.allows_contributions,
            }
            for phase in obj.phases.all()
        ],
        "contribution_count": obj.contribution_count or 0,
        "measure_count": obj.measure_count or 0,
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("process_detail", obj.pk),
    }


def measure(obj) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "title": obj.title,
        "summary": obj.summary,
        "description": obj.description,
        "state": obj.state,
        "state_label": str(obj.get_state_display()),
        "progress": obj.progress,
        "starts_on": obj.starts_on,
        "ends_on": obj.ends_on,
        "field": term(obj.field),
        "process": (
            {"id": obj.process.pk, "slug": obj.process.slug, "title": obj.process.title}
            if obj.process_id and obj.process.is_published
            else None
        ),
        "responsible_organisation": (
            organisation_ref(obj.responsible_organisation)
            if obj.responsible_organisation_id and obj.responsible_organisation.is_public
            else None
        ),
        "updates": [
            {
                "date": update.date,
                "text": update.text,
                "progress": update.progress,
                "state": update.state,
            }
            for update in obj.updates.all()
        ],
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("measure_detail", obj.pk),
    }


def article(obj) -> dict:
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "title": obj.title,
        "teaser": obj.teaser,
        "body": obj.body,
        "byline": obj.byline,
        "publish_at": local(obj.publish_at),
        "categories": terms(obj.categories),
        "organisation": (
            organisation_ref(obj.organisation)
            if obj.organisation_id and obj.organisation.is_public
            else None
        ),
        "updated_at": local(obj.updated_at),
        "url": absolute(obj.get_absolute_url()),
        "api_url": api_url("article_detail", obj.pk),
    }


def link(obj) -> dict:
    return {
        "id": obj.pk,
        "title": obj.title,
        "address": obj.url,
        "description": obj.description,
        "category": {"name": obj.category.name, "description": obj.category.description},
    }
