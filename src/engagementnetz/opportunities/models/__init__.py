from .choices import (
    Commitment,
    HelpCategory,
    HelpKind,
    HelpState,
    HoursPeriod,
    HoursState,
    InterestState,
    Offer,
    OpportunityState,
    Skill,
    Suitability,
    TimeSlot,
)
from .finder import FinderSubscription
from .hours import HoursEntry
from .interest import Interest
from .neighbourhood import HelpContact, HelpPost
from .opportunity import Opportunity, skills_to_column

__all__ = [
    "Commitment",
    "FinderSubscription",
    "HelpCategory",
    "HelpContact",
    "HelpKind",
    "HelpPost",
    "HelpState",
    "HoursEntry",
    "HoursPeriod",
    "HoursState",
    "Interest",
    "InterestState",
    "Offer",
    "Opportunity",
    "OpportunityState",
    "Skill",
    "Suitability",
    "TimeSlot",
    "skills_to_column",
]
