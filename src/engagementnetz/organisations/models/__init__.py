from .contact import ContactMessage
from .imports import DirectoryImport
from .link import Link, LinkCategory
from .media import OrganisationPhoto, ProjectPhoto
from .moderation import (
    ChangeRecord,
    ClaimRequest,
    ClaimState,
    Decision,
    DecisionKind,
    DecisionOutcome,
    Report,
    ReportReason,
    ReportState,
)
from .organisation import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationState,
)
from .people import Invitation
from .project import Project, ProjectStatus

__all__ = [
    "ChangeRecord",
    "ClaimRequest",
    "ClaimState",
    "ContactMessage",
    "Decision",
    "DecisionKind",
    "DecisionOutcome",
    "DirectoryImport",
    "Invitation",
    "Link",
    "LinkCategory",
    "Membership",
    "MembershipRole",
    "Organisation",
    "OrganisationKind",
    "OrganisationPhoto",
    "OrganisationState",
    "Project",
    "ProjectPhoto",
    "ProjectStatus",
    "Report",
    "ReportReason",
    "ReportState",
]
