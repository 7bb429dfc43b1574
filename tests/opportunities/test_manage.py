"""Organisations post and keep their opportunities; expiry and the freshness reminder."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.opportunities import services
from engagementnetz.opportunities.mails import still_current_token
from engagementnetz.opportunities.models import Commitment, Opportunity, OpportunityState
from tests.conftest import login, mail_links
from tests.factories import DistrictFactory, FieldFactory

from .factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def form_data(**changes) -> dict:
    data = {
        "title": "Helfende für das Pfarrfest",
        "summary": "Aufbau, Kuchenbuffet und Abbau beim Pfarrfest.",
        "tasks": "Sie bauen Zelte auf und verkaufen Kuchen.",
        "fields": [str(FieldFactory(name="Kirche").pk)],
        "commitment": Commitment.ONE_OFF,
        "date_lines": "12.09.2099 9 bis 13 Uhr\n13.09.2099 13 bis 18 Uhr",
        "time_slots": ["wochenende"],
        "place": "Pfarrgarten",
        "district": str(DistrictFactory(name="Innenstadt").pk),
        "suited_for": ["familien", "jugendliche"],
        "offer_list": ["versicherung"],
        "skill_list": ["kochen"],
        "people_needed": "12",
        "contact_name": "Klara Becker",
        "contact_email": "pfarrfest@example.org",
    }
    data.update(changes)
    return data


def test_club_posts_a_one_off_opportunity(client, organisation, club_editor):
    login(client, club_editor)
    form = client.get(f"/engagement/verwalten/{organisation.slug}/neu/").content.decode()
    assert 'value="' + club_editor.email + '"' in form  # contact prefilled with the person
    response = client.post(f"/engagement/verwalten/{organisation.slug}/neu/", form_data())
    opportunity = Opportunity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/engagement/helfende-fur-das-pfarrfest/"
    assert opportunity.organisation == organisation
    assert opportunity.created_by == club_editor
    assert opportunity.state == OpportunityState.OPEN
    assert opportunity.dates == [
        {"date": "2099-09-12", "note": "9 bis 13 Uhr"},
        {"date": "2099-09-13", "note": "13 bis 18 Uhr"},
    ]
    assert (opportunity.start_date, opportunity.end_date) == (date(2099, 9, 12), date(2099, 9, 13))
    assert opportunity.on_weekends and not opportunity.on_weekdays
    assert opportunity.for_families and opportunity.for_young_people
    assert not opportunity.for_seniors
    assert opportunity.offers_insurance and not opportunity.offers_training
    assert opportunity.skills == ",kochen,"
    assert [f.name for f in opportunity.fields.all()] == ["Kirche"]
    detail = client.get(response["Location"]).content.decode()
    assert "einmalig, 2 Termine ab 12.09.2099" in detail
    assert "Samstag, 12. September 2099, 9 bis 13 Uhr" in detail


def test_bad_input_is_explained_and_kept(client, organisation, club_admin):
    login(client, club_admin)
    response = client.post(
        f"/engagement/verwalten/{organisation.slug}/neu/",
        form_data(
            date_lines="morgen früh",
            place="",
            district="",
            contact_email="kein-mail",
            title="Mein Titel bleibt",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zeile 1 beginnt nicht mit einem Datum wie 12.07.2027." in html
    assert "Bitte geben Sie einen Ort oder Stadtteil an" in html
    assert 'value="Mein Titel bleibt"' in html
    assert "morgen früh</textarea>" in html
    assert Opportunity.objects.count() == 0


def test_regular_needs_hours_and_the_end_not_in_the_past(client, organisation, club_admin):
    login(client, club_admin)
    response = client.post(
        f"/engagement/verwalten/{organisation.slug}/neu/",
        form_data(commitment=Commitment.REGULAR, date_lines="", end_date="01.01.2020"),
    )
    html = response.content.decode()
    assert "Bitte geben Sie an, wie viele Stunden es ungefähr sind." in html
    assert "Das Enddatum darf nicht in der Vergangenheit liegen." in html


def test_editing_keeps_the_address_and_confirms_the_opportunity(client, organisation, club_admin):
    opportunity = OpportunityFactory(
        organisation=organisation,
        title="Alt",
        slug="alt",
        confirmed_at=timezone.now() - timedelta(days=80),
        freshness_reminder_sent_at=timezone.now(),
    )
    login(client, club_admin)
    response = client.post(
        "/engagement/alt/bearbeiten/",
        form_data(
            title="Neuer Titel", commitment=Commitment.REGULAR, hours="3", hours_period="week"
        ),
    )
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.title == "Neuer Titel"
    assert opportunity.slug == "alt"
    assert opportunity.dates == []
    assert opportunity.hours == 3
    assert opportunity.freshness_reminder_sent_at is None
    assert opportunity.confirmed_at > timezone.now() - timedelta(minutes=1)


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
def test_only_the_organisations_people_post_and_change(client, request, organisation, who, allowed):
    opportunity = OpportunityFactory(organisation=organisation, title="Vorher", slug="vorher")
    if who != "anonymous":
        login(client, request.getfixturevalue(who))
    create = client.post(f"/engagement/verwalten/{organisation.slug}/neu/", form_data())
    edit = client.post("/engagement/vorher/bearbeiten/", form_data(title="Nachher"))
    state = client.post("/engagement/vorher/status/", {"action": "filled"})
    opportunity.refresh_from_db()
    if allowed:
        assert [create.status_code, edit.status_code, state.status_code] == [302, 302, 302]
        assert opportunity.title == "Nachher"
        assert opportunity.state == OpportunityState.FILLED
        assert Opportunity.objects.count() == 2
    else:
        expected = 302 if who == "anonymous" else 403
        assert [create.status_code, edit.status_code, state.status_code] == [expected] * 3
        assert opportunity.title == "Vorher"
        assert opportunity.state == OpportunityState.OPEN
        assert Opportunity.objects.count() == 1


def test_filled_and_open_again(client, organisation, club_admin):
    opportunity = OpportunityFactory(organisation=organisation, slug="chor")
    login(client, club_admin)
    client.post("/engagement/chor/status/", {"action": "filled"})
    opportunity.refresh_from_db()
    assert opportunity.state == OpportunityState.FILLED
    assert "chor" not in client.get("/engagement/").content.decode()
    client.post("/engagement/chor/status/", {"action": "open"})
    opportunity.refresh_from_db()
    assert opportunity.state == OpportunityState.OPEN


def test_opening_again_after_the_end_date_asks_for_a_new_one(client, organisation, club_admin):
    OpportunityFactory(
        organisation=organisation,
        slug="vorbei",
        state=OpportunityState.EXPIRED,
        end_date=timezone.localdate() - timedelta(days=1),
    )
    login(client, club_admin)
    response = client.post("/engagement/vorbei/status/", {"action": "open"})
    assert response["Location"] == "/engagement/vorbei/bearbeiten/"
    assert Opportunity.objects.get().state == OpportunityState.EXPIRED


def test_manage_overview_lists_the_persons_organisations(client, organisation, club_admin):
    OpportunityFactory(organisation=organisation)
    login(client, club_admin)
    html = client.get("/engagement/verwalten/").content.decode()
    assert "Musikverein Bitburg" in html
    assert "1 offenes Angebot" in html


def test_organisation_overview_queries_do_not_grow(client, queries_of, organisation, club_admin):
    from .factories import InterestFactory

    login(client, club_admin)
    InterestFactory(opportunity=OpportunityFactory(organisation=organisation))
    one = queries_of(f"/engagement/verwalten/{organisation.slug}/")
    for _ in range(8):
        InterestFactory(opportunity=OpportunityFactory(organisation=organisation))
    assert queries_of(f"/engagement/verwalten/{organisation.slug}/") == one


# --- Expiry and freshness -----------------------------------------------------------------------


def test_expiry_at_the_end_date_or_after_three_months_without_confirmation(organisation):
    today = timezone.localdate()
    now = timezone.now()
    ended = OpportunityFactory(organisation=organisation, end_date=today - timedelta(days=1))
    ends_today = OpportunityFactory(organisation=organisation, end_date=today)
    stale = OpportunityFactory(organisation=organisation, confirmed_at=now - timedelta(days=91))
    fresh = OpportunityFactory(organisation=organisation, confirmed_at=now - timedelta(days=89))
    filled = OpportunityFactory(
        organisation=organisation,
        state=OpportunityState.FILLED,
        confirmed_at=now - timedelta(days=200),
    )
    assert services.opportunities_expire(today=today) == 2
    states = dict(Opportunity.objects.values_list("pk", "state"))
    assert states == {
        ended.pk: OpportunityState.EXPIRED,
        ends_today.pk: OpportunityState.OPEN,
        stale.pk: OpportunityState.EXPIRED,
        fresh.pk: OpportunityState.OPEN,
        filled.pk: OpportunityState.FILLED,
    }


def test_freshness_reminder_a_week_before_with_one_click_still_current(client, organisation):
    now = timezone.now()
    due = OpportunityFactory(
        organisation=organisation,
        title="Bald abgelaufen",
        slug="bald-abgelaufen",
        confirmed_at=now - timedelta(days=84),
        contact_email="vorstand@musikverein.example",
    )
    ends_soon = OpportunityFactory(
        organisation=organisation, end_date=timezone.localdate() + timedelta(days=6)
    )
    OpportunityFactory(organisation=organisation, confirmed_at=now - timedelta(days=80))
    assert services.opportunities_remind_freshness() == 2
    assert services.opportunities_remind_freshness() == 0  # once per cycle
    by_title = {m.subject: m for m in mail.outbox}
    reminder = by_title["Ist „Bald abgelaufen“ noch aktuell?"]
    assert reminder.to == ["vorstand@musikverein.example"]
    assert "Ein Klick, und es bleibt weitere drei Monate online" in reminder.body
    link = next(link for link in mail_links(reminder) if "/noch-aktuell/" in link)
    assert link == (
        f"http://127.0.0.1:8000/engagement/bald-abgelaufen/noch-aktuell/{still_current_token(due)}/"
    )
    end_reminder = by_title[f"Ist „{ends_soon.title}“ noch aktuell?"]
    assert "Das ist das Enddatum, das Sie angegeben haben." in end_reminder.body

    # The link works without logging in; the GET only shows the button.
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)
    assert "Ja, noch aktuell" in page.content.decode()
    due.refresh_from_db()
    assert due.confirmed_at < now - timedelta(days=83)
    response = client.post(path)
    assert "Vielen Dank – das Angebot bleibt online" in response.content.decode()
    due.refresh_from_db()
    assert due.confirmed_at > now
    assert due.freshness_reminder_sent_at is None
    assert due.expires_on == timezone.localdate() + timedelta(days=90)


def test_still_current_can_move_the_end_date(client, organisation):
    opportunity = OpportunityFactory(
        organisation=organisation, slug="x", end_date=timezone.localdate() + timedelta(days=3)
    )
    path = f"/engagement/x/noch-aktuell/{still_current_token(opportunity)}/"
    response = client.post(path, {"end_date": "01.01.2020"})
    assert "Das Enddatum darf nicht in der Vergangenheit liegen." in response.content.decode()
    client.post(path, {"end_date": "31.12.2099"})
    opportunity.refresh_from_db()
    assert opportunity.end_date == date(2099, 12, 31)


def test_still_current_link_of_another_opportunity_is_refused(client, organisation):
    one = OpportunityFactory(organisation=organisation, slug="eins")
    OpportunityFactory(organisation=organisation, slug="zwei")
    assert (
        client.get(f"/engagement/zwei/noch-aktuell/{still_current_token(one)}/").status_code == 404
    )
    assert client.post("/engagement/zwei/noch-aktuell/gefaelscht/").status_code == 404
