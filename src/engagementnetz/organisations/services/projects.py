"""Projects of organisations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from engagementnetz.search.services import index_remove, index_update

from ..images import PHOTO_THUMBNAIL_SIDE, rendition
from ..models import Organisation, Project, ProjectPhoto
from ..slugs import unique_slug

MAX_PROJECT_PHOTOS = 12


@transaction.atomic
def project_create(*, organisation: Organisation, form, by) -> Project:
    """Create a project led by ``organisation``; partners are other public organisations."""
    project = form.save(commit=False)
    project.organisation = organisation
    project.slug = unique_slug(Project, project.title)
    project.created_by = by
    project.save()
    form.save_m2m()
    project.partners.remove(organisation)
    index_update(project)
    return project


@transaction.atomic
def project_update(*, form, by) -> Project:
    project = form.save()
    project.partners.remove(project.organisation)
    index_update(project)
    return project


@transaction.atomic
def project_delete(*, project: Project, by) -> None:
    index_remove(project)
    files = [f for photo in project.photos.all() for f in (photo.image, photo.thumbnail)]
    project.delete()
    transaction.on_commit(lambda: [file.delete(save=False) for file in files])


@transaction.atomic
def project_photo_add(*, project: Project, image, caption: str, copyright: str, by) -> ProjectPhoto:
    if project.photos.count() >= MAX_PROJECT_PHOTOS:
        raise ValidationError(
            _("A project can have at most %(count)s photos.") % {"count": MAX_PROJECT_PHOTOS}
        )
    return ProjectPhoto.objects.create(
        project=project,
        image=image,
        thumbnail=rendition(image, max_side=PHOTO_THUMBNAIL_SIDE, prefix="klein"),
        caption=caption,
        copyright=copyright,
        position=project.photos.count(),
    )


@transaction.atomic
def project_photo_delete(*, photo: ProjectPhoto, by) -> None:
    files = [photo.image, photo.thumbnail]
    photo.delete()
    transaction.on_commit(lambda: [file.delete(save=False) for file in files])
