from .entries import (
    ClaimForm,
    InvitationForm,
    OfficeOrganisationForm,
    OrganisationForm,
    PhotoForm,
    RegistrationForm,
    RoleForm,
)
from .office import (
    ClaimDecisionForm,
    EntriesFilterForm,
    ImportForm,
    LinkCategoryForm,
    LinkForm,
    RegistrationDecisionForm,
    ReportDecisionForm,
    StaleDecisionForm,
    UnpublishForm,
)
from .projects import ProjectForm
from .public import ContactForm, DirectoryFilterForm, ProjectFilterForm, ReportForm

__all__ = [
    "ClaimDecisionForm",
    "ClaimForm",
    "ContactForm",
    "DirectoryFilterForm",
    "EntriesFilterForm",
    "ImportForm",
    "InvitationForm",
    "LinkCategoryForm",
    "LinkForm",
    "OfficeOrganisationForm",
    "OrganisationForm",
    "PhotoForm",
    "ProjectFilterForm",
    "ProjectForm",
    "RegistrationDecisionForm",
    "RegistrationForm",
    "ReportDecisionForm",
    "ReportForm",
    "RoleForm",
    "StaleDecisionForm",
    "UnpublishForm",
]
