"""What the Engagement-Börse stores about a person, for export and deletion.

Interests, finder subscriptions and neighbourhood-help entries can be made without an account;
they belong to the person by their verified e-mail addresses as well.
"""

from allauth.account.models import EmailAddress
from django.db.models import Q

from .models import FinderSubscription, HelpPost, HoursEntry, Interest
from .services import help_post_withdraw


def _emails(user) -> list[str]:
    emails = {user.email.lower()}
    emails.update(
        address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    )
    return sorted(emails)


def _iso(value):
    return value.isoformat() if value else None


def export(user) -> dict:
    emails = _emails(user)
    interests = (
        Interest.objects.filter(Q(user=user) | Q(email__in=emails))
        .select_related("opportunity__organisation")
        .order_by("created_at")
    )
    hours = (
        HoursEntry.objects.filter(user=user)
        .select_related("organisation")
        .order_by("started_on", "pk")
    )
    subscriptions = FinderSubscription.objects.filter(email__in=emails).order_by("created_at")
    posts = HelpPost.objects.filter(Q(user=user) | Q(email__in=emails)).order_by("created_at")
    return {
        "engagement": {
            "interessenbekundungen": [
                {
                    "angebot": interest.opportunity.title,
                    "organisation": interest.opportunity.organisation.name,
                    "name": interest.name,
                    "e_mail": interest.email,
                    "telefon": interest.phone,
                    "nachricht": interest.message,
                    "status": interest.get_state_display(),
                    "einwilligung_am": _iso(interest.consent_at),
                    "bestaetigt_am": _iso(interest.confirmed_at),
                }
                for interest in interests
            ],
            "stunden": [
                {
                    "organisation": entry.organisation.name,
                    "taetigkeit": entry.activity,
                    "von": _iso(entry.started_on),
                    "bis": _iso(entry.ended_on),
                    "stunden": str(entry.hours),
                    "notiz": entry.note,
                    "status": entry.get_state_display(),
                }
                for entry in hours
            ],
            "finder_abonnements": [
                {
                    "e_mail": subscription.email,
                    "antworten": subscription.query,
                    "einwilligung_am": _iso(subscription.consent_at),
                    "bestaetigt_am": _iso(subscription.confirmed_at),
                }
                for subscription in subscriptions
            ],
            "nachbarschaftshilfe": [
                {
                    "titel": post.title,
                    "text": post.text,
                    "name": post.name,
                    "e_mail": post.email,
                    "status": post.get_state_display(),
                    "erstellt_am": _iso(post.created_at),
                }
                for post in posts
            ],
        }
    }


def erase(user) -> None:
    emails = _emails(user)
    Interest.objects.filter(Q(user=user) | Q(email__in=emails)).delete()
    HoursEntry.objects.filter(user=user).delete()
    FinderSubscription.objects.filter(email__in=emails).delete()
    for post in HelpPost.objects.filter(Q(user=user) | Q(email__in=emails)):
        help_post_withdraw(post=post)
