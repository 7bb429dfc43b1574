"""From an idea to a measure and back: both pages link to each other, state changes say why."""

import pytest

from engagementnetz.participation.models import ContributionStatus, Measure
from tests.conftest import login

from .factories import ContributionFactory, MeasureFactory, ThemeTableFactory, open_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea():
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    table = ThemeTableFactory(process=process, title="Wertschätzung", slug="wertschaetzung")
    return ContributionFactory(
        process=process, table=table, text="Ein Fest aller Vereine auf dem Beda-Platz."
    )


@pytest.fixture
def festival(idea):
    return MeasureFactory(
        title="Vereinsfest", slug="vereinsfest", process=idea.process, progress=60
    )


def link(client, measure, number):
    return client.post(
        f"/netzwerkbuero/massnahmen/{measure.pk}/verknuepfen/", {"contribution": str(number)}
    )


def test_a_linked_idea_and_its_measure_point_to_each_other(client, office_user, idea, festival):
    login(client, office_user)
    response = link(client, festival, idea.pk)
    assert response.status_code == 302
    assert response.url == f"/netzwerkbuero/massnahmen/{festival.pk}/"
    messages = client.get(response.url).content.decode()
    assert f"Beitrag Nr. {idea.pk} ist verknüpft." in messages
    idea.refresh_from_db()
    assert idea.status == ContributionStatus.ADOPTED
    client.logout()

    contribution_url = f"/beteiligung/engagementstrategie/beitraege/{idea.pk}/"
    detail = client.get(contribution_url).content.decode()
    assert (
        'aufgenommen in Maßnahme „<a class="kern-link" href="/massnahmen/vereinsfest/">'
        "Vereinsfest</a>“" in detail
    )
    assert "Was daraus wurde" in detail
    assert "in Umsetzung</span></span> 60 % umgesetzt" in detail

    measure_page = client.get("/massnahmen/vereinsfest/").content.decode()
    section = measure_page.split('id="herkunft"', 1)[1]
    assert f'<a class="kern-link" href="{contribution_url}">Beitrag Nr. {idea.pk}</a>' in section
    assert "Ein Fest aller Vereine auf dem Beda-Platz." in section
    assert "Ideen · Wertschätzung" in section

    # Lists of contributions say what became of each one, with the progress.
    table_page = client.get("/beteiligung/engagementstrategie/tische/wertschaetzung/")
    assert (
        'Daraus wurde die Maßnahme <a class="kern-link" href="/massnahmen/vereinsfest/">'
        "Vereinsfest</a> – 60 % umgesetzt" in table_page.content.decode()
    )
    adopted = client.get("/beteiligung/engagementstrategie/beitraege/?stand=adopted")
    assert f"Beitrag Nr. {idea.pk}</a>" in adopted.content.decode()
    received = client.get("/beteiligung/engagementstrategie/beitraege/?stand=received")
    assert f"Beitrag Nr. {idea.pk}</a>" not in received.content.decode()


def test_the_office_can_also_link_from_the_contribution(client, office_user, idea, festival):
    login(client, office_user)
    response = client.post(
        f"/netzwerkbuero/beteiligung/beitraege/{idea.pk}/",
        {"form": "link", "link-measure": str(festival.pk)},
    )
    assert response.status_code == 302
    assert list(festival.contributions.all()) == [idea]
    page = client.get(response.url).content.decode()
    assert "Der Beitrag ist jetzt Teil der Maßnahme „Vereinsfest“." in page
    client.post(
        f"/netzwerkbuero/beteiligung/beitraege/{idea.pk}/",
        {"form": "link", "link-measure": str(festival.pk)},
    )
    assert festival.contributions.count() == 1


def test_a_wrong_number_is_explained_and_kept(client, office_user, idea, festival):
    hidden = ContributionFactory(process=idea.process, moderation="unconfirmed")
    login(client, office_user)
    for number in (hidden.pk, 99999, 10**20):
        response = link(client, festival, number)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Es gibt keinen öffentlichen Beitrag mit dieser Nummer." in html
        assert f'value="{number}"' in html
    assert festival.contributions.count() == 0
    response = link(client, festival, "zwei")
    assert "Bitte eine ganze Zahl eingeben." in response.content.decode()


def test_linking_twice_changes_nothing(client, office_user, idea, festival):
    login(client, office_user)
    link(client, festival, idea.pk)
    response = link(client, festival, idea.pk)
    assert (
        "Der Beitrag war bereits Teil dieser Maßnahme." in client.get(response.url).content.decode()
    )
    assert festival.contributions.count() == 1


def test_without_a_measure_the_idea_goes_back_to_review(client, office_user, idea, festival):
    second = MeasureFactory(title="Ehrenamtstag", slug="ehrenamtstag")
    login(client, office_user)
    link(client, festival, idea.pk)
    link(client, second, idea.pk)
    client.post(f"/netzwerkbuero/massnahmen/{festival.pk}/beitraege/{idea.pk}/loesen/")
    idea.refresh_from_db()
    assert idea.status == ContributionStatus.ADOPTED
    detail = client.get(idea.get_absolute_url()).content.decode()
    assert "aufgenommen in Maßnahme „" in detail
    assert 'href="/massnahmen/ehrenamtstag/">Ehrenamtstag</a>“' in detail
    assert 'href="/massnahmen/vereinsfest/">Vereinsfest</a>“' not in detail

    client.post(f"/netzwerkbuero/massnahmen/{second.pk}/", {"delete": "1"})
    assert not Measure.objects.filter(pk=second.pk).exists()
    idea.refresh_from_db()
    assert idea.status == ContributionStatus.IN_REVIEW
    client.logout()
    detail = client.get(idea.get_absolute_url()).content.decode()
    assert "in Prüfung" in detail
    assert "Was daraus wurde" not in detail


def test_an_unpublished_measure_is_not_shown_with_the_idea(client, office_user, idea):
    draft = MeasureFactory(title="Geheimplan", slug="geheimplan", is_published=False)
    login(client, office_user)
    link(client, draft, idea.pk)
    client.logout()
    detail = client.get(idea.get_absolute_url()).content.decode()
    assert "Geheimplan" not in detail
    assert "Was daraus wurde" not in detail


def test_state_changes_keep_their_reason_in_public(client, office_user, idea):
    login(client, office_user)
    url = f"/netzwerkbuero/beteiligung/beitraege/{idea.pk}/"
    client.post(
        url,
        {"form": "status", "status-status": "in_review", "status-reason": "Wir fragen den Bauhof."},
    )
    client.logout()
    detail = client.get(idea.get_absolute_url()).content.decode()
    assert "in Prüfung – Wir fragen den Bauhof." in detail
    card = client.get("/beteiligung/engagementstrategie/tische/wertschaetzung/").content.decode()
    assert '<span class="kern-label">in Prüfung</span>' in card
