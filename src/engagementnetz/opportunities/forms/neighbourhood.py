"""Neighbourhood help: the entry, messages to its poster, and moderation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.forms import HoneypotField
from engagementnetz.core.models import District

from ..models import HelpCategory, HelpKind, HelpPost
from .interest import EMAIL_ERRORS


class HelpPostForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Do you offer or need help?"),
        choices=HelpKind.choices,
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(
        label=_("Kind of help"), choices=HelpCategory.choices, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my entry is shown publicly after review and that replies are passed "
            "on to me by e-mail. My e-mail address stays hidden."
        ),
        error_messages={"required": _("Please agree so that we can publish your entry.")},
    )
    website = HoneypotField()

    class Meta:
        model = HelpPost
        fields = ["kind", "category", "title", "text", "district", "name", "email"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "text": _(
                "What, when and how often? Please do not give an address or phone number here."
            )
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.active()
        self.fields["district"].empty_label = _("– not given –")
        self.fields["email"].error_messages.update(EMAIL_ERRORS)
        if user is not None and user.is_authenticated:
            self.initial.setdefault("email", user.email)
            self.initial.setdefault("name", user.get_short_name())


class HelpContactForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages=EMAIL_ERRORS,
        help_text=_("The reply comes to this address."),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please write a message.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that my message and e-mail address are passed on to the poster."),
        error_messages={"required": _("Without your consent we cannot pass on your message.")},
    )
    website = HoneypotField()


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Publish")), ("reject", _("Reject"))])
    reason = forms.CharField(label=_("Reason if you reject"), required=False, max_length=1000)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("reason", "").strip():
            self.add_error("reason", _("Please give a short reason; the poster receives it."))
        return data
