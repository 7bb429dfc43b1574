"""Forms of the organisers: events with dates and recurrence, single dates, questions, feeds."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagementnetz.core.models import District
from engagementnetz.core.uploads import ValidatedImageField
from engagementnetz.organisations.models import Membership, Organisation

from .models import (
    CalendarFeed,
    Event,
    EventKind,
    EventState,
    Occurrence,
    QuestionKind,
    Recurrence,
    RegistrationOption,
    RegistrationQuestion,
    Venue,
    Weekday,
)
from .recurrence import (
    WEEKDAY_CODES,
    is_last_weekday_of_month,
    local_zone,
    make_local,
    week_of_month,
)

DATE = {"type": "date"}
TIME = {"type": "time"}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def organisations_for(user, *, is_office: bool):
    if is_office:
        return Organisation.objects.order_by("name")
    return Organisation.objects.filter(
        pk__in=Membership.objects.filter(user=user).values("organisation_id")
    ).order_by("name")


def combine(day: date, moment: time) -> datetime:
    return make_local(datetime.combine(day, moment))


class EventForm(forms.ModelForm):
    start_date = forms.DateField(label=_("Date (first date)"), widget=forms.DateInput(DATE))
    start_time = forms.TimeField(
        label=_("Start time"), required=False, widget=forms.TimeInput(TIME)
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        help_text=_("Only if the event lasts several days."),
        widget=forms.DateInput(DATE),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=forms.TimeInput(TIME))
    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("On these weekdays (weekly)"),
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    recurrence_week_of_month = forms.TypedChoiceField(
        label=_("Which weekday of the month (monthly)"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("as on the first date")),
            (1, _("first")),
            (2, _("second")),
            (3, _("third")),
            (4, _("fourth")),
            (-1, _("last")),
        ],
    )
    online_url = forms.URLField(
        label=_("online link"), required=False, max_length=500, assume_scheme="https"
    )
    venue_name = forms.CharField(label=_("Name of a new venue"), required=False, max_length=200)
    venue_street = forms.CharField(label=_("Street and number"), required=False, max_length=200)
    venue_postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)
    venue_city = forms.CharField(label=_("Town"), required=False, max_length=100)
    venue_district = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=District.objects.active()
    )
    venue_step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    venue_accessible_wc = forms.BooleanField(label=_("Accessible toilet"), required=False)
    venue_hearing_loop = forms.BooleanField(label=_("Hearing loop"), required=False)

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "organiser",
            "short_description",
            "description",
            "all_day",
            "recurrence",
            "recurrence_interval",
            "recurrence_until",
            "recurrence_count",
            "venue",
            "online_url",
            "is_free",
            "cost",
            "fields",
            "target_groups",
            "photo",
            "photo_alt",
            "contact_name",
            "contact_email",
            "contact_phone",
            "is_published",
            "provider",
            "learning_goals",
            "prerequisites",
            "course_scope",
            "certificate_signatory",
            "certificate_enabled",
            "registration_enabled",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "max_persons_per_registration",
            "waiting_list_enabled",
            "consent_text",
        ]
        field_classes = {"photo": ValidatedImageField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "learning_goals": forms.Textarea(attrs={"rows": 4}),
            "prerequisites": forms.Textarea(attrs={"rows": 3}),
            "consent_text": forms.Textarea(attrs={"rows": 3}),
            "fields": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "recurrence": forms.RadioSelect,
            "kind": forms.RadioSelect,
            "recurrence_until": forms.DateInput(DATE),
            "registration_opens_at": LocalDateTimeInput(),
            "registration_closes_at": LocalDateTimeInput(),
        }
        help_texts = {
            "registration_closes_at": _("Empty: until the event begins."),
        }

    SECTIONS = [
        (_("What"), ["title", "kind", "organiser", "short_description", "description"]),
        (
            _("When"),
            ["start_date", "start_time", "end_date", "end_time", "all_day"],
        ),
        (
            _("Repetition"),
            [
                "recurrence",
                "recurrence_interval",
                "recurrence_weekdays",
                "recurrence_week_of_month",
                "recurrence_until",
                "recurrence_count",
            ],
        ),
        (
            _("Where"),
            [
                "venue",
                "venue_name",
                "venue_street",
                "venue_postcode",
                "venue_city",
                "venue_district",
                "venue_step_free",
                "venue_accessible_wc",
                "venue_hearing_loop",
                "online_url",
            ],
        ),
        (
            _("For whom, cost and contact"),
            [
                "fields",
                "target_groups",
                "is_free",
                "cost",
                "contact_name",
                "contact_email",
                "contact_phone",
                "photo",
                "photo_alt",
            ],
        ),
        (
            _("Training courses"),
            [
                "provider",
                "learning_goals",
                "prerequisites",
                "course_scope",
                "certificate_enabled",
                "certificate_signatory",
            ],
        ),
        (
            pgettext_lazy("events", "Registration"),
            [
                "registration_enabled",
                "capacity",
                "registration_opens_at",
                "registration_closes_at",
                "max_persons_per_registration",
                "waiting_list_enabled",
                "consent_text",
            ],
        ),
        (_("Publication"), ["is_published"]),
    ]

    def __init__(self, *args, user, is_office: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_venue = None
        organiser = self.fields["organiser"]
        organiser.queryset = organisations_for(user, is_office=is_office)
        if is_office:
            organiser.required = False
            organiser.empty_label = _("The network office")
        else:
            organiser.required = True
            organiser.help_text = ""
        venues = Venue.objects.select_related("district")
        if not is_office:
            venues = venues.filter(
                Q(organisation__isnull=True) | Q(organisation__in=organiser.queryset)
            )
        self.fields["venue"].queryset = venues.order_by("name")
        self.fields["venue"].empty_label = _("– no venue, or a new one below –")
        self.fields["recurrence_interval"].min_value = 1
        self.fields["recurrence_interval"].widget.attrs["min"] = 1
        self.fields["max_persons_per_registration"].widget.attrs["min"] = 1
        self.fields["fields"].queryset = self.fields["fields"].queryset.filter(is_active=True)
        self.fields["target_groups"].queryset = self.fields["target_groups"].queryset.filter(
            is_active=True
        )
        event = self.instance
        if event.pk:
            start = timezone.localtime(event.starts_at, local_zone())
            self.initial.setdefault("start_date", start.date())
            if not event.all_day:
                self.initial.setdefault("start_time", start.time())
            if event.ends_at:
                end = timezone.localtime(event.ends_at, local_zone())
                if event.all_day:
                    end = end - timedelta(days=1)
                    if end.date() != start.date():
                        self.initial.setdefault("end_date", end.date())
                else:
                    if end.date() != start.date():
                        self.initial.setdefault("end_date", end.date())
                    self.initial.setdefault("end_time", end.time())
            self.initial.setdefault("recurrence_weekdays", event.weekday_codes)
            self.initial.setdefault("recurrence_week_of_month", event.recurrence_week_of_month)

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def _clean_dates(self, cleaned) -> tuple[datetime, datetime | None] | None:
        day = cleaned.get("start_date")
        if day is None:
            return None
        end_day = cleaned.get("end_date")
        if end_day and end_day < day:
            self.add_error("end_date", _("The end date lies before the date of the event."))
            return None
        if cleaned.get("all_day"):
            return combine(day, time()), combine((end_day or day) + timedelta(days=1), time())
        start_time = cleaned.get("start_time")
        if start_time is None:
            self.add_error("start_time", _("Please give a start time, or choose “all day”."))
            return None
        starts = combine(day, start_time)
        end_time = cleaned.get("end_time")
        if end_time is None:
            if end_day:
                self.add_error("end_time", _("Please give the end time on the end date."))
                return None
            return starts, None
        ends = combine(end_day or day, end_time)
        if ends <= starts:
            self.add_error("end_time", _("The end lies before the start."))
            return None
        return starts, ends

    def _clean_recurrence(self, cleaned, starts: datetime) -> None:
        recurrence = cleaned.get("recurrence")
        weekdays = cleaned.get("recurrence_weekdays") or []
        position = cleaned.get("recurrence_week_of_month")
        local_start = timezone.localtime(starts, local_zone())
        if recurrence == Recurrence.NONE:
            weekdays, position = [], None
            cleaned["recurrence_until"] = None
            cleaned["recurrence_count"] = None
            self.instance.recurrence_until = None
            self.instance.recurrence_count = None
        elif recurrence == Recurrence.WEEKLY:
            position = None
            first_day = WEEKDAY_CODES[local_start.weekday()]
            if weekdays and first_day not in weekdays:
                self.add_error(
                    "recurrence_weekdays",
                    _("The first date (%(day)s) must fall on one of the chosen weekdays.")
                    % {"day": Weekday(first_day).label},
                )
            weekdays = [code for code in WEEKDAY_CODES if code in weekdays] or [first_day]
        elif recurrence == Recurrence.MONTHLY:
            weekdays = []
            day = local_start.date()
            if position is not None and not (
                (position == -1 and is_last_weekday_of_month(day)) or position == week_of_month(day)
            ):
                self.add_error(
                    "recurrence_week_of_month",
                    _("The first date is not on this weekday of its month."),
                )
        if recurrence != Recurrence.NONE:
            until, count = cleaned.get("recurrence_until"), cleaned.get("recurrence_count")
            if until and count:
                self.add_error(
                    "recurrence_count",
                    _("Please give either an end date or a number of dates, not both."),
                )
            if until and until < local_start.date():
                self.add_error("recurrence_until", _("The repetition ends before the first date."))
        self.instance.recurrence_weekdays = ",".join(weekdays)
        self.instance.recurrence_week_of_month = position

    def _clean_venue(self, cleaned) -> None:
        name = (cleaned.get("venue_name") or "").strip()
        if not name:
            if any(cleaned.get(f"venue_{part}") for part in ("street", "postcode", "city")):
                self.add_error("venue_name", _("Please give the new venue a name."))
            return
        if cleaned.get("venue"):
            self.add_error(
                "venue_name", _("Choose an existing venue or enter a new one, not both.")
            )
            return
        self.new_venue = Venue(
            name=name,
            street=cleaned.get("venue_street", ""),
            postcode=cleaned.get("venue_postcode", ""),
            city=cleaned.get("venue_city", ""),
            district=cleaned.get("venue_district"),
            step_free=cleaned.get("venue_step_free", False),
            accessible_wc=cleaned.get("venue_accessible_wc", False),
            hearing_loop=cleaned.get("venue_hearing_loop", False),
        )

    def clean(self):
        cleaned = super().clean()
        moments = self._clean_dates(cleaned)
        if moments:
            self.instance.starts_at, self.instance.ends_at = moments
            self._clean_recurrence(cleaned, moments[0])
        self._clean_venue(cleaned)
        if cleaned.get("is_free") is False and not cleaned.get("cost"):
            self.add_error("cost", _("Please state what taking part costs."))
        if cleaned.get("kind") != EventKind.FORTBILDUNG:
            cleaned["certificate_enabled"] = False
        if cleaned.get("photo") and not cleaned.get("photo_alt"):
            self.add_error(
                "photo_alt", _("Please describe the photo for people who cannot see it.")
            )
        if cleaned.get("max_persons_per_registration") == 0:
            self.add_error("max_persons_per_registration", _("At least one person."))
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration closes before it opens."))
        return cleaned


class OccurrenceForm(forms.Form):
    """One date: move it, give it a note, or add it as a further session."""

    day = forms.DateField(label=_("Date"), widget=forms.DateInput(DATE))
    start_time = forms.TimeField(
        label=_("Start time"), required=False, widget=forms.TimeInput(TIME)
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=forms.TimeInput(TIME))
    note = forms.CharField(
        label=pgettext_lazy("events", "Note"),
        required=False,
        max_length=300,
        help_text=_("Shown with the date, e.g. “in the small hall”."),
    )

    def __init__(self, *args, event: Event, occurrence: Occurrence | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.all_day:
            del self.fields["start_time"]
            del self.fields["end_time"]
        if occurrence is not None:
            start = timezone.localtime(occurrence.starts_at, local_zone())
            self.initial.update({"day": start.date(), "note": occurrence.note})
            if not event.all_day:
                self.initial["start_time"] = start.time()
                if occurrence.ends_at:
                    end = timezone.localtime(occurrence.ends_at, local_zone())
                    self.initial["end_time"] = end.time()

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("day")
        if day is None:
            return cleaned
        if self.event.all_day:
            length = (
                (self.event.ends_at - self.event.starts_at) if self.event.ends_at else timedelta(1)
            )
            cleaned["starts_at"] = combine(day, time())
            cleaned["ends_at"] = cleaned["starts_at"] + length
            return cleaned
        if cleaned.get("start_time") is None:
            self.add_error("start_time", _("Please give a start time."))
            return cleaned
        cleaned["starts_at"] = combine(day, cleaned["start_time"])
        cleaned["ends_at"] = None
        if cleaned.get("end_time"):
            cleaned["ends_at"] = combine(day, cleaned["end_time"])
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("end_time", _("The end lies before the start."))
        return cleaned


class StateForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["state", "state_note"]
        widgets = {"state": forms.RadioSelect, "state_note": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("state") == EventState.POSTPONED and not cleaned.get("state_note"):
            self.add_error(
                "state_note", _("Please say when the event will take place instead, if known.")
            )
        return cleaned


class QuestionForm(forms.ModelForm):
    class Meta:
        model = RegistrationQuestion
        fields = ["label", "help_text", "kind", "required"]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {
            "kind": _(
                "For a choice with places of its own (e.g. theme tables) choose “Choice of one option” and add the options afterwards."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = QuestionKind.choices


class OptionForm(forms.ModelForm):
    class Meta:
        model = RegistrationOption
        fields = ["label", "description", "capacity"]


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Sent as plain text. A link to the registration (to cancel it) is added."),
    )
    include_waiting = forms.BooleanField(label=_("Also to the waiting list"), required=False)


class FeedForm(forms.ModelForm):
    url = forms.CharField(
        label=_("address of the calendar (ICS)"),
        max_length=500,
        help_text=_("The subscription address of your calendar, usually ending in .ics."),
    )

    class Meta:
        model = CalendarFeed
        fields = ["organisation", "url", "kind"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, user, is_office: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_for(user, is_office=is_office)
        self.fields["url"].widget.attrs["placeholder"] = "https://…/kalender.ics"

    def clean_url(self):
        from urllib.parse import urlsplit

        from .services.feeds import normalise_feed_url

        url = normalise_feed_url(self.cleaned_data["url"])
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise forms.ValidationError(
                _("Please enter an address beginning with https://, http:// or webcal://.")
            )
        return url

    def clean(self):
        cleaned = super().clean()
        organisation, url = cleaned.get("organisation"), cleaned.get("url")
        if (
            organisation
            and url
            and CalendarFeed.objects.filter(organisation=organisation, url=url).exists()
        ):
            self.add_error("url", _("This calendar is already registered."))
        return cleaned
