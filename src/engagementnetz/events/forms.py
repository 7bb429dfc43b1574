"""Public forms: the calendar's filters and the registration form."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from engagementnetz.core.forms import HoneypotField
from engagementnetz.core.models import District, Field, TargetGroup

from .models import Event, EventKind, QuestionKind
from .recurrence import make_local

SHORTCUTS = {
    "heute": _("Today"),
    "woche": _("This week"),
    "wochenende": _("Weekend"),
}


def _attrs(attrs: dict) -> str:
    """HTML attributes as Django's ``attrs.html`` writes them."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """A select that writes its options in Python, with the same HTML as Django's templates.

    The organiser filter has hundreds of options; rendering each through the option template
    took most of the calendar page's time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            parts.extend(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
                for option in group_choices
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped


class SlugChoiceField(forms.ChoiceField):
    """A select of vocabulary terms by slug; unknown slugs are ignored instead of failing."""

    widget = QuickSelect

    def __init__(self, *, empty_label, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.empty_label = empty_label

    def set_terms(self, terms) -> None:
        self.choices = [("", self.empty_label), *((t.slug, t.name) for t in terms)]

    def valid_value(self, value) -> bool:
        return True


class CalendarFilterForm(forms.Form):
    """Filters of the calendar; all of them live in the URL (GET)."""

    q = forms.CharField(label=_("Search term"), required=False, max_length=100)
    art = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Events and courses")), *EventKind.choices],
    )
    bereich = SlugChoiceField(label=_("Field"), empty_label=_("All fields"))
    zielgruppe = SlugChoiceField(label=_("Target group"), empty_label=_("All target groups"))
    stadtteil = SlugChoiceField(label=_("District"), empty_label=_("All districts"))
    veranstalter = SlugChoiceField(label=_("Organiser"), empty_label=_("All organisers"))
    von = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    bis = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kostenlos = forms.BooleanField(label=_("Free of charge only"), required=False)
    barrierefrei = forms.BooleanField(label=_("Step-free venues only"), required=False)
    zeitraum = forms.ChoiceField(
        required=False, choices=[("", ""), *SHORTCUTS.items()], widget=forms.HiddenInput
    )

    def __init__(self, data=None, *, fixed_kind: str | None = None, organisers=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["bereich"].set_terms(Field.objects.active())
        self.fields["zielgruppe"].set_terms(TargetGroup.objects.active())
        self.fields["stadtteil"].set_terms(District.objects.active())
        self.fields["veranstalter"].set_terms(organisers)
        if fixed_kind:
            del self.fields["art"]
        self.fixed_kind = fixed_kind

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("von"), cleaned.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("The end of the period lies before its start."))
        return cleaned

    def period(self, today: date) -> tuple[datetime | None, datetime | None]:
        """The chosen period as local moments [start, end); shortcuts win over dates."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        shortcut = data.get("zeitraum")
        if shortcut == "heute":
            first, last = today, today
        elif shortcut == "woche":
            first, last = today, today + timedelta(days=6 - today.weekday())
        elif shortcut == "wochenende":
            saturday = today + timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() == 6:
                saturday = today - timedelta(days=1)
            first, last = max(today, saturday), saturday + timedelta(days=1)
        else:
            first, last = data.get("von"), data.get("bis")
        start = make_local(datetime.combine(first, time())) if first else None
        end = make_local(datetime.combine(last + timedelta(days=1), time())) if last else None
        return start, end

    def active_filters(self) -> bool:
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return False
        return any(value for value in self.cleaned_data.values())


class RegistrationForm(forms.Form):
    """Sign-up for an event, with the organiser's own questions added as fields."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the confirmation and all news about this event to this address."),
    )
    persons = forms.TypedChoiceField(label=_("Number of persons"), coerce=int, choices=[(1, "1")])
    website = HoneypotField()

    def __init__(self, *args, event: Event, user=None, option_state=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        maximum = max(event.max_persons_per_registration or 1, 1)
        if maximum == 1:
            del self.fields["persons"]
        else:
            self.fields["persons"].choices = [(n, str(n)) for n in range(1, maximum + 1)]
        if getattr(user, "is_authenticated", False):
            self.fields["name"].initial = user.name
            self.fields["email"].initial = user.email
            self.fields["email"].help_text = _(
                "With the address of your account, no confirmation by mail is needed."
            )
        option_state = option_state or {}
        for question in event.questions.all():
            self.fields[f"frage_{question.pk}"] = self._question_field(question, option_state)
        if event.consent_text:
            self.fields["consent"] = forms.BooleanField(
                label=event.consent_text,
                error_messages={"required": _("Please agree so that we can register you.")},
            )

    @staticmethod
    def _question_field(question, option_state) -> forms.Field:
        common = {
            "label": question.label,
            "required": question.required,
            "help_text": question.help_text,
        }
        if question.kind == QuestionKind.CHOICE:
            choices = []
            for option in question.options.all():
                label = option.label
                if option_state.get(option.pk) == "full":
                    label = _("%(label)s (fully booked – waiting list)") % {"label": label}
                elif isinstance(option_state.get(option.pk), int):
                    label = _("%(label)s (%(free)s places free)") % {
                        "label": label,
                        "free": option_state[option.pk],
                    }
                choices.append((str(option.pk), label))
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if question.kind == QuestionKind.CHECKBOX:
            return forms.BooleanField(**common)
        if question.kind == QuestionKind.LONG_TEXT:
            return forms.CharField(
                max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), **common
            )
        return forms.CharField(max_length=300, **common)

    def answers(self) -> dict[int, str]:
        result = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("frage_"):
                result[int(name.removeprefix("frage_"))] = "1" if value is True else value or ""
        return result


class CancelForm(forms.Form):
    """Nothing to fill in: the button confirms the cancellation (POST, never GET)."""
