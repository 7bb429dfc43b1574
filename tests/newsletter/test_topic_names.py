"""The newsletter's topics carry the names an issue shows."""

from django.utils import translation


def test_the_topics_carry_the_names_of_the_issue():
    from engagementnetz.newsletter.content import Topic

    with translation.override("de"):
        assert [str(label) for _value, label in Topic.choices] == [
            "Aktuelles",
            "Termine",
            "Fortbildungen",
            "Engagement-Börse",
            "Beteiligung",
        ]
