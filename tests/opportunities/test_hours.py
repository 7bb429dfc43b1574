"""Volunteer hours, their confirmation, the Ehrenamtskarte thresholds and the Ehrenamtsnachweis."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from engagementnetz.opportunities.models import HoursEntry, HoursState
from engagementnetz.opportunities.selectors import ehrenamtskarte_status
from tests.conftest import login
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .factories import HoursEntryFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_citizen_logs_hours(client, citizen, organisation):
    login(client, citizen)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        "/engagement/stunden/",
        {
            "organisation": organisation.pk,
            "activity": "Noten sortieren",
            "started_on": yesterday.strftime("%d.%m.%Y"),
            "hours": "2,5",
            "note": "Mit Klara zusammen",
        },
    )
    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert (entry.user, entry.organisation, entry.activity) == (
        citizen,
        organisation,
        "Noten sortieren",
    )
    assert (entry.started_on, entry.ended_on) == (yesterday, yesterday)
    assert entry.hours == Decimal("2.5")
    assert entry.state == HoursState.SUBMITTED
    html = client.get("/engagement/stunden/").content.decode()
    assert "Wartet auf Bestätigung" in html


def test_hours_in_the_future_are_refused_and_input_kept(client, citizen, organisation):
    login(client, citizen)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        "/engagement/stunden/",
        {
            "organisation": organisation.pk,
            "activity": "Probe",
            "started_on": tomorrow.isoformat(),
            "hours": "abc",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stunden können erst eingetragen werden, wenn sie geleistet sind." in html
    assert 'value="Probe"' in html
    assert HoursEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonymous", False),
        ("citizen", False),
        ("club_admin", True),
        ("club_editor", True),
        ("other_club_admin", False),
        ("office_user", True),
    ],
)
def test_only_the_organisations_people_confirm_hours(client, request, organisation, who, allowed):
    volunteer = MembershipFactory(organisation=OrganisationFactory()).user
    entry = HoursEntryFactory(user=volunteer, organisation=organisation)
    if who != "anonymous":
        login(client, request.getfixturevalue(who))
    listing = client.get(f"/engagement/verwalten/{organisation.slug}/stunden/")
    decide = client.post(
        f"/engagement/verwalten/{organisation.slug}/stunden/{entry.pk}/",
        {f"hours-{entry.pk}-decision": "confirm"},
    )
    entry.refresh_from_db()
    if allowed:
        assert listing.status_code == 200
        assert decide.status_code == 302
        assert entry.state == HoursState.CONFIRMED
        assert entry.decided_by == request.getfixturevalue(who)
    else:
        expected = 302 if who == "anonymous" else 403
        assert (listing.status_code, decide.status_code) == (expected, expected)
        assert entry.state == HoursState.SUBMITTED


def test_nobody_confirms_their_own_hours(client, organisation, club_admin):
    entry = HoursEntryFactory(user=club_admin, organisation=organisation)
    login(client, club_admin)
    response = client.post(
        f"/engagement/verwalten/{organisation.slug}/stunden/{entry.pk}/",
        {f"hours-{entry.pk}-decision": "confirm"},
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.state == HoursState.SUBMITTED


def test_rejecting_needs_a_reason_the_volunteer_sees(client, organisation, club_admin, citizen):
    entry = HoursEntryFactory(user=citizen, organisation=organisation)
    login(client, club_admin)
    url = f"/engagement/verwalten/{organisation.slug}/stunden/{entry.pk}/"
    response = client.post(url, {f"hours-{entry.pk}-decision": "reject"})
    assert response.status_code == 400
    assert "Bitte geben Sie eine kurze Begründung an." in response.content.decode()
    client.post(
        url,
        {f"hours-{entry.pk}-decision": "reject", f"hours-{entry.pk}-reason": "Falscher Verein"},
    )
    entry.refresh_from_db()
    assert entry.state == HoursState.REJECTED
    login(client, citizen)
    assert "Nicht bestätigt: Falscher Verein" in client.get("/engagement/stunden/").content.decode()


def test_own_entries_can_be_withdrawn_until_decided(client, citizen, organisation):
    submitted = HoursEntryFactory(user=citizen, organisation=organisation)
    confirmed = HoursEntryFactory(
        user=citizen, organisation=organisation, state=HoursState.CONFIRMED
    )
    other = HoursEntryFactory(organisation=organisation)
    login(client, citizen)
    client.post(f"/engagement/stunden/{submitted.pk}/loeschen/")
    client.post(f"/engagement/stunden/{confirmed.pk}/loeschen/")
    assert client.post(f"/engagement/stunden/{other.pk}/loeschen/").status_code == 403
    assert set(HoursEntry.objects.values_list("pk", flat=True)) == {confirmed.pk, other.pk}


def test_ehrenamtskarte_thresholds(citizen, organisation, settings):
    today = date(2026, 11, 21)
    citizen.birth_date = date(2012, 11, 22)  # 13 until tomorrow
    citizen.save()

    def confirmed(start, end, hours):
        HoursEntryFactory(
            user=citizen,
            organisation=organisation,
            started_on=start,
            ended_on=end,
            hours=Decimal(hours),
            state=HoursState.CONFIRMED,
        )

    confirmed(date(2025, 6, 1), date(2025, 6, 30), "20")  # more than a year ago: not counted
    for month in range(1, 11):
        confirmed(date(2026, month, 1), date(2026, month, 28), "25")
    HoursEntryFactory(user=citizen, organisation=organisation, hours=Decimal("100"))  # submitted
    status = ehrenamtskarte_status(user=citizen, today=today)
    assert status.hours_last_year == Decimal("250.0")
    assert status.engaged_since == date(2025, 6, 1)
    assert status.for_a_year is True
    assert status.hours_ok is True
    assert status.age == 13
    assert status.age_ok is False
    assert status.meets_thresholds is False
    assert ehrenamtskarte_status(user=citizen, today=today + timedelta(days=1)).meets_thresholds

    settings.EHRENAMTSKARTE_HOURS_PER_YEAR = 300
    settings.EHRENAMTSKARTE_HOURS_PER_WEEK = 6
    stricter = ehrenamtskarte_status(user=citizen, today=today + timedelta(days=1))
    assert stricter.weekly_average == Decimal("5.4")  # 250 h in the 46.6 weeks since 1 January
    assert stricter.hours_ok is False


def test_the_page_shows_the_thresholds_from_the_settings(client, citizen, settings):
    settings.EHRENAMTSKARTE_MIN_AGE = 16
    settings.EHRENAMTSKARTE_HOURS_PER_WEEK = 4
    settings.EHRENAMTSKARTE_HOURS_PER_YEAR = 200
    login(client, citizen)
    html = client.get("/engagement/stunden/").content.decode()
    assert (
        "Die Ehrenamtskarte erhalten Menschen ab 16 Jahren, die sich mindestens 4 Stunden pro "
        "Woche oder 200 Stunden im Jahr engagieren"
    ) in html
    assert "Alter: unbekannt" in html


def test_ehrenamtsnachweis_contains_the_confirmed_hours(client, citizen, organisation):
    citizen.birth_date = date(1960, 5, 14)
    citizen.save()
    tafel = OrganisationFactory(name="Bitburger Tafel")
    HoursEntryFactory(
        user=citizen,
        organisation=organisation,
        activity="Notenarchiv – Ordnung schaffen",
        started_on=date(2026, 3, 1),
        ended_on=date(2026, 3, 31),
        hours=Decimal("12.5"),
        state=HoursState.CONFIRMED,
    )
    HoursEntryFactory(
        user=citizen,
        organisation=tafel,
        activity="Lebensmittelausgabe",
        started_on=date(2026, 4, 7),
        ended_on=date(2026, 4, 7),
        hours=Decimal("3"),
        state=HoursState.CONFIRMED,
    )
    HoursEntryFactory(user=citizen, organisation=tafel, activity="Noch offen", hours=Decimal("99"))
    HoursEntryFactory(organisation=tafel, activity="Fremde Stunden", state=HoursState.CONFIRMED)
    login(client, citizen)
    response = client.get("/engagement/stunden/ehrenamtsnachweis.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="ehrenamtsnachweis-')
    text = pdf_text(response.content)
    assert "Ehrenamtsnachweis" in text
    assert "Anna Schmitz, geboren am 14.05.1960, hat sich wie folgt ehrenamtlich engagiert:" in text
    assert "Musikverein Bitburg" in text
    assert "Notenarchiv - Ordnung schaffen" in text
    assert "01.03.2026 - 31.03.2026" in text
    assert "12,5" in text
    assert "Bitburger Tafel" in text
    assert "Lebensmittelausgabe" in text
    assert "07.04.2026" in text
    assert "Bestätigte Stunden insgesamt: 15,5" in text
    assert "Noch offen" not in text
    assert "Fremde Stunden" not in text
    assert "Ausgestellt von" in text


def test_certificate_needs_login(client):
    response = client.get("/engagement/stunden/ehrenamtsnachweis.pdf")
    assert response.status_code == 302


def test_ehrenamtsnachweis_spells_names_of_other_latin_alphabets(client, organisation):
    volunteer = UserFactory(email="lukasz@example.org", name="Łukasz Dąbrowski")
    HoursEntryFactory(
        user=volunteer,
        organisation=organisation,
        activity="Sprachcafé – Polnisch für Anfänger",
        hours=Decimal("4"),
        state=HoursState.CONFIRMED,
    )
    login(client, volunteer)
    text = pdf_text(client.get("/engagement/stunden/ehrenamtsnachweis.pdf").content)
    assert "Lukasz Dabrowski" in text
    assert "Sprachcafé - Polnisch für Anfänger" in text
    assert "Bestätigte Stunden insgesamt: 4,0" in text
