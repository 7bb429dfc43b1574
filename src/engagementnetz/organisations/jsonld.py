"""schema.org descriptions of entries, embedded as JSON-LD (data, never executed: CSP allows it)."""

import json

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from .models import Organisation, Project

# The same escaping as Django's json_script: the JSON can never close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data: dict) -> SafeString:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def organisation_data(organisation: Organisation) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": _absolute(organisation.get_absolute_url()),
    }
    if organisation.short_description:
        data["description"] = organisation.short_description
    if organisation.street or organisation.city:
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        if organisation.street:
            address["streetAddress"] = organisation.street
        if organisation.postcode:
            address["postalCode"] = organisation.postcode
        if organisation.city:
            address["addressLocality"] = organisation.city
        data["address"] = address
    if organisation.has_position:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(organisation.latitude),
            "longitude": float(organisation.longitude),
        }
    same_as = [url for url in [organisation.website, *organisation.social_link_list] if url]
    if same_as:
        data["sameAs"] = same_as
    if organisation.public_email:
        data["email"] = organisation.public_email
    if organisation.public_phone:
        data["telephone"] = organisation.public_phone
    if organisation.founded_year:
        data["foundingDate"] = str(organisation.founded_year)
    if organisation.logo:
        data["logo"] = _absolute(organisation.logo.url)
    photos = [_absolute(photo.image.url) for photo in organisation.photos.all()]
    if photos:
        data["image"] = photos
    if organisation.language_list:
        data["knowsLanguage"] = organisation.language_list
    fields = [field.name for field in organisation.fields.all()]
    if fields:
        data["knowsAbout"] = fields
    return data


def project_data(project: Project) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.title,
        "url": _absolute(project.get_absolute_url()),
        "description": project.summary,
        "parentOrganization": {
            "@type": "Organization",
            "name": project.organisation.name,
            "url": _absolute(project.organisation.get_absolute_url()),
        },
    }
    if project.starts_on:
        data["foundingDate"] = project.starts_on.isoformat()
    return data
