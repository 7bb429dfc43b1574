"""A small demo-like town in which every URL pattern of the project can be filled in.

Everything that can be written belongs to club A ("Musikverein Bitburg"); the club editor who
probes the site belongs to club B, the citizen to no club at all.
"""

import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from engagementnetz.events.models import CalendarFeed, EventKind
from engagementnetz.news.models import ArticleImage, ArticleState
from engagementnetz.newsletter.models import IssueState
from engagementnetz.opportunities.models import HelpContact
from engagementnetz.organisations.models import (
    ContactMessage,
    DirectoryImport,
    Invitation,
    MembershipRole,
    OrganisationPhoto,
    OrganisationState,
    ProjectPhoto,
)
from engagementnetz.pages.models import OfficeMessage, Page
from engagementnetz.participation.models import (
    Comment,
    Follow,
    MeasureUpdate,
    ModerationState,
    ProcessDocument,
    Support,
    WorkshopPhoto,
)
from tests.events.factories import (
    EventFactory,
    RegistrationFactory,
    RegistrationOptionFactory,
    RegistrationQuestionFactory,
)
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    make_network_office_user,
)
from tests.news.factories import ArticleFactory, CategoryFactory
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.opportunities.factories import (
    FinderSubscriptionFactory,
    HelpPostFactory,
    HoursEntryFactory,
    InterestFactory,
    OpportunityFactory,
)
from tests.organisations.factories import (
    ClaimFactory,
    LinkCategoryFactory,
    LinkFactory,
    ProjectFactory,
    ReportFactory,
)
from tests.participation.factories import (
    ContributionFactory,
    MeasureFactory,
    PhaseFactory,
    ThemeTableFactory,
    WorkshopFactory,
    open_process,
)


def jpeg(name: str = "foto.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def people_who_wrote(club, help_post, contribution, process, now) -> dict:
    """Messages, supports and follows: personal data that only their addressees may see."""
    message = {"subject": "Frage", "message": "Darf ich einmal vorbeikommen?", "consent_text": "Ja"}
    return {
        "contact_message": ContactMessage.objects.create(
            organisation=club,
            sender_name="Jonas Weber",
            sender_email="jonas.privat@example.org",
            **message,
        ),
        "office_message": OfficeMessage.objects.create(
            sender_name="Petra Lenz", sender_email="petra.privat@example.org", **message
        ),
        "help_contact": HelpContact.objects.create(
            post=help_post, name="Paul Hein", email="paul.privat@example.org", message="Gern!"
        ),
        "support": Support.objects.create(
            contribution=contribution, email="stimme.privat@example.org", confirmed_at=now
        ),
        "follow": Follow.objects.create(
            process=process, email="folgt.privat@example.org", confirmed_at=now, notified_until=now
        ),
    }


def build_world() -> World:
    """Create one object of every kind a URL can name, owned by club A."""
    now = timezone.now()
    club_a = OrganisationFactory(
        name="Musikverein Bitburg",
        slug="musikverein-bitburg",
        email="vorstand-privat@musikverein.example",
        verified_at=now,
    )
    club_b = OrganisationFactory(name="Sportfreunde Mötsch", slug="sportfreunde-moetsch")
    owner = MembershipFactory(organisation=club_a, role=MembershipRole.ADMIN).user
    second = MembershipFactory(organisation=club_a, role=MembershipRole.EDITOR)
    other_editor = MembershipFactory(organisation=club_b, role=MembershipRole.EDITOR).user
    citizen = UserFactory(email="buergerin@example.org", name="Anna Schmitz")
    office = make_network_office_user(email="buero@example.org", name="Monika Weber")

    submitted = OrganisationFactory(
        name="Boule-Freunde", slug="boule-freunde", state=OrganisationState.SUBMITTED
    )
    MembershipFactory(organisation=submitted)
    stale = OrganisationFactory(
        name="Alter Eintrag", slug="alter-eintrag", reviewed_at=now - timedelta(days=400)
    )
    MembershipFactory(organisation=stale)
    unpublished = OrganisationFactory(
        name="Offline-Verein", slug="offline-verein", state=OrganisationState.UNPUBLISHED
    )
    claimable = OrganisationFactory(name="Schachfreunde Bitburg", slug="schachfreunde-bitburg")

    project = ProjectFactory(organisation=club_a, slug="probenwochenende")
    event = EventFactory(
        organiser=club_a,
        slug="sommerkonzert",
        title="Sommerkonzert",
        registration_enabled=True,
        capacity=30,
    )
    question = RegistrationQuestionFactory(event=event)
    option = RegistrationOptionFactory(question=question)
    registration = RegistrationFactory(
        event=event, name="Erika Mustermann", email="erika.privat@example.org"
    )
    course = EventFactory(organiser=club_a, slug="erste-hilfe-kurs", kind=EventKind.FORTBILDUNG)
    opportunity = OpportunityFactory(organisation=club_a, slug="notenwart")
    process = open_process(title="Engagementstrategie Bitburg", slug="engagementstrategie")
    workshop = WorkshopFactory(process=process, slug="zukunftswerkstatt-2019")
    contribution = ContributionFactory(process=process, author_name="Karin")
    measure = MeasureFactory(
        process=process, slug="ehrenamtsboerse", responsible_organisation=club_a
    )
    article = ArticleFactory(slug="neues-probenlokal", organisation=club_a)
    club_article = ArticleFactory(
        slug="vereinsfest", organisation=club_a, author=owner, state=ArticleState.SUBMITTED
    )
    objects = {
        "club_a": club_a,
        "club_b": club_b,
        "owner": owner,
        "second_membership": second,
        "submitted": submitted,
        "stale": stale,
        "unpublished": unpublished,
        "claim": ClaimFactory(organisation=claimable),
        "report": ReportFactory(organisation=club_a),
        "invitation": Invitation.objects.create(
            organisation=club_a,
            email="neu@example.org",
            token="einladung-token-geheim",
            expires_at=now + timedelta(days=3),
        ),
        "org_photo": OrganisationPhoto.objects.create(
            organisation=club_a, image=jpeg(), thumbnail=jpeg(), caption="Probe"
        ),
        "project": project,
        "project_photo": ProjectPhoto.objects.create(
            project=project, image=jpeg(), thumbnail=jpeg(), caption="Bühne"
        ),
        "link": LinkFactory(),
        "link_category": LinkCategoryFactory(),
        "directory_import": DirectoryImport.objects.create(
            file_name="vereine.csv", file_format="csv"
        ),
        "event": event,
        "course": course,
        "occurrence": event.occurrences.first(),
        "question": question,
        "option": option,
        "registration": registration,
        "calendar_feed": CalendarFeed.objects.create(
            organisation=club_a, url="https://kalender.example.org/musikverein.ics"
        ),
        "opportunity": opportunity,
        "interest": InterestFactory(opportunity=opportunity, name="Lena Krämer"),
        "hours": HoursEntryFactory(organisation=club_a, user=UserFactory()),
        "help_post": HelpPostFactory(name="Gerda"),
        "finder_subscription": FinderSubscriptionFactory(),
        "process": process,
        "phase": PhaseFactory(process=process, title="Auswertung"),
        "table": ThemeTableFactory(process=process, slug="ehrenamt-staerken"),
        "workshop": workshop,
        "workshop_photo": WorkshopPhoto.objects.create(
            workshop=workshop, image=jpeg(), alt_text="Tische", copyright="© Stadt"
        ),
        "document": ProcessDocument.objects.create(
            process=process,
            title="Protokoll",
            file=SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4\n%%EOF\n"),
        ),
        "contribution": contribution,
        "comment": Comment.objects.create(
            contribution=contribution, text="Gute Idee!", moderation=ModerationState.PUBLISHED
        ),
        "measure": measure,
        "measure_update": MeasureUpdate.objects.create(
            measure=measure, date=timezone.localdate(), text="Start", progress=10, state="planned"
        ),
        "article": article,
        "club_article": club_article,
        "article_image": ArticleImage.objects.create(
            article=club_article, image=jpeg(), alt="Fest"
        ),
        "category": CategoryFactory(name="Aus den Vereinen", slug="aus-den-vereinen"),
        "subscriber": SubscriberFactory(email="leserin@example.org"),
        "issue": IssueFactory(state=IssueState.SENT, sent_at=now),
        "page": Page.objects.get_or_create(
            slug="ueber-uns", defaults={"title": "Über uns", "body": "Wir sind das Netzwerk."}
        )[0],
    }
    measure.contributions.add(contribution)
    objects.update(people_who_wrote(club_a, objects["help_post"], contribution, process, now))
    if apps.is_installed("engagementnetz.api"):
        objects["api_token"] = apps.get_model("api", "ApiToken").objects.create(
            organisation=club_a, name="Vereinskalender", prefix="en_probe", token_hash="0" * 64
        )
    return World(
        users={
            "anonymous": None,
            "citizen": citizen,
            "other_club_editor": other_editor,
            "office": office,
        },
        objects=objects,
    )
