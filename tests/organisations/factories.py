"""Factories of the directory; the shared ones (organisation, membership) live in tests/factories."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from engagementnetz.organisations.models import (
    ClaimRequest,
    ContactMessage,
    Link,
    LinkCategory,
    Project,
    ProjectStatus,
    Report,
    ReportReason,
)
from tests.factories import OrganisationFactory, UserFactory


def image_upload(name: str = "foto.jpg", *, size=(800, 600), exif: bool = False):
    """A real JPEG; with ``exif`` it carries a camera location like phone photos do."""
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 120, 40))
    if exif:
        data = Image.Exif()
        data[0x010F] = "Telefonhersteller"  # Make
        data[0x8825] = {1: "N", 2: (49.0, 58.0, 1.0)}  # GPS
        image.save(buffer, format="JPEG", exif=data)
    else:
        image.save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = "Gemeinsam etwas bewegen."
    organisation = factory.SubFactory(OrganisationFactory)
    status = ProjectStatus.RUNNING


class LinkCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LinkCategory

    name = factory.Sequence(lambda n: f"Kategorie {n}")


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link

    category = factory.SubFactory(LinkCategoryFactory)
    title = factory.Sequence(lambda n: f"Landesnetzwerk {n}")
    url = factory.Sequence(lambda n: f"https://netzwerk{n}.example.org/")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimRequest

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    function = "Vorsitzende"
    entitlement_confirmed_at = factory.LazyFunction(timezone.now)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    organisation = factory.SubFactory(OrganisationFactory)
    reason = ReportReason.WRONG
    message = "Die Telefonnummer stimmt nicht mehr."


class ContactMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMessage

    organisation = factory.SubFactory(OrganisationFactory)
    sender_name = "Lena Berg"
    sender_email = "lena@example.org"
    subject = "Probe"
    message = "Darf ich einmal vorbeikommen?"
    consent_text = "Einverstanden."
