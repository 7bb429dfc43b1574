"""The mails of the Engagement-Börse: German plain text with an HTML alternative.

Called from the app's tasks (which take IDs) and periodic services, never inside a request's
transaction. Every link is absolute, built from settings.SITE_URL.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings

from .models import FinderSubscription, HelpContact, HelpPost, Interest, Opportunity

STILL_CURRENT_SALT = "opportunities.still-current"


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def still_current_token(opportunity: Opportunity) -> str:
    return signing.dumps(opportunity.pk, salt=STILL_CURRENT_SALT)


def still_current_url(opportunity: Opportunity) -> str:
    path = reverse(
        "opportunities:still_current",
        kwargs={"slug": opportunity.slug, "token": still_current_token(opportunity)},
    )
    return absolute(path)


def send(
    *,
    to: Iterable[str],
    subject: str,
    template: str,
    context: dict,
    reply_to: Iterable[str] = (),
    headers: dict | None = None,
) -> None:
    """Render ``opportunities/mail/<template>.txt`` and send it with an HTML alternative."""
    site = cached_site_settings()
    context = {"site": site, "site_url": settings.SITE_URL, **context}
    body = render_to_string(f"opportunities/mail/{template}.txt", context).strip() + "\n"
    html = render_to_string(
        "opportunities/mail/wrapper.html", {"subject": subject, "body": body, "site": site}
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=list(to),
        reply_to=list(reply_to),
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    message.send()


def german(function):
    """Mails are written in German whatever language the request or worker had."""

    def wrapped(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    wrapped.__name__ = function.__name__
    wrapped.__doc__ = function.__doc__
    return wrapped


# --- Interest -----------------------------------------------------------------------------------


@german
def interest_confirmation_request(interest: Interest) -> None:
    url = absolute(reverse("opportunities:interest_confirm", kwargs={"token": interest.token}))
    send(
        to=[interest.email],
        subject=_("Please confirm your message: %(title)s") % {"title": interest.opportunity},
        template="interest_confirm",
        context={"interest": interest, "opportunity": interest.opportunity, "confirm_url": url},
    )


@german
def interest_to_organisation(interest: Interest) -> None:
    opportunity = interest.opportunity
    url = absolute(reverse("opportunities:interests", kwargs={"slug": opportunity.slug}))
    send(
        to=[opportunity.contact_email],
        reply_to=[interest.email],
        subject=_("New interest in “%(title)s”") % {"title": opportunity.title},
        template="interest_to_organisation",
        context={"interest": interest, "opportunity": opportunity, "manage_url": url},
    )


@german
def interest_received(interest: Interest) -> None:
    opportunity = interest.opportunity
    send(
        to=[interest.email],
        subject=_("Your message has reached %(organisation)s")
        % {"organisation": opportunity.organisation.name},
        template="interest_received",
        context={
            "interest": interest,
            "opportunity": opportunity,
            "opportunity_url": absolute(opportunity.get_absolute_url()),
        },
    )


@german
def interest_declined(interest: Interest) -> None:
    opportunity = interest.opportunity
    send(
        to=[interest.email],
        reply_to=[opportunity.contact_email],
        subject=_("Your interest in “%(title)s”") % {"title": opportunity.title},
        template="interest_declined",
        context={
            "interest": interest,
            "opportunity": opportunity,
            "finder_url": absolute(reverse("opportunities:finder")),
            "list_url": absolute(reverse("opportunities:list")),
        },
    )


@german
def interest_reminder(opportunity: Opportunity, interests: list[Interest]) -> None:
    url = absolute(reverse("opportunities:interests", kwargs={"slug": opportunity.slug}))
    send(
        to=[opportunity.contact_email],
        subject=_("Still waiting for an answer: interest in “%(title)s”")
        % {"title": opportunity.title},
        template="interest_reminder",
        context={"opportunity": opportunity, "interests": interests, "manage_url": url},
    )


# --- Freshness ----------------------------------------------------------------------------------


@german
def freshness_reminder(opportunity: Opportunity) -> None:
    send(
        to=[opportunity.contact_email],
        subject=_("Is “%(title)s” still current?") % {"title": opportunity.title},
        template="freshness_reminder",
        context={
            "opportunity": opportunity,
            "still_current_url": still_current_url(opportunity),
            "edit_url": absolute(reverse("opportunities:edit", kwargs={"slug": opportunity.slug})),
            "ends_by_date": bool(
                opportunity.end_date and opportunity.end_date == opportunity.expires_on
            ),
        },
    )


# --- Finder -------------------------------------------------------------------------------------


def _unsubscribe_url(subscription: FinderSubscription) -> str:
    return absolute(
        reverse("opportunities:finder_unsubscribe", kwargs={"token": subscription.token})
    )


@german
def finder_confirmation_request(subscription: FinderSubscription) -> None:
    url = absolute(reverse("opportunities:finder_confirm", kwargs={"token": subscription.token}))
    send(
        to=[subscription.email],
        subject=_("Please confirm: new matching opportunities by e-mail"),
        template="finder_confirm",
        context={
            "subscription": subscription,
            "confirm_url": url,
            "finder_url": absolute(f"{reverse('opportunities:finder')}?{subscription.query}"),
        },
    )


@german
def finder_digest(subscription: FinderSubscription, matches: list) -> None:
    unsubscribe = _unsubscribe_url(subscription)
    send(
        to=[subscription.email],
        subject=_("New matching opportunities for you"),
        template="finder_digest",
        context={
            "matches": [
                {
                    "opportunity": match.opportunity,
                    "url": absolute(match.opportunity.get_absolute_url()),
                    "reasons": match.reasons,
                }
                for match in matches
            ],
            "finder_url": absolute(f"{reverse('opportunities:finder')}?{subscription.query}"),
            "unsubscribe_url": unsubscribe,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


# --- Neighbourhood help -------------------------------------------------------------------------


def _manage_url(post: HelpPost) -> str:
    return absolute(reverse("opportunities:help_manage", kwargs={"token": post.token}))


@german
def help_confirmation_request(post: HelpPost) -> None:
    url = absolute(reverse("opportunities:help_confirm", kwargs={"token": post.token}))
    send(
        to=[post.email],
        subject=_("Please confirm your neighbourhood help entry"),
        template="help_confirm",
        context={"post": post, "confirm_url": url},
    )


@german
def help_moderated(post: HelpPost) -> None:
    published = post.state == "published"
    send(
        to=[post.email],
        subject=(
            _("Your entry “%(title)s” is online")
            if published
            else _("Your entry “%(title)s” could not be published")
        )
        % {"title": post.title},
        template="help_published" if published else "help_rejected",
        context={
            "post": post,
            "post_url": absolute(post.get_absolute_url()),
            "manage_url": _manage_url(post),
        },
    )


@german
def help_contact(contact: HelpContact) -> None:
    post = contact.post
    send(
        to=[post.email],
        reply_to=[contact.email],
        subject=_("Reply to your entry “%(title)s”") % {"title": post.title},
        template="help_contact",
        context={"post": post, "contact": contact, "manage_url": _manage_url(post)},
    )
