"""The accessibility sweep: every page type, as every role, checked with axe-core (WCAG 2.1 AA).

One test loads demo-like content once (the demo loader plus a few objects the demo has no
example of), opens one browser context per role and visits every named GET page of the URL
configuration. A new page type fails the coverage check below until it is visited here or
excused with a reason — so nothing added later escapes the sweep.
"""

import json
import time
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from .conftest import AXE_JS

pytestmark = pytest.mark.django_db(transaction=True)

# Pages that are not HTML pages a person reads, or that only take a POST, or that only exist
# inside a flow the sweep cannot enter. Each needs a reason; the coverage check keeps the list
# honest (a name listed here that no longer exists fails as well).
EXCUSED = {
    # machine endpoints and files
    "core:healthz": "JSON for monitoring",
    "core:robots_txt": "plain text",
    "search:sitemap_index": "XML",
    "search:sitemap_section": "XML",
    "search:suggestions": "htmx fragment inside the search page, checked there",
    "organisations:map_data": "JSON for the map",
    "organisations:export": "CSV/XLSX download",
    "events:feed": "ICS file",
    "events:event_ics": "ICS file",
    "events:certificate": "PDF file",
    "events:manage_export": "CSV/XLSX download",
    "events:manage_certificates": "PDF file",
    "opportunities:certificate": "PDF file",
    "participation:export": "CSV/XLSX download",
    "news:feed": "RSS",
    "news:feed_atom": "Atom",
    "news:category_feed": "RSS",
    "news:category_feed_atom": "Atom",
    "newsletter:issue_preview_html": "the mail's HTML, shown inside the preview page",
    "accounts:export": "JSON download",
    "mfa_download_recovery_codes": "text file",
    "set_language": "POST only (language switch)",
    # POST only: the page that offers the button is visited instead
    "account_logout": "POST only in use; the GET asks the same question as the account page",
    "organisations:submit": "POST only",
    "organisations:review": "POST only",
    "organisations:photo_delete": "POST only",
    "organisations:member_role": "POST only",
    "organisations:member_remove": "POST only",
    "organisations:leave": "POST only",
    "organisations:invitation_revoke": "POST only",
    "organisations:project_photo_delete": "POST only",
    "organisations:link_delete": "POST only",
    "organisations:link_check": "POST only",
    "organisations:category_delete": "POST only",
    "events:feed_refresh": "POST only",
    "events:manage_question_delete": "POST only",
    "events:manage_attended": "POST only",
    "opportunities:finder_subscribe": "POST only (the form sits on the finder page)",
    "opportunities:hours_delete": "POST only",
    "opportunities:hours_decide": "POST only",
    "opportunities:state": "POST only",
    "opportunities:interest_update": "POST only",
    "opportunities:help_moderate": "POST only",
    "opportunities:help_remove": "POST only",
    "participation:comment_create": "POST only",
    "participation:support_create": "POST only",
    "participation:moderate_comment": "POST only",
    "participation:manage_photo_add": "POST only",
    "participation:manage_photo_delete": "POST only",
    "participation:manage_document_add": "POST only",
    "participation:manage_document_delete": "POST only",
    "participation:manage_measure_link": "POST only",
    "participation:manage_measure_unlink": "POST only",
    "participation:manage_update_delete": "POST only",
    "news:image_add": "POST only",
    "news:image_delete": "POST only",
    "news:manage_publish": "POST only",
    "news:manage_reject": "POST only",
    "news:manage_unpublish": "POST only",
    "newsletter:issue_create": "POST only",
    "newsletter:issue_refresh": "POST only",
    "newsletter:issue_test": "POST only",
    # allauth steps that only exist in the middle of a flow (a pending login, a fresh key)
    "account_inactive": "only reached by an inactive account's login",
    "account_confirm_login_code": "login by code is switched off",
    "account_set_password": "every account has a password; redirects",
    "account_email_verification_sent": "shown right after the signup, visited there",
    "account_reset_password_from_key": "needs a fresh key from a mail; the invalid-key page is visited",
    "account_reset_password_from_key_done": "the end of the reset flow",
    "mfa_authenticate": "only inside a pending login with a second factor",
    "mfa_reauthenticate": "only inside a pending sensitive action",
    "mfa_activate_totp": "asks for the password again first; that page is visited",
    "mfa_view_recovery_codes": "asks for the password again first; that page is visited",
    "mfa_deactivate_totp": "the network office may not switch off its second factor",
    "mfa_generate_recovery_codes": "same form as the recovery-code page",
}


# The open data API answers JSON (and its exports CSV/JSON); only these two are pages.
API_PAGES = {"api:docs", "api:tokens"}


def excused(names: set[str]) -> set[str]:
    api_data = {n for n in names if n.startswith("api:") and n not in API_PAGES}
    return set(EXCUSED) | api_data


@dataclass
class Visit:
    role: str
    name: str
    args: tuple = ()
    query: str = ""
    status: int = 200
    redirects: bool = False
    url: str = field(default="")

    def __post_init__(self):
        if not self.url:
            self.url = reverse(self.name, args=self.args) + self.query


def named_patterns() -> set[str]:
    """Every named URL pattern of the project (with its namespace), Django's admin aside."""
    names: set[str] = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                if inner == "admin":
                    continue
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, "")
    return names


def build_content() -> dict:
    """The demo town plus one example of everything the demo leaves out; returns what to visit."""
    from allauth.mfa.models import Authenticator

    from engagementnetz.accounts.models import User
    from engagementnetz.core.demo_loader import load_demo
    from engagementnetz.events.models import RegistrationStatus
    from engagementnetz.news.models import ArticleState
    from engagementnetz.newsletter.models import IssueState, SubscriberState
    from engagementnetz.opportunities import mails as opportunity_mails
    from engagementnetz.opportunities.models import HelpState
    from engagementnetz.organisations.models import (
        ClaimRequest,
        DirectoryImport,
        Invitation,
        Membership,
        MembershipRole,
        OrganisationState,
        Report,
    )
    from engagementnetz.organisations.services import directory_export
    from engagementnetz.pages.models import Page
    from engagementnetz.participation.models import (
        Comment,
        MeasureUpdate,
        Phase,
        ThemeTable,
        Workshop,
    )
    from engagementnetz.participation.tokens import confirm_token, unsubscribe_token
    from tests.events.factories import (
        EventFactory,
        RegistrationFactory,
        RegistrationOptionFactory,
    )
    from tests.factories import OrganisationFactory, UserFactory
    from tests.news.factories import ArticleFactory, CategoryFactory
    from tests.newsletter.factories import SubscriberFactory, issue_with_items
    from tests.opportunities.factories import (
        FinderSubscriptionFactory,
        HelpPostFactory,
        HoursEntryFactory,
        InterestFactory,
        OpportunityFactory,
    )
    from tests.organisations.factories import (
        ClaimFactory,
        LinkFactory,
        ProjectFactory,
        ReportFactory,
    )
    from tests.participation.factories import (
        ContributionFactory,
        MeasureFactory,
        PhaseFactory,
        ProcessFactory,
        ThemeTableFactory,
        WorkshopFactory,
    )

    load_demo()
    c: dict = {}
    c["citizen"] = User.objects.get(email="buergerin@example.org")
    c["club"] = User.objects.get(email="verein@example.org")
    c["office"] = User.objects.get(email="netzwerkbuero@example.org")
    assert Authenticator.objects.filter(user=c["office"]).exists()

    membership = Membership.objects.filter(user=c["club"], role=MembershipRole.ADMIN).first()
    org = membership.organisation if membership else OrganisationFactory(name="Sweep-Verein")
    if not membership:
        Membership.objects.create(organisation=org, user=c["club"], role=MembershipRole.ADMIN)
    c["org"] = org
    c["other_org"] = OrganisationFactory(name="Anderer Verein Sweep")
    c["member"] = Membership.objects.create(
        organisation=org, user=UserFactory(name="Jonas Weiler"), role=MembershipRole.EDITOR
    )
    c["invitation"] = Invitation.objects.create(
        organisation=org,
        email="neu@example.org",
        token="sweep-einladung",
        invited_by=c["club"],
        expires_at=timezone.now() + timedelta(days=7),
    )
    c["project"] = ProjectFactory(organisation=org, title="Sweep-Projekt", slug="sweep-projekt")
    c["submitted_org"] = OrganisationFactory(
        name="Neuer Verein Sweep", state=OrganisationState.SUBMITTED, submitted_by=c["citizen"]
    )
    c["unpublished_org"] = OrganisationFactory(
        name="Zurückgezogener Verein Sweep", state=OrganisationState.UNPUBLISHED
    )
    c["claim"] = ClaimRequest.objects.filter(state="pending").first() or ClaimFactory(
        organisation=c["other_org"]
    )
    c["report"] = Report.objects.filter(state="open").first() or ReportFactory(
        organisation=c["other_org"]
    )
    c["link"] = LinkFactory()
    # The directory's own export is a valid import file: its preview shows every row.
    c["import"] = DirectoryImport.objects.create(
        file_name="vereine.csv",
        file_format="csv",
        content=directory_export(file_format="csv"),
        created_by=c["office"],
    )
    c["page"] = Page.objects.get(slug="barrierefreiheit")
    c["menu_page"] = Page.objects.exclude(
        slug__in=["impressum", "datenschutz", "barrierefreiheit"]
    ).first()

    # Events: a course with registration, a question with an option, one registration.
    c["event"] = EventFactory(
        organiser=org,
        title="Erste Hilfe für Übungsleitende",
        slug="erste-hilfe-sweep",
        kind="fortbildung",
        registration_enabled=True,
        capacity=12,
        description="Ein **Kurs** für alle, die Gruppen leiten.",
    )
    EventFactory(organiser=c["other_org"], title="Sommerfest im Park", slug="sommerfest-sweep")
    c["option"] = RegistrationOptionFactory(question__event=c["event"])
    c["question"] = c["option"].question
    c["occurrence"] = c["event"].occurrences.first()
    c["registration"] = RegistrationFactory(
        event=c["event"],
        email=c["citizen"].email,
        user=c["citizen"],
        status=RegistrationStatus.CONFIRMED,
    )
    c["pending_registration"] = RegistrationFactory(
        event=c["event"], email="neu@example.org", status=RegistrationStatus.PENDING
    )

    # Engagement-Börse
    c["opportunity"] = OpportunityFactory(organisation=org, slug="sweep-helfende-haende")
    c["interest"] = InterestFactory(opportunity=c["opportunity"], token="sweep-interesse")
    c["hours"] = HoursEntryFactory(user=c["citizen"], organisation=org)
    c["help_post"] = HelpPostFactory(token="sweep-hilfe")
    c["pending_help"] = HelpPostFactory(
        token="sweep-hilfe-offen", state=HelpState.PENDING, published_at=None
    )
    c["finder"] = FinderSubscriptionFactory(token="sweep-finder")
    c["still_current"] = signing.dumps(
        c["opportunity"].pk, salt=opportunity_mails.STILL_CURRENT_SALT
    )

    # Participation
    from engagementnetz.participation.models import Measure, Process

    process = Process.objects.filter(is_published=True).first() or ProcessFactory()
    c["process"] = process
    c["phase"] = Phase.objects.filter(process=process).first() or PhaseFactory(process=process)
    c["table"] = ThemeTable.objects.filter(process=process).first() or ThemeTableFactory(
        process=process
    )
    c["workshop"] = Workshop.objects.filter(process=process).first() or WorkshopFactory(
        process=process
    )
    c["contribution"] = ContributionFactory(process=process, text="Eine Sitzbank am Bolzplatz")
    c["pending_contribution"] = ContributionFactory(
        process=process, text="Mehr Licht im Park", moderation="pending", published_at=None
    )
    c["comment"] = Comment.objects.create(
        contribution=c["contribution"], text="Gute Idee!", author_name="Jan"
    )
    c["measure"] = Measure.objects.filter(is_published=True).first() or MeasureFactory()
    c["update"] = MeasureUpdate.objects.filter(measure=c["measure"]).first()
    c["follow_token"] = confirm_token([("contribution", c["pending_contribution"].pk)])
    c["unfollow_token"] = unsubscribe_token(email=c["citizen"].email)

    # News and newsletter
    category = CategoryFactory(name="Aus den Vereinen")
    c["category"] = category
    c["article"] = ArticleFactory(title="Neue Ehrenamtsbörse", categories=[category])
    c["club_article"] = ArticleFactory(
        title="Unser Sommerkonzert",
        organisation=org,
        state=ArticleState.SUBMITTED,
        author=c["club"],
    )
    c["subscriber"] = SubscriberFactory(email="leserin@example.org")
    c["pending_subscriber"] = SubscriberFactory(
        email="neu-leser@example.org", state=SubscriberState.PENDING, confirmed_at=None
    )
    c["issue"] = issue_with_items(subject="Newsletter Sweep")
    c["sent_issue"] = issue_with_items(
        subject="Newsletter Mai", state=IssueState.SENT, sent_at=timezone.now()
    )
    return c


def plan(c: dict) -> list[Visit]:
    """Every page to visit, each with the role that sees it."""
    org, project, event, process = c["org"], c["project"], c["event"], c["process"]
    today = timezone.localdate()
    visits = [
        # public pages, anonymous visitor
        Visit("anonymous", "core:home"),
        Visit("anonymous", "pages:impressum"),
        Visit("anonymous", "pages:datenschutz"),
        Visit("anonymous", "pages:barrierefreiheit"),
        Visit("anonymous", "pages:detail", (c["menu_page"].slug,)),
        Visit("anonymous", "organisations:list"),
        Visit("anonymous", "organisations:list", query="?art=verein&q=musik"),
        Visit("anonymous", "organisations:map"),
        Visit("anonymous", "organisations:detail", (org.slug,)),
        Visit("anonymous", "organisations:contact", (org.slug,)),
        Visit("anonymous", "organisations:report", (org.slug,)),
        Visit("anonymous", "organisations:invitation", (c["invitation"].token,)),
        Visit("anonymous", "organisations:confirm_current", ("ungueltig",), status=404),
        Visit("anonymous", "organisations:project_list"),
        Visit("anonymous", "organisations:project_detail", (project.slug,)),
        Visit("anonymous", "organisations:project_report", (project.slug,)),
        Visit("anonymous", "organisations:links"),
        Visit("anonymous", "events:calendar"),
        Visit("anonymous", "events:calendar", query="?art=fortbildung"),
        Visit("anonymous", "events:courses"),
        Visit("anonymous", "events:archive"),
        Visit("anonymous", "events:month_current", redirects=True),
        Visit("anonymous", "events:month", (today.year, today.month)),
        Visit("anonymous", "events:detail", (event.slug,)),
        Visit("anonymous", "events:register", (event.slug,)),
        Visit("anonymous", "events:registration_sent", (event.slug,)),
        Visit("anonymous", "events:registration", (c["registration"].token,)),
        Visit("anonymous", "events:registration_confirm", (c["pending_registration"].token,)),
        Visit("anonymous", "events:registration_cancel", (c["registration"].token,)),
        Visit("anonymous", "opportunities:list"),
        Visit("anonymous", "opportunities:finder"),
        Visit("anonymous", "opportunities:finder", query="?zeit=regular&submitted=1"),
        Visit("anonymous", "opportunities:finder_subscribed"),
        Visit("anonymous", "opportunities:finder_confirm", (c["finder"].token,)),
        Visit("anonymous", "opportunities:finder_unsubscribe", (c["finder"].token,)),
        Visit("anonymous", "opportunities:help_list"),
        Visit("anonymous", "opportunities:help_create"),
        Visit("anonymous", "opportunities:help_sent"),
        Visit("anonymous", "opportunities:help_confirm", (c["pending_help"].token,)),
        Visit("anonymous", "opportunities:help_manage", (c["help_post"].token,)),
        Visit("anonymous", "opportunities:help_detail", (c["help_post"].pk,)),
        Visit("anonymous", "opportunities:interest_confirm", (c["interest"].token,)),
        Visit("anonymous", "opportunities:detail", (c["opportunity"].slug,)),
        Visit("anonymous", "opportunities:interest", (c["opportunity"].slug,)),
        Visit("anonymous", "opportunities:interest_sent", (c["opportunity"].slug,)),
        Visit("anonymous", "participation:process_list"),
        Visit("anonymous", "participation:confirm", (c["follow_token"],)),
        Visit("anonymous", "participation:unsubscribe", (c["unfollow_token"],)),
        Visit("anonymous", "participation:process_detail", (process.slug,)),
        Visit("anonymous", "participation:follow_process", (process.slug,)),
        Visit("anonymous", "participation:contribution_list", (process.slug,)),
        Visit("anonymous", "participation:contribution_create", (process.slug,)),
        Visit(
            "anonymous", "participation:contribution_detail", (process.slug, c["contribution"].pk)
        ),
        Visit("anonymous", "participation:table_detail", (process.slug, c["table"].slug)),
        Visit("anonymous", "participation:workshop_detail", (process.slug, c["workshop"].slug)),
        Visit("anonymous", "participation:measure_list"),
        Visit("anonymous", "participation:measure_detail", (c["measure"].slug,)),
        Visit("anonymous", "participation:follow_measure", (c["measure"].slug,)),
        Visit("anonymous", "news:list"),
        Visit("anonymous", "news:detail", (c["article"].slug,)),
        Visit("anonymous", "newsletter:subscribe"),
        Visit("anonymous", "newsletter:thanks"),
        Visit("anonymous", "newsletter:confirm", (c["pending_subscriber"].token,)),
        Visit("anonymous", "newsletter:manage", (c["subscriber"].token,)),
        Visit("anonymous", "newsletter:unsubscribe", (c["subscriber"].token,)),
        Visit("anonymous", "newsletter:archive"),
        Visit("anonymous", "newsletter:archive_detail", (c["sent_issue"].pk,)),
        Visit("anonymous", "search:search"),
        Visit("anonymous", "api:docs"),
        Visit("anonymous", "search:search", query="?q=verein"),
        Visit("anonymous", "search:search", query="?q=xyzzyunbekannt"),
        Visit("anonymous", "account_login"),
        Visit("anonymous", "account_signup"),
        Visit("anonymous", "account_reset_password"),
        Visit("anonymous", "account_reset_password_done"),
        Visit("anonymous", "account_confirm_email", ("ungueltig",)),
        # a citizen with an account
        Visit("citizen", "accounts:overview"),
        Visit("citizen", "accounts:profile"),
        Visit("citizen", "accounts:delete"),
        Visit("citizen", "account_email"),
        Visit("citizen", "account_change_password"),
        Visit("citizen", "account_reauthenticate"),
        Visit("citizen", "mfa_index"),
        Visit("citizen", "organisations:register"),
        Visit("citizen", "organisations:claim", (c["other_org"].slug,)),
        Visit("citizen", "events:my_registrations"),
        Visit("citizen", "opportunities:my_hours"),
        # a club contact, admin of the demo club
        Visit("club", "organisations:manage", (org.slug,)),
        Visit("club", "organisations:edit", (org.slug,)),
        Visit("club", "organisations:photos", (org.slug,)),
        Visit("club", "organisations:people", (org.slug,)),
        Visit("club", "organisations:project_create", (org.slug,)),
        Visit("club", "organisations:project_edit", (project.slug,)),
        Visit("club", "organisations:project_delete", (project.slug,)),
        Visit("club", "organisations:project_photos", (project.slug,)),
        Visit("club", "events:manage"),
        Visit("club", "events:manage_create"),
        Visit("club", "events:manage_feeds"),
        Visit("club", "events:feed_delete", (0,), status=404),
        Visit("club", "events:manage_event", (event.pk,)),
        Visit("club", "events:manage_edit", (event.pk,)),
        Visit("club", "events:manage_dates", (event.pk,)),
        Visit("club", "events:manage_occurrence", (event.pk, c["occurrence"].pk)),
        Visit("club", "events:manage_state", (event.pk,)),
        Visit("club", "events:manage_delete", (event.pk,)),
        Visit("club", "events:manage_questions", (event.pk,)),
        Visit("club", "events:manage_question", (event.pk, c["question"].pk)),
        Visit("club", "events:manage_option", (event.pk, c["option"].pk)),
        Visit("club", "events:manage_registrations", (event.pk,)),
        Visit("club", "events:manage_remove_registration", (event.pk, c["registration"].pk)),
        Visit("club", "events:manage_attendance", (event.pk,)),
        Visit("club", "events:manage_message", (event.pk,)),
        Visit("club", "opportunities:manage"),
        Visit("club", "opportunities:organisation_manage", (org.slug,)),
        Visit("club", "opportunities:create", (org.slug,)),
        Visit("club", "opportunities:organisation_hours", (org.slug,)),
        Visit("club", "opportunities:edit", (c["opportunity"].slug,)),
        Visit("club", "opportunities:still_current", (c["opportunity"].slug, c["still_current"])),
        Visit("club", "opportunities:interests", (c["opportunity"].slug,)),
        Visit("club", "api:tokens", (org.slug,)),
        Visit("club", "news:club_articles"),
        Visit("club", "news:club_submit"),
        Visit("club", "news:club_edit", (c["club_article"].pk,)),
        # the network office's work area
        Visit("office", "core:workarea"),
        Visit("office", "core:site_settings"),
        Visit("office", "pages:manage"),
        Visit("office", "pages:create"),
        Visit("office", "pages:edit", (c["page"].pk,)),
        Visit("office", "organisations:queue"),
        Visit("office", "organisations:decide_registration", (c["submitted_org"].pk,)),
        Visit("office", "organisations:decide_claim", (c["claim"].pk,)),
        Visit("office", "organisations:decide_report", (c["report"].pk,)),
        Visit("office", "organisations:decide_stale", (org.pk,)),
        Visit("office", "organisations:unpublish", (org.pk,)),
        Visit("office", "organisations:republish", (c["unpublished_org"].pk,)),
        Visit("office", "organisations:decisions"),
        Visit("office", "organisations:entries"),
        Visit("office", "organisations:office_create"),
        Visit("office", "organisations:import"),
        Visit("office", "organisations:import_preview", (c["import"].pk,)),
        Visit("office", "organisations:link_manage"),
        Visit("office", "organisations:link_create"),
        Visit("office", "organisations:link_edit", (c["link"].pk,)),
        Visit("office", "organisations:category_create"),
        Visit("office", "organisations:category_edit", (c["link"].category_id,)),
        Visit("office", "opportunities:unanswered_interests"),
        Visit("office", "opportunities:help_moderation"),
        Visit("office", "participation:manage"),
        Visit("office", "participation:manage_process_create"),
        Visit("office", "participation:moderation_queue"),
        Visit("office", "participation:moderate_contribution", (c["pending_contribution"].pk,)),
        Visit("office", "participation:manage_process", (process.pk,)),
        Visit("office", "participation:manage_process_edit", (process.pk,)),
        Visit("office", "participation:manage_phase_create", (process.pk,)),
        Visit("office", "participation:manage_phase", (process.pk, c["phase"].pk)),
        Visit("office", "participation:manage_table_create", (process.pk,)),
        Visit("office", "participation:manage_table", (process.pk, c["table"].pk)),
        Visit("office", "participation:manage_workshop_create", (process.pk,)),
        Visit("office", "participation:manage_workshop", (process.pk, c["workshop"].pk)),
        Visit("office", "participation:paper_cards", (process.pk,)),
        Visit("office", "participation:manage_measures"),
        Visit("office", "participation:manage_measure_create"),
        Visit("office", "participation:manage_measure", (c["measure"].pk,)),
        Visit("office", "participation:measure_progress", (c["measure"].slug,)),
        Visit("office", "news:manage_list"),
        Visit("office", "news:manage_create"),
        Visit("office", "news:manage_edit", (c["club_article"].pk,)),
        Visit("office", "news:categories"),
        Visit("office", "news:category_edit", (c["category"].pk,)),
        Visit("office", "newsletter:dashboard"),
        Visit("office", "newsletter:issue_edit", (c["issue"].pk,)),
        Visit("office", "newsletter:issue_preview", (c["issue"].pk,)),
        Visit("office", "newsletter:issue_send", (c["issue"].pk,)),
        Visit("office", "newsletter:issue_status", (c["sent_issue"].pk,)),
        Visit("office", "newsletter:subscribers"),
        Visit("office", "newsletter:subscriber_detail", (c["subscriber"].pk,)),
        Visit("office", "newsletter:figures"),
        Visit("office", "newsletter:consent_texts"),
    ]
    return visits


# Forms sent empty (the browser's own checks switched off) to see the error state of each.
ERROR_FORMS = [
    ("anonymous", "account_signup", ()),
    ("anonymous", "account_login", ()),
    ("anonymous", "account_reset_password", ()),
    ("anonymous", "pages:contact", ()),
    ("anonymous", "organisations:contact", ("org",)),
    ("anonymous", "organisations:report", ("org",)),
    ("anonymous", "events:register", ("event",)),
    ("anonymous", "opportunities:interest", ("opportunity",)),
    ("anonymous", "opportunities:help_create", ()),
    ("anonymous", "participation:contribution_create", ("process",)),
    ("anonymous", "participation:follow_process", ("process",)),
    ("anonymous", "newsletter:subscribe", ()),
    ("citizen", "account_change_password", ()),
    ("citizen", "organisations:register", ()),
    ("club", "organisations:edit", ("org",)),
    ("club", "organisations:project_create", ("org",)),
    ("club", "events:manage_create", ()),
    ("club", "opportunities:create", ("org",)),
    ("club", "news:club_submit", ()),
    ("office", "core:site_settings", ()),
    ("office", "pages:create", ()),
    ("office", "organisations:link_create", ()),
    ("office", "participation:manage_process_create", ()),
    ("office", "participation:manage_measure_create", ()),
    ("office", "news:manage_create", ()),
]

SLUG_OF = {
    "org": lambda c: c["org"].slug,
    "event": lambda c: c["event"].slug,
    "opportunity": lambda c: c["opportunity"].slug,
    "process": lambda c: c["process"].slug,
}

FIND_FORM = """() => [...document.querySelectorAll('main form')].some(
    (f) => f.method.toLowerCase() === 'post' && f.querySelector('[type=submit]'))"""

SUBMIT_EMPTY = """() => {
  const form = [...document.querySelectorAll('main form')].find(
    (f) => f.method.toLowerCase() === 'post' && f.querySelector('[type=submit]'));
  form.noValidate = true;
  for (const el of form.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), textarea')) {
    if (el.type !== 'file') el.value = '';
  }
  form.requestSubmit(form.querySelector('[type=submit]'));
}"""

# Every invalid control names its error text; the summary above the form is announced.
ERRORS_LINKED = """() => {
  const problems = [];
  const invalid = [...document.querySelectorAll('[aria-invalid=true]')];
  for (const el of invalid) {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const texts = ids.map((id) => document.getElementById(id)).filter(Boolean)
      .map((n) => n.textContent.trim()).filter(Boolean);
    if (!texts.length) problems.push('no error text for #' + el.id);
  }
  const announced = document.querySelector('main [role=alert], main [aria-live]');
  if (!announced) problems.push('no announced error summary');
  if (!invalid.length && !document.querySelector('main .kern-error, main [role=alert]')) {
    problems.push('no error shown');
  }
  return problems;
}"""


def session_cookie(user, base_url: str) -> list[dict]:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    # As after a login with the password just now: pages that ask for it again open directly.
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email, "reauthenticated": True}
    ]
    session.save()
    return [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]


def run_axe(page, *, whole_page: bool = True) -> list[dict]:
    """axe-core's WCAG 2.1 AA rules; header and footer are checked once per role, not per page."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async (scope) => await axe.run(scope === 'main' ? 'main' : document, {runOnly:
             {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
             resultTypes: ['violations']})""",
        "document" if whole_page else "main",
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def test_every_page_type_is_accessible(browser, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = live_server.url
    content = build_content()
    visits = plan(content)

    visited = {visit.name for visit in visits} | {name for _role, name, _args in ERROR_FORMS}
    uncovered = named_patterns() - visited - excused(named_patterns())
    assert uncovered == set(), f"page types neither visited nor excused: {sorted(uncovered)}"
    assert set(EXCUSED) - named_patterns() == set(), "excused names that no longer exist"
    assert set(EXCUSED) & visited == set()

    problems: dict[str, object] = {}
    users = {"citizen": content["citizen"], "club": content["club"], "office": content["office"]}
    # The check itself must see a violation when there is one.
    probe = browser.new_page()
    probe.set_content('<html lang="de"><title>Probe</title><main><img src="data:,"></main></html>')
    assert "image-alt" in {v["id"] for v in run_axe(probe)}
    probe.close()

    first = {}
    for visit in visits:
        first.setdefault(visit.role, visit)
    for role in ("anonymous", "citizen", "club", "office"):
        context = browser.new_context(locale="de-DE", base_url=live_server.url)
        if role != "anonymous":
            context.add_cookies(session_cookie(users[role], live_server.url))
        page = context.new_page()
        page.set_default_timeout(15_000)
        foreign: list[str] = []
        page.on(
            "request",
            lambda request, foreign=foreign: (
                foreign.append(request.url)
                if not request.url.startswith((live_server.url, "data:", "blob:", "about:"))
                else None
            ),
        )
        for visit in (v for v in visits if v.role == role):
            key = f"{role} {visit.url}"
            response = page.goto(visit.url)
            if response.status != visit.status:
                problems[key] = f"status {response.status} at {page.url}"
                continue
            if not visit.redirects and page.url != live_server.url + visit.url:
                problems[key] = f"redirected to {page.url}"
                continue
            violations = run_axe(page, whole_page=visit is first[role])
            if violations:
                problems[key] = violations
        # The error states as every browser gets them, without htmx's enhancement.
        page.route("**/htmx.min.js", lambda route: route.abort())
        for _role, name, args in (f for f in ERROR_FORMS if f[0] == role):
            url = reverse(name, args=[SLUG_OF[a](content) for a in args])
            key = f"{role} {url} (with errors)"
            page.goto(url)
            if not page.evaluate(FIND_FORM):
                problems[key] = "no form to send"
                continue
            with page.expect_navigation():
                page.evaluate(SUBMIT_EMPTY)
            if page.url.split("?")[0] != live_server.url + url:
                problems[key] = f"an empty form was accepted: {page.url}"
                continue
            errors = page.evaluate(ERRORS_LINKED)
            violations = run_axe(page)
            if errors or violations:
                problems[key] = {"errors": errors, "axe": violations}
        if foreign:
            problems[f"{role} foreign requests"] = foreign
        context.close()

    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
