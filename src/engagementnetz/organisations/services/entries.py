"""Writing organisation entries: registration, submission, edits with change records, photos."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagementnetz.search.services import index_update

from .. import tasks
from ..images import LOGO_THUMBNAIL_SIDE, PHOTO_THUMBNAIL_SIDE, rendition
from ..models import (
    ChangeRecord,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationPhoto,
    OrganisationState,
)
from ..slugs import unique_slug
from ._common import after_commit

MAX_PHOTOS = 12


def display_value(obj: models.Model, name: str) -> str:
    """How a field's value reads in the change history."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in getattr(obj, name).all()))
    value = getattr(obj, name)
    if field.choices:
        return str(getattr(obj, f"get_{name}_display")())
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, models.FileField):
        return value.name.rsplit("/", 1)[-1] if value else ""
    return "" if value is None else str(value)


def _snapshot(organisation: Organisation, names: list[str]) -> dict[str, str]:
    return {name: display_value(organisation, name) for name in names}


def _store_logo(organisation: Organisation, logo) -> None:
    """A new logo gets its small rendition; a removed logo takes it along."""
    if logo:
        organisation.logo_thumbnail = rendition(logo, max_side=LOGO_THUMBNAIL_SIDE, prefix="klein")
    elif logo is False or not organisation.logo:
        organisation.logo_thumbnail = ""


@transaction.atomic
def organisation_register(*, form, by, submit: bool) -> Organisation:
    """A person registers an organisation they represent; they become its first admin.

    The entry starts as a draft (nothing unverified is public) and is submitted for
    verification at once when ``submit`` is set.
    """
    organisation = form.save(commit=False)
    organisation.slug = unique_slug(Organisation, organisation.name)
    organisation.state = OrganisationState.DRAFT
    organisation.entitlement_confirmed_at = timezone.now()
    organisation.save()
    form.save_m2m()
    Membership.objects.create(organisation=organisation, user=by, role=MembershipRole.ADMIN)
    if submit:
        organisation_submit(organisation=organisation, by=by)
    return organisation


@transaction.atomic
def organisation_submit(*, organisation: Organisation, by) -> Organisation:
    """Hand a draft (or a rejected or unpublished entry) to the network office to verify."""
    if not organisation.can_be_submitted:
        raise ValidationError(_("This entry cannot be submitted in its current state."))
    organisation.state = OrganisationState.SUBMITTED
    organisation.submitted_at = timezone.now()
    organisation.submitted_by = by
    organisation.save(update_fields=["state", "submitted_at", "submitted_by", "updated_at"])
    after_commit(tasks.send_organisation_mail, "submitted", organisation.pk)
    return organisation


@transaction.atomic
def organisation_update(*, form, by) -> Organisation:
    """Save changes to an entry. Changes of a verified entry are public at once.

    Every change is recorded (who, when, what changed). Saving also counts as confirming
    that the details are current.
    """
    organisation = form.instance
    names = [name for name in form.changed_data if name in form.fields]
    before = _snapshot(Organisation.objects.get(pk=organisation.pk), names) if names else {}
    organisation = form.save(commit=False)
    if "logo" in names:
        _store_logo(organisation, form.cleaned_data.get("logo"))
    organisation.reviewed_at = timezone.now()
    organisation.save()
    form.save_m2m()
    after = _snapshot(organisation, names)
    changes = [
        {"field": name, "old": before[name], "new": after[name]}
        for name in names
        if before[name] != after[name]
    ]
    if changes:
        ChangeRecord.objects.create(organisation=organisation, changed_by=by, changes=changes)
    index_update(organisation)
    return organisation


@transaction.atomic
def organisation_create_by_office(*, form, by) -> Organisation:
    """The network office adds an entry itself: verified at once, to be claimed by the club."""
    organisation = form.save(commit=False)
    organisation.slug = unique_slug(Organisation, organisation.name)
    now = timezone.now()
    organisation.state = OrganisationState.VERIFIED
    organisation.verified_at = now
    organisation.verified_by = by
    organisation.reviewed_at = now
    _store_logo(organisation, form.cleaned_data.get("logo"))
    organisation.save()
    form.save_m2m()
    index_update(organisation)
    return organisation


@transaction.atomic
def organisation_confirm_current(*, organisation: Organisation, by=None) -> Organisation:
    """An admin confirms that the details are still current (the freshness check)."""
    organisation.reviewed_at = timezone.now()
    organisation.save(update_fields=["reviewed_at", "updated_at"])
    return organisation


@transaction.atomic
def organisation_photo_add(
    *, organisation: Organisation, image, caption: str, copyright: str, by
) -> OrganisationPhoto:
    """Add a photo in two renditions (metadata removed when the upload was validated)."""
    if organisation.photos.count() >= MAX_PHOTOS:
        raise ValidationError(
            _("An entry can have at most %(count)s photos.") % {"count": MAX_PHOTOS}
        )
    thumbnail = rendition(image, max_side=PHOTO_THUMBNAIL_SIDE, prefix="klein")
    position = organisation.photos.count()
    photo = OrganisationPhoto.objects.create(
        organisation=organisation,
        image=image,
        thumbnail=thumbnail,
        caption=caption,
        copyright=copyright,
        position=position,
    )
    ChangeRecord.objects.create(
        organisation=organisation,
        changed_by=by,
        changes=[{"field": "photos", "old": "", "new": caption}],
    )
    return photo


@transaction.atomic
def organisation_photo_delete(*, photo: OrganisationPhoto, by) -> None:
    organisation = photo.organisation
    ChangeRecord.objects.create(
        organisation=organisation,
        changed_by=by,
        changes=[{"field": "photos", "old": photo.caption, "new": ""}],
    )
    files = [photo.image, photo.thumbnail]
    photo.delete()
    transaction.on_commit(lambda: [file.delete(save=False) for file in files])
