"""The vocabularies of the Engagement-Börse: kept in code because the finder and filters rely on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OpportunityState(models.TextChoices):
    OPEN = "open", pgettext_lazy("opportunity state", "Open")
    FILLED = "filled", _("Filled")
    EXPIRED = "expired", _("Expired")


class Commitment(models.TextChoices):
    ONE_OFF = "einmalig", _("One-off, on given dates")
    REGULAR = "regelmaessig", _("Regular")
    FLEXIBLE = "flexibel", _("Flexible, whenever you have time")


class HoursPeriod(models.TextChoices):
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")


class TimeSlot(models.TextChoices):
    """When the engagement takes place; each is a boolean column of the opportunity."""

    WEEKDAYS = "werktags", pgettext_lazy("time slot", "on weekdays")
    EVENINGS = "abends", _("in the evening")
    WEEKENDS = "wochenende", _("at the weekend")


TIME_SLOT_COLUMNS = {
    TimeSlot.WEEKDAYS: "on_weekdays",
    TimeSlot.EVENINGS: "in_evenings",
    TimeSlot.WEEKENDS: "on_weekends",
}


class Suitability(models.TextChoices):
    """Who the engagement is suited for; each is a boolean column of the opportunity."""

    YOUNG_PEOPLE = "jugendliche", _("young people from 14")
    SENIORS = "senioren", _("seniors")
    FAMILIES = "familien", _("families")
    LITTLE_GERMAN = "wenig-deutsch", _("people with little German")
    DISABILITIES = "behinderung", _("people with disabilities")


SUITABILITY_COLUMNS = {
    Suitability.YOUNG_PEOPLE: "for_young_people",
    Suitability.SENIORS: "for_seniors",
    Suitability.FAMILIES: "for_families",
    Suitability.LITTLE_GERMAN: "for_little_german",
    Suitability.DISABILITIES: "for_disabilities",
}


class Offer(models.TextChoices):
    """What the organisation offers its volunteers; each is a boolean column."""

    INTRODUCTION = "einarbeitung", _("introduction")
    TRAINING = "fortbildung", _("training")
    INSURANCE = "versicherung", _("insurance")
    EXPENSES = "auslagen", _("expenses paid")
    EHRENAMTSKARTE = "ehrenamtskarte", _("counts for the Ehrenamtskarte")


OFFER_COLUMNS = {
    Offer.INTRODUCTION: "offers_introduction",
    Offer.TRAINING: "offers_training",
    Offer.INSURANCE: "offers_insurance",
    Offer.EXPENSES: "offers_expenses",
    Offer.EHRENAMTSKARTE: "offers_ehrenamtskarte",
}


class Skill(models.TextChoices):
    """Skills that help; stored as a delimited list so that filters work on every database."""

    CRAFTS = "handwerk", _("crafts and technology")
    COMPUTERS = "computer", _("computers and the internet")
    LANGUAGES = "sprachen", _("foreign languages")
    CREATIVE = "kreativ", _("music, art and crafts")
    SPORTS = "sport", _("sports and exercise")
    CARE = "betreuung", _("caring for and accompanying people")
    ORGANISING = "organisieren", _("organising and administration")
    COOKING = "kochen", _("cooking and baking")
    GARDENING = "garten", _("gardening and nature")
    TEACHING = "lernen", _("explaining and tutoring")


class InterestState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
    NEW = "new", _("New")
    IN_CONTACT = "in_contact", _("In contact")
    ENGAGED = "engaged", _("Engaged")
    DECLINED = "declined", pgettext_lazy("interest state", "Declined")


# The states an organisation can set for an interest.
HANDLED_INTEREST_STATES = [
    InterestState.NEW,
    InterestState.IN_CONTACT,
    InterestState.ENGAGED,
    InterestState.DECLINED,
]


class HoursState(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Not confirmed")


class HelpKind(models.TextChoices):
    OFFER = "angebot", _("I offer help")
    REQUEST = "gesuch", _("I am looking for help")


class HelpCategory(models.TextChoices):
    SHOPPING = "einkaufen", _("Shopping and errands")
    RIDES = "fahrten", _("Rides")
    COMPANY = "gesellschaft", _("Company and conversation")
    HOUSE_GARDEN = "haus-garten", _("Small jobs in house and garden")
    OTHER = "sonstiges", _("Other")


class HelpState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", pgettext_lazy("help entry state", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("help entry state", "Withdrawn")
