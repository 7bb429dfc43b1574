import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from engagementnetz.accounts.models import User
from tests.conftest import login
from tests.factories import PASSWORD, make_network_office_user

pytestmark = pytest.mark.django_db


def confirm_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", message.body).group(1)


def test_citizen_registers_confirms_by_mail_and_is_logged_in(client):
    response = client.post(
        "/konto/signup/",
        {"email": "neu@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    link = confirm_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="neu@example.org").verified is True
    assert client.get("/konto/").status_code == 200


def test_signup_with_bad_input_keeps_input_and_explains_in_german(client):
    response = client.post(
        "/konto/signup/", {"email": "neu@example.org", "password1": "kurz", "password2": "anders"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="neu@example.org"' in html
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert not User.objects.filter(email="neu@example.org").exists()


def test_forgotten_password_is_reset_by_mail(client, citizen):
    response = client.post("/konto/password/reset/", {"email": citizen.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/\s]+(/konto/password/reset/key/[^\s]+/)", mail.outbox[0].body)
    form_url = client.get(path.group(1)).url
    response = client.post(
        form_url, {"password1": "ganz-neues-passwort-77", "password2": "ganz-neues-passwort-77"}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("ganz-neues-passwort-77")


def test_export_contains_exactly_the_users_data(client, citizen):
    other = User.objects.create_user(email="andere@example.org", password="x", name="Bert Other")
    login(client, citizen)
    response = client.get("/konto/daten.json")
    assert response["Content-Disposition"] == 'attachment; filename="meine-daten.json"'
    data = json.loads(response.content)
    account = data["konto"]
    assert account["e_mail"] == "buergerin@example.org"
    assert account["name"] == "Anna Schmitz"
    assert account["e_mail_adressen"] == [{"adresse": "buergerin@example.org", "bestaetigt": True}]
    assert other.email not in response.content.decode()
    assert "Bert Other" not in response.content.decode()


def test_deleting_the_account_removes_the_personal_data(client, citizen, organisation):
    login(client, citizen)
    response = client.post("/konto/loeschen/", {"email": "falsch@example.org"})
    assert "Das ist nicht die E-Mail-Adresse Ihres Kontos." in response.content.decode()
    assert User.objects.filter(pk=citizen.pk).exists()

    response = client.post("/konto/loeschen/", {"email": "BUERGERIN@example.org"})
    assert response.status_code == 302
    assert not User.objects.filter(email="buergerin@example.org").exists()
    assert not EmailAddress.objects.filter(email="buergerin@example.org").exists()
    organisation.refresh_from_db()  # content of clubs stays
    assert client.get("/konto/").status_code == 302


def test_staff_without_mfa_is_sent_to_set_it_up(client):
    user = make_network_office_user(with_totp=False)
    login(client, user)
    response = client.get("/netzwerkbuero/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"


def test_staff_with_mfa_reaches_the_work_area(office_client):
    response = office_client.get("/netzwerkbuero/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Arbeitsbereich des Netzwerkbüros" in html
    assert "Einstellungen der Website" in html


def test_anonymous_is_sent_to_login_from_the_work_area(client):
    response = client.get("/netzwerkbuero/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/netzwerkbuero/"
