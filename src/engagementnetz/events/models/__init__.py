from .event import (
    Event,
    EventKind,
    EventQuerySet,
    EventState,
    Occurrence,
    OccurrenceQuerySet,
    Recurrence,
    Venue,
    Weekday,
)
from .feed import CalendarFeed
from .registration import (
    QuestionKind,
    RegistrantMessage,
    Registration,
    RegistrationAnswer,
    RegistrationOption,
    RegistrationQuestion,
    RegistrationStatus,
)

__all__ = [
    "CalendarFeed",
    "Event",
    "EventKind",
    "EventQuerySet",
    "EventState",
    "Occurrence",
    "OccurrenceQuerySet",
    "QuestionKind",
    "Recurrence",
    "RegistrantMessage",
    "Registration",
    "RegistrationAnswer",
    "RegistrationOption",
    "RegistrationQuestion",
    "RegistrationStatus",
    "Venue",
    "Weekday",
]
