"""„Ich möchte mitmachen“ and how organisations answer it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagementnetz.core.forms import HoneypotField

from ..models import InterestState
from ..models.choices import HANDLED_INTEREST_STATES

EMAIL_ERRORS = {
    "required": _("Please enter your e-mail address."),
    "invalid": _("Please enter a valid e-mail address, e.g. name@example.org."),
}


class InterestForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(label=_("Your e-mail address"), error_messages=EMAIL_ERRORS)
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=50,
        required=False,
        help_text=_("If you would rather be called."),
    )
    message = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few words about you, and when you can be reached."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are passed on to the organisation so that it can get in "
            "touch with me."
        ),
        error_messages={"required": _("Without your consent we cannot pass on your message.")},
    )
    website = HoneypotField()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        if user is not None and user.is_authenticated:
            self.initial.setdefault("name", user.name)
            self.initial.setdefault("email", user.email)
            self.initial.setdefault("phone", user.phone)


class InterestStateForm(forms.Form):
    state = forms.ChoiceField(
        label=pgettext_lazy("interest state", "State"),
        choices=[(state.value, state.label) for state in HANDLED_INTEREST_STATES],
    )
    decline_note = forms.CharField(
        label=_("Personal note for the reply"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when declining: added to the friendly mail the person receives."),
    )

    def __init__(self, *args, interest, **kwargs):
        kwargs.setdefault("prefix", f"interest-{interest.pk}")
        kwargs.setdefault("initial", {"state": interest.state})
        super().__init__(*args, **kwargs)
        self.interest = interest

    @property
    def is_declined(self) -> bool:
        return self.interest.state == InterestState.DECLINED
