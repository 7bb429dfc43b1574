from .contribution import (
    Comment,
    Contribution,
    ContributionKind,
    ContributionQuerySet,
    ContributionSource,
    ContributionStatus,
    ModerationState,
    Support,
)
from .following import Change, ChangeKind, DigestMail, Follow
from .measure import Measure, MeasureQuerySet, MeasureState, MeasureUpdate
from .process import (
    ModerationMode,
    Phase,
    Process,
    ProcessDocument,
    ProcessQuerySet,
    ThemeTable,
    Workshop,
    WorkshopPhoto,
)

__all__ = [
    "Change",
    "ChangeKind",
    "Comment",
    "Contribution",
    "ContributionKind",
    "ContributionQuerySet",
    "ContributionSource",
    "ContributionStatus",
    "DigestMail",
    "Follow",
    "Measure",
    "MeasureQuerySet",
    "MeasureState",
    "MeasureUpdate",
    "ModerationMode",
    "ModerationState",
    "Phase",
    "Process",
    "ProcessDocument",
    "ProcessQuerySet",
    "Support",
    "ThemeTable",
    "Workshop",
    "WorkshopPhoto",
]
