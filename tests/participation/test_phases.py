"""Contributions, comments and supports only while a phase that allows them is open."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from engagementnetz.participation import selectors, services
from engagementnetz.participation.models import Comment, Contribution, Support
from tests.conftest import login

from .factories import ContributionFactory, PhaseFactory, ProcessFactory, ThemeTableFactory

pytestmark = pytest.mark.django_db


def process_with_phases():
    process = ProcessFactory(title="Engagementstrategie", slug="engagementstrategie")
    PhaseFactory(
        process=process,
        title="Zukunftswerkstatt",
        starts_on=date(2019, 4, 10),
        ends_on=date(2019, 4, 10),
        allows_contributions=False,
    )
    PhaseFactory(
        process=process,
        title="Online-Beteiligung",
        starts_on=date(2019, 4, 11),
        ends_on=date(2019, 6, 30),
        allows_contributions=True,
    )
    PhaseFactory(
        process=process,
        title="Entwurf",
        starts_on=date(2019, 7, 1),
        ends_on=date(2019, 9, 30),
        allows_contributions=False,
    )
    return process


@pytest.mark.parametrize(
    ("today", "is_open"),
    [
        (date(2019, 4, 9), False),  # before everything
        (date(2019, 4, 10), False),  # the workshop itself: paper cards, no online input
        (date(2019, 4, 11), True),  # first day of the online phase
        (date(2019, 6, 30), True),  # its last day
        (date(2019, 7, 1), False),  # the draft is being written
        (date(2020, 1, 1), False),  # after all phases
    ],
)
def test_only_an_open_phase_that_allows_it_takes_contributions(today, is_open, citizen):
    process = process_with_phases()
    assert services.process_is_open(process, today) is is_open
    submit = {"process": process, "kind": "idea", "text": "Mehr Bänke", "user": citizen}
    if is_open:
        services.contribution_submit(**submit, today=today)
        assert Contribution.objects.count() == 1
    else:
        with pytest.raises(services.ParticipationClosed):
            services.contribution_submit(**submit, today=today)
        assert Contribution.objects.count() == 0


def test_the_timeline_marks_the_current_phase():
    process = process_with_phases()
    phases = list(process.phases.all())
    line = selectors.timeline(phases, date(2019, 5, 1))
    assert [(e["phase"].title, e["state"]) for e in line.entries] == [
        ("Zukunftswerkstatt", "past"),
        ("Online-Beteiligung", "current"),
        ("Entwurf", "future"),
    ]
    # Between phases and after the last, the phase that ended last stays current.
    assert selectors.timeline(phases, date(2019, 12, 1)).current.title == "Entwurf"
    assert selectors.timeline(phases, date(2019, 1, 1)).current is None


def test_closed_process_shows_no_form_and_refuses_posts(client, citizen):
    process = ProcessFactory()
    PhaseFactory(
        process=process,
        starts_on=timezone.localdate() - timedelta(days=30),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    table = ThemeTableFactory(process=process)
    contribution = ContributionFactory(process=process, table=table)
    login(client, citizen)

    page = client.get(table.get_absolute_url()).content.decode()
    assert "Zurzeit können keine Beiträge eingebracht werden." in page
    assert 'name="text"' not in page
    response = client.post(table.get_absolute_url(), {"kind": "idea", "text": "Spät"})
    assert "Zurzeit können keine Beiträge eingebracht werden." in response.content.decode()
    response = client.post(
        f"/beteiligung/{process.slug}/beitraege/neu/",
        {"kind": "idea", "text": "Spät", "table": table.pk},
    )
    assert "Zurzeit können keine Beiträge eingebracht werden." in response.content.decode()
    assert Contribution.objects.count() == 1

    url = contribution.get_absolute_url()
    client.post(url + "kommentieren/", {"comment-text": "Zu spät?"})
    client.post(url + "unterstuetzen/", {})
    assert Comment.objects.count() == 0
    assert Support.objects.count() == 0


def test_unpublished_processes_are_hidden_from_the_public_but_previewed_by_the_office(
    client, office_user
):
    process = ProcessFactory(is_published=False)
    assert client.get(process.get_absolute_url()).status_code == 404
    login(client, office_user)
    page = client.get(process.get_absolute_url()).content.decode()
    assert "Vorschau: Dieses Verfahren ist nicht veröffentlicht." in page
    with pytest.raises(services.ParticipationClosed):
        PhaseFactory(process=process)
        services.contribution_submit(process=process, kind="idea", text="x", user=office_user)
