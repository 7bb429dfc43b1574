"""Factories shared by the whole suite; each app may add its own in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils.text import slugify

from engagementnetz.accounts.models import User
from engagementnetz.accounts.rules import NETWORK_OFFICE_GROUP
from engagementnetz.core.models import District, Field, TargetGroup
from engagementnetz.organisations.models import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationState,
)

PASSWORD = "ein-sicheres-passwort-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            self.save()


def make_network_office_user(*, with_totp: bool = True, **kwargs) -> User:
    """A person of the network office; with TOTP set up unless asked otherwise."""
    user = UserFactory(is_staff=True, **kwargs)
    group, _created = Group.objects.get_or_create(name=NETWORK_OFFICE_GROUP)
    user.groups.add(group)
    if with_totp:
        TOTP.activate(user, generate_totp_secret())
    return user


class VocabularyFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Bereich {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))


class FieldFactory(VocabularyFactory):
    class Meta:
        model = Field


class TargetGroupFactory(VocabularyFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class DistrictFactory(VocabularyFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Stadtteil {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Musikverein Beispiel {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    kind = OrganisationKind.VEREIN
    state = OrganisationState.VERIFIED
    short_description = "Wir machen Musik für alle Generationen."
    city = "Bitburg"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.ADMIN
