"""Parameters and data of the wrong type get German messages, with their field and code."""

from decimal import Decimal

import pytest
from django.utils import translation

from engagementnetz.api import validation

BASE = "/api/v1"


def refused(client, path, params) -> dict:
    response = client.get(f"{BASE}{path}", params)
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"] == "The data is not valid."
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field", "message", "code"),
    [
        ({"anzahl": "viele"}, "anzahl", "Bitte eine ganze Zahl angeben.", "int_parsing"),
        ({"seite": "1.5"}, "seite", "Bitte eine ganze Zahl angeben.", "int_parsing"),
        (
            {"anzahl": "0"},
            "anzahl",
            "Bitte einen Wert von mindestens 1 angeben.",
            "greater_than_equal",
        ),
        (
            {"anzahl": "500"},
            "anzahl",
            "Bitte einen Wert von höchstens 100 angeben.",
            "less_than_equal",
        ),
        (
            {"mitglieder": "vielleicht"},
            "mitglieder",
            "Bitte true oder false angeben.",
            "bool_parsing",
        ),
        ({"q": "x" * 101}, "q", "Bitte höchstens 100 Zeichen angeben.", "string_too_long"),
        ({"buchstabe": "AB"}, "buchstabe", "Bitte höchstens 1 Zeichen angeben.", "string_too_long"),
    ],
)
def test_a_query_parameter_of_the_wrong_type_gets_a_german_message(
    client, params, field, message, code
):
    data = refused(client, "/organisations", params)
    assert data["errors"] == {field: [message]}
    assert data["codes"] == {field: [code]}


@pytest.mark.django_db
def test_all_wrong_query_parameters_are_reported_at_once(client):
    data = refused(client, "/events", {"seite": "zwei", "anzahl": "-1", "kostenlos": "ja bitte"})
    assert data == {
        "detail": "The data is not valid.",
        "errors": {
            "seite": ["Bitte eine ganze Zahl angeben."],
            "anzahl": ["Bitte einen Wert von mindestens 1 angeben."],
            "kostenlos": ["Bitte true oder false angeben."],
        },
        "codes": {
            "seite": ["int_parsing"],
            "anzahl": ["greater_than_equal"],
            "kostenlos": ["bool_parsing"],
        },
    }


@pytest.mark.django_db
def test_in_english_when_the_visitor_chose_english(client):
    client.cookies["sprache"] = "en"
    data = refused(client, "/organisations", {"anzahl": "viele", "q": "x" * 101})
    assert data["errors"] == {
        "anzahl": ["Enter a whole number."],
        "q": ["Enter at most 100 characters."],
    }


def german(error: dict) -> str:
    with translation.override("de"):
        return validation.message(error)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"type": "missing"}, "Dieses Feld ist zwingend erforderlich."),
        ({"type": "float_parsing"}, "Bitte eine Zahl angeben."),
        ({"type": "date_parsing"}, "Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben."),
        (
            {"type": "datetime_parsing", "ctx": {"error": "input is too short"}},
            "Bitte ein gültiges Datum mit Uhrzeit angeben, z. B. 2025-05-17T19:30:00.",
        ),
        (
            {"type": "string_too_short", "ctx": {"min_length": 1}},
            "Bitte mindestens 1 Zeichen angeben.",
        ),
        ({"type": "too_long", "ctx": {"max_length": 1}}, "Bitte höchstens 1 Eintrag angeben."),
        ({"type": "too_long", "ctx": {"max_length": 3}}, "Bitte höchstens 3 Einträge angeben."),
        (
            {"type": "greater_than_equal", "ctx": {"ge": Decimal("0.5")}},
            "Bitte einen Wert von mindestens 0,5 angeben.",
        ),
        ({"type": "less_than", "ctx": {"lt": 2.5}}, "Bitte einen Wert kleiner als 2,5 angeben."),
        ({"type": "enum", "ctx": {"expected": "'a'"}}, "Bitte einen dieser Werte angeben: 'a'."),
        (
            {"type": "url_parsing", "ctx": {"error": "relative URL without a base"}},
            "Bitte eine gültige Internetadresse (URL) angeben.",
        ),
        ({"type": "json_invalid", "ctx": {"error": "EOF"}}, "Bitte gültiges JSON senden."),
        (
            {"type": "value_error", "ctx": {"error": "Der Beginn liegt nach dem Ende."}},
            "Der Beginn liegt nach dem Ende.",
        ),
        ({"type": "value_error"}, "Bitte einen gültigen Wert angeben."),
        # Unknown types and contexts without the named limit get the general message.
        ({"type": "complex_str_parsing"}, "Bitte einen gültigen Wert angeben."),
        ({"type": "greater_than"}, "Bitte einen gültigen Wert angeben."),
        ({"cursor": "Invalid Cursor"}, "Bitte einen gültigen Wert angeben."),
    ],
)
def test_messages_by_type(error, message):
    assert german(error) == message


LIMITS = {"max_length": 2, "min_length": 2, "gt": 1, "ge": 1, "lt": 9, "le": 9, "multiple_of": 2}


@pytest.mark.parametrize("kind", sorted(validation.MESSAGES))
def test_every_message_has_a_german_translation(kind):
    error = {"type": kind, "ctx": {**LIMITS, "expected": "'a' or 'b'"}}
    with translation.override("en"):
        english = validation.message(error)
    assert german(error) != english
    assert german(error).startswith(("Bitte ", "Dies")), german(error)


def test_locations_are_named_like_the_form_fields():
    errors = [
        {"type": "missing", "loc": ("body", "payload", "venue", "name")},
        {"type": "int_parsing", "loc": ("query", "anzahl")},
        {"type": "missing", "loc": ("body", "payload")},
        {"type": "value_error", "loc": ("body", "payload", "dates", 2, "date")},
    ]
    with translation.override("de"):
        messages, codes = validation.invalid_data(errors)
    assert list(messages) == ["venue.name", "anzahl", "__all__", "dates.2.date"]
    assert messages["__all__"] == ["Bitte die Daten als JSON-Objekt senden."]
    assert codes == {
        "venue.name": ["missing"],
        "anzahl": ["int_parsing"],
        "__all__": ["missing"],
        "dates.2.date": ["value_error"],
    }


@pytest.mark.django_db
def test_the_document_gives_every_422_the_shape_of_the_answer(client):
    document = client.get(f"{BASE}/openapi.json").json()
    shape = document["components"]["schemas"]["ValidationErrors"]
    assert set(shape["required"]) == {"detail", "errors", "codes"}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation["responses"]["422"]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ValidationErrors"}, (
                path,
                method,
            )
