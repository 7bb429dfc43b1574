from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.forms import HoneypotField

from .content import Topic
from .models import Issue

TOPIC_HELP = _(
    "News: reports from the network. Events: dates of the next four weeks. Training courses: "
    "new courses for volunteers. Volunteering opportunities: new ways to get involved. "
    "Participation: how the measures of the engagement strategy progress."
)


class TopicsField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("choices", Topic.choices)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("label", _("Topics"))
        kwargs.setdefault("help_text", TOPIC_HELP)
        kwargs.setdefault("error_messages", {"required": _("Please choose at least one topic.")})
        super().__init__(**kwargs)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    topics = TopicsField(initial=[topic.value for topic in Topic])
    consent = forms.BooleanField(
        label=_("I agree."),
        error_messages={"required": _("Please agree so that we may send you the newsletter.")},
    )
    website = HoneypotField()

    def __init__(self, *args, consent_text, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.fields["consent"].help_text = consent_text.text
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"


class ManageForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    topics = TopicsField()


class IssueForm(forms.ModelForm):
    class Meta:
        model = Issue
        fields = ["subject", "intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 8})}


class TestSendForm(forms.Form):
    email = forms.EmailField(label=_("Send the test to"))
    topics = TopicsField(
        label=_("As seen by someone with these topics"),
        help_text="",
        initial=[topic.value for topic in Topic],
    )


class ConsentTextForm(forms.Form):
    text = forms.CharField(
        label=_("New wording of the consent"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Becomes the next version; consents already given keep the version that was shown."
        ),
    )


class SubscriberSearchForm(forms.Form):
    q = forms.CharField(label=_("E-mail address contains"), required=False, max_length=254)
