"""Measures: the public list with filters and status chart, the detail page, and who may write."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from engagementnetz.participation.models import Measure, MeasureState, MeasureUpdate
from tests.conftest import login
from tests.factories import FieldFactory, MembershipFactory

from .factories import MeasureFactory, ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(organisation):
    """Four public measures of the demo town and one that is not published yet."""
    process = ProcessFactory(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    kultur = FieldFactory(name="Kultur", slug="kultur")
    umwelt = FieldFactory(name="Umwelt und Natur", slug="umwelt-und-natur")
    return {
        "inventory": MeasureFactory(
            title="Vereinsinventur",
            slug="vereinsinventur",
            field=kultur,
            process=process,
            state=MeasureState.DONE,
            progress=100,
            responsible_organisation=organisation,
            responsible_person="Monika Weber, Netzwerkbüro",
            starts_on=date(2019, 5, 1),
            ends_on=date(2020, 3, 31),
        ),
        "festival": MeasureFactory(
            title="Vereinsfest",
            slug="vereinsfest",
            field=kultur,
            process=process,
            state=MeasureState.IN_PROGRESS,
            progress=60,
        ),
        "mobility": MeasureFactory(
            title="Mobilität im Quartier",
            slug="mobilitaet-im-quartier",
            field=umwelt,
            state=MeasureState.PLANNED,
            progress=0,
        ),
        "gardens": MeasureFactory(
            title="Essbare Gärten",
            slug="essbare-gaerten",
            summary="Obst und Gemüse zum Ernten für alle in den Stadtteilen.",
            field=umwelt,
            process=process,
            state=MeasureState.IN_PROGRESS,
            progress=40,
        ),
        "draft": MeasureFactory(
            title="Ehrenamtsbörse im Rathaus",
            slug="ehrenamtsboerse-im-rathaus",
            state=MeasureState.DEFERRED,
            progress=0,
            is_published=False,
        ),
    }


def titles(html: str) -> list[str]:
    return re.findall(r'id="measure-\d+-title"><a class="kern-link" href="[^"]+">([^<]+)</a>', html)


def chart_rows(html: str) -> list[tuple[str, str, str]]:
    """The table fallback of the status chart: (state, number, share)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(
        r'<tr><th scope="row">([^<]+)</th><td class="kern-table__cell--numeric">(\d+)</td>'
        r'<td class="kern-table__cell--numeric">(\d+) %</td></tr>',
        body,
    )


def test_the_list_shows_public_measures_with_a_status_overview(client, measures):
    response = client.get("/massnahmen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == [
        "Essbare Gärten",
        "Mobilität im Quartier",
        "Vereinsfest",
        "Vereinsinventur",
    ]
    assert "Ehrenamtsbörse im Rathaus" not in html
    assert "4 Maßnahmen" in html
    assert chart_rows(html) == [
        ("geplant", "1", "25"),
        ("in Umsetzung", "2", "50"),
        ("umgesetzt", "1", "25"),
        ("zurückgestellt", "0", "0"),
    ]
    # The SVG bars: the largest count takes the full 340 units.
    assert re.findall(r'status-chart__bar--(\w+)" x="180" y="\d+" width="(\d+)"', html) == [
        ("planned", "170"),
        ("in_progress", "340"),
        ("done", "170"),
        ("deferred", "0"),
    ]
    assert (
        '<desc id="status-chart-desc">geplant: 1; in Umsetzung: 2; umgesetzt: 1; zurückgestellt: 0</desc>'
        in html
    )
    assert "Im Durchschnitt sind die Maßnahmen zu 50 % umgesetzt." in html
    assert '<td class="kern-table__cell--numeric">4</td>' in html
    # Each card shows state and progress.
    assert "in Umsetzung</span></span> 60 % umgesetzt" in html
    assert '<progress max="100" value="60"' in html


@pytest.mark.parametrize(
    ("query", "expected", "average"),
    [
        ("stand=in_progress", ["Essbare Gärten", "Vereinsfest"], 50),
        ("bereich=umwelt-und-natur", ["Essbare Gärten", "Mobilität im Quartier"], 20),
        ("verfahren=engagementstrategie", ["Essbare Gärten", "Vereinsfest", "Vereinsinventur"], 67),
        ("q=gemüse", ["Essbare Gärten"], 40),
        ("q=verein&stand=done", ["Vereinsinventur"], 100),
    ],
)
def test_filters_narrow_the_list_and_the_overview(client, measures, query, expected, average):
    html = client.get(f"/massnahmen/?{query}").content.decode()
    assert titles(html) == expected
    assert sum(int(number) for _state, number, _share in chart_rows(html)) == len(expected)
    assert f"Im Durchschnitt sind die Maßnahmen zu {average} % umgesetzt." in html


def test_the_process_filter_is_offered_once_there_are_two_processes(client, measures):
    assert 'name="verfahren"' not in client.get("/massnahmen/").content.decode()
    measures["mobility"].process = ProcessFactory(title="Sportentwicklung", slug="sport")
    measures["mobility"].save()
    html = client.get("/massnahmen/?verfahren=sport").content.decode()
    assert '<option value="sport" selected>Sportentwicklung</option>' in html
    assert titles(html) == ["Mobilität im Quartier"]


def test_unknown_filter_values_are_ignored_and_nothing_matching_is_said(client, measures):
    html = client.get("/massnahmen/?stand=kaputt&bereich=%3Cscript%3E&seite=99").content.decode()
    assert len(titles(html)) == 4
    html = client.get("/massnahmen/?q=Freibad").content.decode()
    assert titles(html) == []
    assert "Zu diesen Filtern gibt es keine Maßnahmen." in html
    assert "status-chart" not in html


def test_htmx_gets_only_the_results(client, measures):
    response = client.get("/massnahmen/?stand=planned", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert titles(html) == ["Mobilität im Quartier"]
    assert "1 Maßnahme" in html


def test_the_detail_shows_state_responsible_period_and_dated_updates(client, measures):
    measure = measures["inventory"]
    MeasureUpdate.objects.create(
        measure=measure,
        date=date(2019, 9, 1),
        text="Die Hälfte der Vereine hat den Fragebogen beantwortet.",
        progress=50,
        state=MeasureState.IN_PROGRESS,
    )
    MeasureUpdate.objects.create(
        measure=measure,
        date=date(2020, 3, 31),
        text="Alle 143 Vereine sind erfasst.",
        progress=100,
        state=MeasureState.DONE,
    )
    html = client.get("/massnahmen/vereinsinventur/").content.decode()
    assert '<h1 class="kern-heading-large">Vereinsinventur</h1>' in html
    assert "umgesetzt</span></span> 100 % umgesetzt" in html
    assert (
        '<a class="kern-link" href="/organisationen/musikverein-bitburg/">Musikverein Bitburg</a>'
        ", Monika Weber, Netzwerkbüro" in html
    )
    assert "ab 01.05.2019 bis 31.03.2020" in html
    assert '<a class="kern-link" href="/beteiligung/engagementstrategie/">' in html
    updates = re.findall(
        r'<h3 class="kern-heading-small">(\d\d\.\d\d\.\d{4}): (\d+) % umgesetzt', html
    )
    assert updates == [("31.03.2020", "100"), ("01.09.2019", "50")]
    assert html.index("Alle 143 Vereine sind erfasst.") < html.index("Die Hälfte der Vereine")
    assert "Fortschritt melden" not in html


def test_an_unpublished_measure_is_only_a_preview_for_the_office(client, measures, office_user):
    assert client.get("/massnahmen/ehrenamtsboerse-im-rathaus/").status_code == 404
    login(client, office_user)
    html = client.get("/massnahmen/ehrenamtsboerse-im-rathaus/").content.decode()
    assert "Vorschau: Diese Maßnahme ist nicht veröffentlicht." in html
    assert "Ehrenamtsbörse im Rathaus" not in client.get("/massnahmen/").content.decode()


# --- Who may write --------------------------------------------------------------------------


def measure_payload(**changes) -> dict:
    data = {
        "title": "Ehrenamtskarte",
        "slug": "",
        "summary": "Vergünstigungen für Engagierte.",
        "description": "",
        "process": "",
        "field": "",
        "responsible_organisation": "",
        "responsible_person": "Stadtverwaltung",
        "state": "planned",
        "progress": "0",
        "starts_on": "",
        "ends_on": "",
        "is_published": "on",
        "events": "",
        "projects": "",
    }
    return {**data, **changes}


def progress_payload(**changes) -> dict:
    data = {
        "date": timezone.localdate().isoformat(),
        "text": "Der Festausschuss hat sich getroffen.",
        "progress": "75",
        "state": "in_progress",
    }
    return {**data, **changes}


@pytest.fixture
def other_club_editor(other_organisation):
    return MembershipFactory(organisation=other_organisation, role="editor").user


@pytest.fixture
def festival(measures, organisation):
    measure = measures["festival"]
    measure.responsible_organisation = organisation
    measure.save()
    return measure


def test_anonymous_people_are_sent_to_the_login_and_nothing_changes(client, festival):
    for url, data in [
        ("/netzwerkbuero/massnahmen/neu/", measure_payload()),
        (f"/netzwerkbuero/massnahmen/{festival.pk}/", measure_payload(title="Kaputt")),
        ("/massnahmen/vereinsfest/fortschritt/", progress_payload()),
        (f"/netzwerkbuero/massnahmen/{festival.pk}/verknuepfen/", {"contribution": "1"}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 302
        assert response.url.startswith("/konto/login/")
    assert Measure.objects.count() == 5
    festival.refresh_from_db()
    assert (festival.title, festival.progress) == ("Vereinsfest", 60)
    assert MeasureUpdate.objects.count() == 0


@pytest.mark.parametrize("role", ["citizen", "other_club_editor", "club_editor", "club_admin"])
def test_only_the_office_creates_and_edits_measures(client, festival, role, request):
    login(client, request.getfixturevalue(role))
    assert client.get("/netzwerkbuero/massnahmen/").status_code == 403
    assert client.get("/netzwerkbuero/massnahmen/neu/").status_code == 403
    assert client.post("/netzwerkbuero/massnahmen/neu/", measure_payload()).status_code == 403
    url = f"/netzwerkbuero/massnahmen/{festival.pk}/"
    assert client.post(url, measure_payload(title="Kaputt")).status_code == 403
    assert client.post(url, {"delete": "1"}).status_code == 403
    assert Measure.objects.count() == 5
    festival.refresh_from_db()
    assert festival.title == "Vereinsfest"


@pytest.mark.parametrize("role", ["citizen", "other_club_editor"])
def test_people_outside_the_responsible_club_cannot_report_progress(
    client, festival, role, request
):
    login(client, request.getfixturevalue(role))
    assert client.get("/massnahmen/vereinsfest/fortschritt/").status_code == 403
    assert (
        client.post("/massnahmen/vereinsfest/fortschritt/", progress_payload()).status_code == 403
    )
    assert "Fortschritt melden" not in client.get("/massnahmen/vereinsfest/").content.decode()
    festival.refresh_from_db()
    assert festival.progress == 60
    assert MeasureUpdate.objects.count() == 0


@pytest.mark.parametrize("role", ["club_editor", "office_user"])
def test_the_responsible_club_and_the_office_report_progress(client, festival, role, request):
    user = request.getfixturevalue(role)
    login(client, user)
    page = client.get("/massnahmen/vereinsfest/").content.decode()
    assert 'href="/massnahmen/vereinsfest/fortschritt/"' in page
    response = client.post("/massnahmen/vereinsfest/fortschritt/", progress_payload())
    assert response.status_code == 302
    assert response.url == "/massnahmen/vereinsfest/#fortschritt"
    update = MeasureUpdate.objects.get()
    assert (update.progress, update.state, update.author) == (75, "in_progress", user)
    festival.refresh_from_db()
    assert (festival.progress, festival.state) == (75, "in_progress")
    html = client.get("/massnahmen/vereinsfest/").content.decode()
    assert "Der Festausschuss hat sich getroffen." in html
    assert f"{timezone.localdate():%d.%m.%Y}: 75 % umgesetzt" in html


def test_a_progress_report_with_bad_input_keeps_what_was_typed(client, festival, club_editor):
    login(client, club_editor)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        "/massnahmen/vereinsfest/fortschritt/",
        progress_payload(date=tomorrow.isoformat(), progress="120"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fortschritt kann nur für heute oder die Vergangenheit gemeldet werden." in html
    assert "Der Festausschuss hat sich getroffen.</textarea>" in html
    assert 'value="120"' in html
    assert MeasureUpdate.objects.count() == 0


def test_the_office_creates_and_edits_a_measure(client, measures, office_user, organisation):
    login(client, office_user)
    assert client.get("/netzwerkbuero/massnahmen/").status_code == 200
    response = client.post(
        "/netzwerkbuero/massnahmen/neu/",
        measure_payload(responsible_organisation=str(organisation.pk), progress="10"),
    )
    measure = Measure.objects.get(slug="ehrenamtskarte")
    assert response.status_code == 302
    assert response.url == f"/netzwerkbuero/massnahmen/{measure.pk}/"
    assert (measure.title, measure.responsible_organisation, measure.progress) == (
        "Ehrenamtskarte",
        organisation,
        10,
    )
    response = client.post(
        f"/netzwerkbuero/massnahmen/{measure.pk}/",
        measure_payload(
            slug="ehrenamtskarte", starts_on="2026-05-01", ends_on="2026-04-01", progress="30"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in html
    assert 'value="2026-04-01"' in html
    measure.refresh_from_db()
    assert measure.progress == 10
    public = client.get("/massnahmen/ehrenamtskarte/").content.decode()
    assert "geplant</span></span> 10 % umgesetzt" in public


def test_events_and_projects_that_carry_it_out_are_linked(client, measures, organisation):
    from tests.events.factories import EventFactory
    from tests.organisations.factories import ProjectFactory

    festival = measures["festival"]
    event = EventFactory(title="Tag der Vereine", slug="tag-der-vereine", organiser=organisation)
    project = ProjectFactory(title="Festausschuss", slug="festausschuss", organisation=organisation)
    hidden = EventFactory(title="Interne Sitzung", slug="interne-sitzung", is_published=False)
    festival.events.add(event, hidden)
    festival.projects.add(project)
    html = client.get("/massnahmen/vereinsfest/").content.decode()
    section = html.split('id="umsetzung"', 1)[1]
    assert (
        f'Projekt: <a class="kern-link" href="{project.get_absolute_url()}">Festausschuss</a>'
        in (section)
    )
    assert "(Musikverein Bitburg)" in section
    assert (
        f'Termin: <a class="kern-link" href="{event.get_absolute_url()}">Tag der Vereine</a>'
        f" ({timezone.localtime(event.starts_at):%d.%m.%Y})" in section
    )
    assert "Interne Sitzung" not in html

    # And back: the event and the project name the measure they carry out, unpublished ones not.
    measures["draft"].events.add(event)
    for page in (event.get_absolute_url(), project.get_absolute_url()):
        section = client.get(page).content.decode().split('id="measures-heading"', 1)[1]
        assert (
            '<li><a class="kern-link" href="/massnahmen/vereinsfest/">Vereinsfest</a>'
            " (in Umsetzung)</li>" in section
        )
        assert "Ehrenamtsbörse im Rathaus" not in section


def test_the_responsible_club_shows_its_measures_in_the_directory(client, measures):
    html = client.get("/organisationen/musikverein-bitburg/").content.decode()
    section = html.split('id="org-measures"', 1)[1]
    assert titles(section) == ["Vereinsinventur"]
    assert "umgesetzt</span></span> 100 % umgesetzt" in section


def test_odd_page_numbers_get_a_page(client, measures):
    for page in ("-1", "abc", str(10**20)):
        response = client.get(f"/massnahmen/?seite={page}")
        assert response.status_code == 200
        assert len(titles(response.content.decode())) == 4


def test_a_late_report_of_an_earlier_day_does_not_set_back_the_measure(
    client, festival, office_user
):
    login(client, office_user)
    today = timezone.localdate()
    client.post("/massnahmen/vereinsfest/fortschritt/", progress_payload(progress="80"))
    client.post(
        "/massnahmen/vereinsfest/fortschritt/",
        progress_payload(
            date=(today - timedelta(days=30)).isoformat(),
            text="Nachgetragen: die erste Sitzung.",
            progress="20",
            state="planned",
        ),
    )
    festival.refresh_from_db()
    assert (festival.progress, festival.state) == (80, "in_progress")
    html = client.get("/massnahmen/vereinsfest/").content.decode()
    assert html.index("Der Festausschuss hat sich getroffen.") < html.index("Nachgetragen")

    # Removing the latest report: the measure falls back to the one before.
    latest = MeasureUpdate.objects.get(progress=80)
    response = client.post(
        f"/netzwerkbuero/massnahmen/{festival.pk}/fortschritt/{latest.pk}/loeschen/"
    )
    assert response.status_code == 302
    festival.refresh_from_db()
    assert (festival.progress, festival.state) == (20, "planned")
