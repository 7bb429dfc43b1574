from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.forms import HoneypotField

from .models import LEGAL_PAGES, OfficeMessageKind, Page

OFFICE_CONTACT_CONSENT_TEXT = _(
    "I agree that the network office stores my message and my contact details in order to "
    "answer me. The platform deletes the message after %(days)s days."
)


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "body", "menu", "menu_position", "is_published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18})}
        error_messages = {
            "slug": {"unique": _("Another page already has this address. Please choose another.")}
        }

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if self.instance.pk and self.instance.is_legal and slug != self.instance.slug:
            raise forms.ValidationError(_("The address of a legal page cannot be changed."))
        return slug

    def clean_is_published(self):
        published = self.cleaned_data["is_published"]
        if self.instance.pk and self.instance.slug in LEGAL_PAGES and not published:
            raise forms.ValidationError(_("Legal pages must stay published."))
        return published


class OfficeContactForm(forms.Form):
    """The general contact form to the network office ("Ideen einbringen oder nachfragen")."""

    kind = forms.ChoiceField(
        label=_("What is it about?"),
        choices=OfficeMessageKind.choices,
        initial=OfficeMessageKind.IDEA,
        widget=forms.RadioSelect,
    )
    sender_name = forms.CharField(label=_("your name"), max_length=150)
    sender_email = forms.EmailField(label=_("your e-mail address"))
    subject = forms.CharField(label=_("subject"), max_length=200)
    message = forms.CharField(
        label=_("your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    consent = forms.BooleanField(label="", required=True)
    website = HoneypotField()

    def __init__(self, *args, retention_days: int = 30, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = str(OFFICE_CONTACT_CONSENT_TEXT) % {"days": retention_days}
        self.fields["consent"].label = self.consent_text
        self.fields["consent"].error_messages["required"] = _(
            "Please agree that the network office stores your message; otherwise we cannot "
            "receive it."
        )
        self.fields["kind"].error_messages["required"] = _(
            "Please choose whether you bring in an idea or have a question."
        )
        self.fields["sender_name"].error_messages["required"] = _("Please tell us your name.")
        self.fields["sender_email"].error_messages["required"] = _(
            "Please enter your e-mail address, so that the network office can reply."
        )
        self.fields["sender_email"].error_messages["invalid"] = _(
            "Please enter a complete e-mail address, such as name@example.org."
        )
        self.fields["subject"].error_messages["required"] = _(
            "Please sum up your message in a few words."
        )
        self.fields["message"].error_messages["required"] = _("Please write your message.")

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
