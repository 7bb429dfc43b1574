from .filters import OpportunityFilterForm
from .finder import FinderForm, FinderSubscribeForm, criteria_from_query
from .hours import HoursDecisionForm, HoursEntryForm
from .interest import InterestForm, InterestStateForm
from .neighbourhood import HelpContactForm, HelpPostForm, ModerationForm
from .opportunity import OpportunityForm, StillCurrentForm

__all__ = [
    "FinderForm",
    "FinderSubscribeForm",
    "HelpContactForm",
    "HelpPostForm",
    "HoursDecisionForm",
    "HoursEntryForm",
    "InterestForm",
    "InterestStateForm",
    "ModerationForm",
    "OpportunityFilterForm",
    "OpportunityForm",
    "StillCurrentForm",
    "criteria_from_query",
]
