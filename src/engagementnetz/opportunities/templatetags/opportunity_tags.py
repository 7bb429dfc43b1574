import json

from django import template
from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from engagementnetz.core.markdown import render_markdown

from ..models import Commitment, HoursPeriod, Opportunity

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def organisation_url(organisation) -> str:
    """The organisation's page, or "" while the directory has no such page."""
    try:
        return organisation.get_absolute_url()
    except NoReverseMatch:
        return ""


@register.filter
def time_summary(opportunity: Opportunity) -> str:
    """„regelmäßig, 3 Stunden pro Woche“ – the time commitment in a few words."""
    if opportunity.commitment == Commitment.REGULAR and opportunity.hours:
        if opportunity.hours_period == HoursPeriod.MONTH:
            return _("regular, %(hours)s hours per month") % {"hours": opportunity.hours}
        return _("regular, %(hours)s hours per week") % {"hours": opportunity.hours}
    if opportunity.commitment == Commitment.ONE_OFF:
        dates = opportunity.date_list
        if len(dates) == 1:
            return _("one-off on %(date)s") % {"date": dates[0]["date"].strftime("%d.%m.%Y")}
        if dates:
            return _("one-off, %(count)s dates from %(date)s") % {
                "count": len(dates),
                "date": dates[0]["date"].strftime("%d.%m.%Y"),
            }
        return _("one-off")
    if opportunity.commitment == Commitment.FLEXIBLE:
        return _("flexible")
    return opportunity.get_commitment_display()


def _plain(markdown_text: str) -> str:
    return " ".join(strip_tags(render_markdown(markdown_text)).split())


@register.simple_tag(takes_context=True)
def opportunity_jsonld(context, opportunity: Opportunity) -> SafeString:
    """schema.org JobPosting with employmentType VOLUNTEER, as search engines read it."""
    network = context.get("network")
    organisation = opportunity.organisation
    url = f"{settings.SITE_URL}{opportunity.get_absolute_url()}"
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": opportunity.title,
        "description": f"{opportunity.summary}\n\n{_plain(opportunity.tasks)}".strip(),
        "datePosted": opportunity.published_at.date().isoformat(),
        "validThrough": f"{opportunity.expires_on.isoformat()}T23:59:59",
        "employmentType": "VOLUNTEER",
        "totalJobOpenings": opportunity.people_needed,
        "url": url,
        "hiringOrganization": {
            "@type": "Organization",
            "name": organisation.name,
            **({"sameAs": organisation.website} if organisation.website else {}),
        },
        "industry": ", ".join(field.name for field in opportunity.fields.all()),
        "workHours": time_summary(opportunity),
    }
    if opportunity.start_date:
        data["jobStartDate"] = opportunity.start_date.isoformat()
    if opportunity.place or opportunity.district or not opportunity.is_remote:
        locality = organisation.city or (getattr(network, "town", "") if network else "")
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        if opportunity.place:
            address["streetAddress"] = opportunity.place
        if locality:
            address["addressLocality"] = locality
        if organisation.postcode:
            address["postalCode"] = organisation.postcode
        data["jobLocation"] = {"@type": "Place", "address": address}
    if opportunity.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "DE"}
    encoded = json.dumps(data, ensure_ascii=False, indent=None).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')  # noqa: S308
