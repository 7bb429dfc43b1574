from django import forms
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.uploads import ValidatedImageField
from engagementnetz.organisations.models import Organisation

from .models import Article, ArticleImage, Category
from .relations import RELATABLE_KINDS

CONTENT_FIELDS = [
    "title",
    "teaser",
    "body",
    "lead_image",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_copyright",
    "categories",
]


class ArticleContentForm(forms.ModelForm):
    """What every author fills in; the lead photo is checked and loses its metadata."""

    class Meta:
        model = Article
        fields = CONTENT_FIELDS
        field_classes = {"lead_image": ValidatedImageField}
        widgets = {
            "teaser": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18}),
            "categories": forms.CheckboxSelectMultiple,
        }

    def clean(self):
        cleaned = super().clean()
        has_image = cleaned.get("lead_image") or (
            self.instance.lead_image and cleaned.get("lead_image") is not False
        )
        if has_image and not cleaned.get("lead_image_alt"):
            self.add_error(
                "lead_image_alt", _("Please describe the photo for people who cannot see it.")
            )
        return cleaned


class ArticleForm(ArticleContentForm):
    """The network office's form: also the byline and what the article is related to."""

    class Meta(ArticleContentForm.Meta):
        fields = [*CONTENT_FIELDS, "author_name", "organisations"]
        widgets = {
            **ArticleContentForm.Meta.widgets,
            "organisations": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.public().only("pk", "name")
        self.fields["organisations"].help_text = _(
            "Hold Ctrl (Mac: Cmd) to choose several organisations."
        )
        self._kinds = []
        for kind in RELATABLE_KINDS:
            queryset = kind.public_queryset()
            if queryset is None:
                continue
            self._kinds.append(kind)
            initial = kind.ids_in(self.instance.relations.all()) if self.instance.pk else []
            self.fields[kind.field] = forms.ModelMultipleChoiceField(
                queryset=queryset,
                required=False,
                label=kind.label,
                initial=initial,
                widget=forms.SelectMultiple(attrs={"size": 6}),
            )

    def related_targets(self) -> list:
        targets = []
        for kind in self._kinds:
            targets.extend(self.cleaned_data.get(kind.field) or [])
        return targets


class ClubArticleForm(ArticleContentForm):
    """A club's article: written for one of the organisations the person works for."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label=_("For which organisation?"),
        empty_label=None,
    )

    class Meta(ArticleContentForm.Meta):
        fields = ["organisation", *CONTENT_FIELDS]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.public().filter(
            memberships__user=user
        )
        if self.instance.pk and self.instance.organisation_id:
            self.fields["organisation"].initial = self.instance.organisation_id


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish on"),
        required=False,
        help_text=_("Leave empty to publish now. A later date publishes it automatically."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class RejectForm(forms.Form):
    note = forms.CharField(
        label=_("What should the club change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class ArticleImageForm(forms.ModelForm):
    class Meta:
        model = ArticleImage
        fields = ["image", "alt"]
        field_classes = {"image": ValidatedImageField}


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "slug", "description", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Used in the address; made from the name if empty.")
