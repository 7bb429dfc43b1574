"""Following a process or a measure, the daily digest, and the one-click unsubscribe."""

from datetime import date, datetime

import pytest
from django.core import mail
from django.utils import timezone

from engagementnetz.participation import services
from engagementnetz.participation.models import Change, DigestMail, Follow
from tests.conftest import login, mail_links

from .conftest import path_of
from .factories import ContributionFactory, MeasureFactory, PhaseFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def process():
    process = ProcessFactory(
        title="Engagementstrategie Bitburg", slug="engagementstrategie-bitburg"
    )
    PhaseFactory(
        process=process,
        title="Online-Beteiligung",
        starts_on=date(2026, 2, 1),
        ends_on=date(2026, 3, 1),
    )
    PhaseFactory(
        process=process,
        title="Entwurf",
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 4, 30),
        allows_contributions=False,
    )
    return process


@pytest.fixture
def measure(process):
    return MeasureFactory(
        title="Vereinsfest", slug="vereinsfest", process=process, progress=40, state="in_progress"
    )


def follow(target, email: str, *, since: datetime) -> Follow:
    """A confirmed follow that has been told everything up to ``since``."""
    follow = Follow.objects.create(
        email=email, confirmed_at=since, notified_until=since, **{target._meta.model_name: target}
    )
    return follow


def at(change_kind: str, moment: datetime) -> None:
    """Date the latest change of a kind (services stamp them with the real clock)."""
    change = Change.objects.filter(kind=change_kind).latest("pk")
    Change.objects.filter(pk=change.pk).update(created_at=moment)


def test_following_with_an_account_counts_at_once(client, citizen, measure):
    login(client, citizen)
    response = client.post("/massnahmen/vereinsfest/folgen/")
    assert response.status_code == 302
    assert response.url == "/massnahmen/vereinsfest/"
    follow = Follow.objects.get()
    assert (follow.measure, follow.email, follow.user) == (measure, citizen.email, citizen)
    assert follow.confirmed_at is not None
    page = client.get("/massnahmen/vereinsfest/").content.decode()
    assert "Sie folgen diesem Thema. Sie erhalten höchstens eine E-Mail am Tag" in page
    # Following again changes nothing.
    client.post("/massnahmen/vereinsfest/folgen/")
    assert Follow.objects.count() == 1
    assert mail.outbox == []


def test_following_by_address_needs_the_link(client, process, run_on_commit):
    url = "/beteiligung/engagementstrategie-bitburg/folgen/"
    response = client.post(url, {"email": "kaputt"})
    assert response.status_code == 200
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.content.decode()
    assert 'value="kaputt"' in response.content.decode()

    run_on_commit(client.post, url, {"email": "Karin@Example.org"})
    follow = Follow.objects.get()
    assert (follow.email, follow.confirmed_at) == ("karin@example.org", None)
    assert len(mail.outbox) == 1
    assert "Sie möchten „Engagementstrategie Bitburg“ folgen" in mail.outbox[0].body
    client.post(path_of(mail_links(mail.outbox[0])[0]))
    follow.refresh_from_db()
    assert follow.confirmed_at is not None


def test_one_digest_a_day_with_exactly_what_changed(process, measure, citizen, office_user):
    since = local(2026, 3, 1, 8, 0)
    on_process = follow(process, "karin@example.org", since=since)
    on_measure = follow(measure, "karin@example.org", since=since)
    follow(measure, "ben@example.org", since=since)
    # Not confirmed: hears nothing.
    Follow.objects.create(process=process, email="offen@example.org", notified_until=since)

    contribution = services.contribution_submit(
        process=process,
        kind="idea",
        text="Ein Fest, bei dem sich alle Vereine vorstellen",
        user=citizen,
        today=date(2026, 2, 20),
    )
    at("contribution_published", local(2026, 3, 1, 10, 0))
    services.measure_link_contribution(measure=measure, contribution=contribution, by=office_user)
    at("contribution_linked", local(2026, 3, 1, 11, 0))
    services.measure_update_post(
        measure=measure,
        date=date(2026, 3, 1),
        text="Der Festplatz am Beda-Platz ist gebucht.",
        progress=60,
        state="in_progress",
        by=office_user,
    )
    at("measure_update", local(2026, 3, 1, 12, 0))
    update = measure.updates.get()

    # Before seven in the morning nobody gets mail.
    assert services.digests_send(now=local(2026, 3, 2, 6, 59)) == 0
    assert services.digests_send(now=local(2026, 3, 2, 8, 0)) == 2
    assert services.digests_send(now=local(2026, 3, 2, 9, 0)) == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["ben@example.org", "karin@example.org"]

    karin = next(m for m in mail.outbox if m.to == ["karin@example.org"])
    site = "https://engagement.example"
    assert karin.subject == "Neuigkeiten: 4 Änderungen – Engagement-Netz"
    body = karin.body
    links = mail_links(karin)
    unsubscribe_process, unsubscribe_all = links[-2], links[-1]
    assert body == (
        "Guten Tag,\n\n"
        "das hat sich seit unserer letzten E-Mail bei dem getan, dem Sie folgen.\n\n"
        "== Engagementstrategie Bitburg ==\n"
        f"{site}/beteiligung/engagementstrategie-bitburg/\n\n"
        "- 01.03.2026: Neuer Beitrag: „Ein Fest, bei dem sich alle Vereine vorstellen“\n"
        f"  {site}{contribution.get_absolute_url()}\n"
        "- 01.03.2026: Beitrag „Ein Fest, bei dem sich alle Vereine vorstellen“ wurde in die "
        "Maßnahme „Vereinsfest“ aufgenommen (40 % umgesetzt)\n"
        f"  {site}{contribution.get_absolute_url()}\n"
        "- 01.03.2026: Fortschritt der Maßnahme „Vereinsfest“: 60 % umgesetzt (in Umsetzung)\n"
        "  Der Festplatz am Beda-Platz ist gebucht.\n"
        f"  {site}/massnahmen/vereinsfest/#fortschritt-{update.pk}\n"
        "- Die Phase „Entwurf“ hat begonnen (02.03.2026 bis 30.04.2026).\n\n"
        f"Nicht mehr folgen: {unsubscribe_process}\n\n"
        "--\n"
        "Sie erhalten von Engagement-Netz höchstens eine E-Mail am Tag und nur, wenn sich "
        "etwas geändert hat.\n"
        f"Alle diese E-Mails abbestellen: {unsubscribe_all}\n\n"
    )
    assert karin.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_all}>"
    assert karin.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = karin.alternatives[0][0]
    assert f'<a href="{site}/massnahmen/vereinsfest/#fortschritt-{update.pk}">' in html

    ben = next(m for m in mail.outbox if m.to == ["ben@example.org"])
    assert ben.subject == "Neuigkeiten: 2 Änderungen – Engagement-Netz"
    assert "== Vereinsfest ==" in ben.body
    assert "Neuer Beitrag" not in ben.body
    assert "Phase" not in ben.body

    # Later the same day: no second mail, the news waits for tomorrow.
    services.contribution_answer(contribution=contribution, answer="Gute Idee!", by=office_user)
    at("contribution_answered", local(2026, 3, 2, 10, 0))
    assert services.digests_send(now=local(2026, 3, 2, 18, 0)) == 0
    assert services.digests_send(now=local(2026, 3, 3, 8, 0)) == 1
    assert len(mail.outbox) == 3
    assert mail.outbox[2].to == ["karin@example.org"]
    assert mail.outbox[2].subject == "Neuigkeiten: 1 Änderung – Engagement-Netz"
    assert (
        "- 02.03.2026: Das Netzwerkbüro hat auf „Ein Fest, bei dem sich alle Vereine vorstellen“ "
        "geantwortet\n  Gute Idee!\n" in mail.outbox[2].body
    )
    assert list(
        DigestMail.objects.order_by("sent_on", "email").values_list("email", "sent_on")
    ) == [
        ("ben@example.org", date(2026, 3, 2)),
        ("karin@example.org", date(2026, 3, 2)),
        ("karin@example.org", date(2026, 3, 3)),
    ]
    on_process.refresh_from_db()
    on_measure.refresh_from_db()
    assert on_process.notified_until == on_measure.notified_until == local(2026, 3, 3, 8, 0)


def test_nothing_changed_means_no_mail_and_hidden_things_stay_out(process, office_user):
    since = local(2026, 3, 1, 8, 0)
    follow(process, "karin@example.org", since=since)
    contribution = ContributionFactory(process=process, text="Rufnummer 0123")
    services.contribution_moderate(
        contribution=contribution, publish=True, by=office_user
    )  # published → a change …
    services.contribution_moderate(
        contribution=contribution, publish=False, reason="Private Daten", by=office_user
    )  # … but hidden again before the digest
    Change.objects.update(created_at=local(2026, 3, 1, 9, 0))
    assert services.digests_send(now=local(2026, 3, 1, 20, 0)) == 0
    assert mail.outbox == []


def test_one_click_unsubscribe_from_one_or_all(client, process, measure):
    since = local(2026, 3, 1, 8, 0)
    follow(process, "karin@example.org", since=since)
    follow(measure, "karin@example.org", since=since)
    services.measure_update_post(
        measure=measure,
        date=date(2026, 3, 1),
        text="Die Bühne steht.",
        progress=70,
        state="in_progress",
        by=None,
    )
    at("measure_update", local(2026, 3, 1, 12, 0))
    services.digests_send(now=local(2026, 3, 1, 18, 0))
    links = [path_of(link) for link in mail_links(mail.outbox[0])]
    unsubscribe_one, unsubscribe_all = links[-2], links[-1]

    # Opening the link only asks; mail programs' one-click POST comes without a CSRF token.
    page = client.get(unsubscribe_one)
    assert page.status_code == 200
    assert Follow.objects.count() == 2
    client.handler.enforce_csrf_checks = True
    response = client.post(unsubscribe_one, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert list(Follow.objects.values_list("measure__slug", flat=True)) == ["vereinsfest"]
    client.post(unsubscribe_all, {"List-Unsubscribe": "One-Click"})
    assert Follow.objects.count() == 0
    assert client.get("/beteiligung/abbestellen/kaputt/").status_code == 400
