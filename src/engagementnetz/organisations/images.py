"""Renditions of uploaded images: re-encoded without metadata, in the sizes pages need."""

from django.core.files.uploadedfile import InMemoryUploadedFile

from engagementnetz.core.uploads import strip_metadata

LOGO_SIDE = 600
LOGO_THUMBNAIL_SIDE = 160
PHOTO_SIDE = 1600
PHOTO_THUMBNAIL_SIDE = 640


def rendition(upload, *, max_side: int, prefix: str) -> InMemoryUploadedFile:
    image = strip_metadata(upload, max_side=max_side)
    image.name = f"{prefix}-{image.name}"
    upload.seek(0)
    return image
