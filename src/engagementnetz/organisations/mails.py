"""The directory's mails: German plain text with an HTML alternative, links absolute.

Each function builds one mail from IDs' objects and sends it; the app's tasks call them after
the transaction that caused them has been committed.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings

from .models import (
    ClaimRequest,
    ContactMessage,
    Invitation,
    MembershipRole,
    Organisation,
    Report,
)

REVIEW_SALT = "organisations.review"
REVIEW_TOKEN_MAX_AGE = 60 * 60 * 24 * 90  # the reminder's link works for three months


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def review_token(organisation: Organisation) -> str:
    return signing.dumps(organisation.pk, salt=REVIEW_SALT)


def organisation_from_review_token(token: str) -> Organisation | None:
    try:
        pk = signing.loads(token, salt=REVIEW_SALT, max_age=REVIEW_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return Organisation.objects.filter(pk=pk).first()


@dataclass
class Mail:
    to: list[str]
    subject: str
    paragraphs: list[str]
    action: tuple[str, str] | None = None  # (label, absolute URL)
    quote: str = ""  # a text the person wrote, shown as is
    reply_to: list[str] = field(default_factory=list)

    def send(self) -> None:
        if not self.to:
            return
        site = cached_site_settings()
        context = {"mail": self, "site": site, "site_url": settings.SITE_URL}
        body = render_to_string("organisations/mails/mail.txt", context)
        html = render_to_string("organisations/mails/mail.html", context)
        message = EmailMultiAlternatives(
            subject=self.subject, body=body, to=self.to, reply_to=self.reply_to
        )
        message.attach_alternative(html, "text/html")
        message.send()


def admin_addresses(organisation: Organisation) -> list[str]:
    return sorted(
        organisation.memberships.filter(role=MembershipRole.ADMIN).values_list(
            "user__email", flat=True
        )
    )


def office_addresses() -> list[str]:
    address = cached_site_settings().contact_email
    return [address] if address else []


def _manage_url(organisation: Organisation) -> str:
    return absolute(reverse("organisations:manage", kwargs={"slug": organisation.slug}))


def send_organisation_mail(kind: str, organisation: Organisation) -> None:
    """Mails about the state of an entry: to its admins, or to the network office."""
    with translation.override(settings.LANGUAGE_CODE):
        name = organisation.name
        if kind == "submitted":
            Mail(
                to=office_addresses(),
                subject=_("New entry to verify: %(name)s") % {"name": name},
                paragraphs=[
                    _("“%(name)s” has been submitted for verification.") % {"name": name},
                    _("Please check the entry in the work area and decide on it."),
                ],
                action=(_("Open the queue"), absolute(reverse("organisations:queue"))),
            ).send()
        elif kind == "verified":
            Mail(
                to=admin_addresses(organisation),
                subject=_("Your entry “%(name)s” has been verified") % {"name": name},
                paragraphs=[
                    _(
                        "The network office has verified the entry “%(name)s”. It is now public "
                        "and carries the badge “verified by the network office”."
                    )
                    % {"name": name},
                    _("Changes you make from now on are published at once."),
                ],
                action=(_("View the entry"), absolute(organisation.get_absolute_url())),
            ).send()
        elif kind == "rejected":
            Mail(
                to=admin_addresses(organisation),
                subject=_("Your entry “%(name)s” could not be published") % {"name": name},
                paragraphs=[
                    _("The network office could not publish the entry “%(name)s”. The reason:")
                    % {"name": name},
                ],
                quote=organisation.rejection_reason,
                action=(_("Correct and submit again"), _manage_url(organisation)),
            ).send()
        elif kind == "unpublished":
            Mail(
                to=admin_addresses(organisation),
                subject=_("Your entry “%(name)s” is no longer public") % {"name": name},
                paragraphs=[
                    _("The network office has taken the entry “%(name)s” offline. The reason:")
                    % {"name": name},
                ],
                quote=organisation.unpublished_reason,
                action=(_("Correct and submit again"), _manage_url(organisation)),
            ).send()
        elif kind == "review_reminder":
            since = date_format(organisation.last_reviewed_at, "j. F Y")
            Mail(
                to=admin_addresses(organisation),
                subject=_("Are the details of “%(name)s” still current?") % {"name": name},
                paragraphs=[
                    _(
                        "The details of “%(name)s” were last confirmed on %(date)s. People in "
                        "town rely on them: please take a moment to check them."
                    )
                    % {"name": name, "date": since},
                    _(
                        "If everything is still correct, one click on the link below is enough. "
                        "If something has changed, edit the entry instead."
                    ),
                    _("Edit the entry: %(url)s") % {"url": _manage_url(organisation)},
                ],
                action=(
                    _("The details are current"),
                    absolute(
                        reverse(
                            "organisations:confirm_current",
                            kwargs={"token": review_token(organisation)},
                        )
                    ),
                ),
            ).send()
        else:
            raise ValueError(kind)


def send_claim_mail(claim: ClaimRequest) -> None:
    organisation = claim.organisation
    with translation.override(settings.LANGUAGE_CODE):
        if claim.state == "pending":
            Mail(
                to=office_addresses(),
                subject=_("Claim of “%(name)s”") % {"name": organisation.name},
                paragraphs=[
                    _("%(person)s says they represent “%(name)s” and asks to keep its entry.")
                    % {"person": claim.user, "name": organisation.name}
                ],
                action=(_("Open the queue"), absolute(reverse("organisations:queue"))),
            ).send()
        elif claim.state == "approved":
            Mail(
                to=[claim.user.email],
                subject=_("You now keep the entry “%(name)s”") % {"name": organisation.name},
                paragraphs=[
                    _(
                        "The network office has confirmed your request: you are now an "
                        "administrator of the entry “%(name)s” and can keep it current."
                    )
                    % {"name": organisation.name}
                ],
                quote=claim.decision_note,
                action=(_("Manage the entry"), _manage_url(organisation)),
            ).send()
        else:
            Mail(
                to=[claim.user.email],
                subject=_("Your request for “%(name)s”") % {"name": organisation.name},
                paragraphs=[
                    _(
                        "The network office could not confirm that you represent “%(name)s”. "
                        "The reason:"
                    )
                    % {"name": organisation.name}
                ],
                quote=claim.decision_note,
            ).send()


def send_report_notice(report: Report) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        Mail(
            to=office_addresses(),
            subject=_("Content reported: %(title)s") % {"title": report.target},
            paragraphs=[_("Reason: %(reason)s") % {"reason": report.get_reason_display()}],
            quote=report.message,
            action=(_("Open the queue"), absolute(reverse("organisations:queue"))),
        ).send()


def send_invitation(invitation: Invitation) -> None:
    organisation = invitation.organisation
    with translation.override(settings.LANGUAGE_CODE):
        Mail(
            to=[invitation.email],
            subject=_("Invitation to keep the entry “%(name)s”") % {"name": organisation.name},
            paragraphs=[
                _(
                    "%(person)s invites you to keep the entry of “%(name)s” on %(site)s "
                    "together, in the role “%(role)s”."
                )
                % {
                    "person": invitation.invited_by or _("The network office"),
                    "name": organisation.name,
                    "site": cached_site_settings().name,
                    "role": invitation.get_role_display(),
                },
                _(
                    "To accept, log in or create an account with this e-mail address. "
                    "The invitation is valid until %(date)s."
                )
                % {"date": date_format(invitation.expires_at, "j. F Y")},
            ],
            action=(
                _("Accept the invitation"),
                absolute(reverse("organisations:invitation", kwargs={"token": invitation.token})),
            ),
        ).send()


def send_contact_message(message: ContactMessage) -> None:
    """Relay the message to the organisation (its address stays hidden) and copy the sender."""
    organisation = message.organisation
    site = cached_site_settings()
    with translation.override(settings.LANGUAGE_CODE):
        Mail(
            to=[organisation.email],
            reply_to=[message.sender_email],
            subject=_("Message via %(site)s: %(subject)s")
            % {"site": site.name, "subject": message.subject},
            paragraphs=[
                _(
                    "%(name)s (%(email)s) has written to “%(organisation)s” through the contact "
                    "form of %(site)s. Reply to this e-mail to answer them directly."
                )
                % {
                    "name": message.sender_name,
                    "email": message.sender_email,
                    "organisation": organisation.name,
                    "site": site.name,
                }
            ],
            quote=message.message,
        ).send()
        Mail(
            to=[message.sender_email],
            subject=_("Your message to “%(organisation)s”: %(subject)s")
            % {"organisation": organisation.name, "subject": message.subject},
            paragraphs=[
                _(
                    "Thank you for your message. We have passed it on to “%(organisation)s”; "
                    "the organisation will reply to you by e-mail. This is your copy."
                )
                % {"organisation": organisation.name}
            ],
            quote=message.message,
            action=(_("The organisation's entry"), absolute(organisation.get_absolute_url())),
        ).send()
