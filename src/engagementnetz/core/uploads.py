"""Image uploads: checked by content, bombs and oversized files refused, metadata stripped."""

import io

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def validate_image_upload(upload) -> None:
    """Raise a German ValidationError unless ``upload`` is a JPEG, PNG or WebP of sane size."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": MAX_UPLOAD_BYTES // 2**20}
        )
    from PIL import Image, UnidentifiedImageError  # here: Pillow costs a web process ~9 MB

    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with Image.open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Please upload a photo as JPEG, PNG or WebP."))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels; please make it smaller."))
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        raise ValidationError(_("Please upload a photo as JPEG, PNG or WebP.")) from exc
    finally:
        upload.seek(position)


def strip_metadata(upload, *, max_side: int = 2400) -> InMemoryUploadedFile:
    """Re-encode the image without EXIF (location!) and at a reasonable size."""
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
        fmt = original.format if original.format in ALLOWED_FORMATS else "JPEG"
        image.thumbnail((max_side, max_side))
        if fmt == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format=fmt, quality=85, optimize=True)
    buffer.seek(0)
    name = upload.name.rsplit("/", 1)[-1]
    return InMemoryUploadedFile(
        buffer, "image", name, ALLOWED_FORMATS[fmt], buffer.getbuffer().nbytes, None
    )


class ValidatedImageField(forms.ImageField):
    """An image form field with the platform's checks and messages; stores without metadata."""

    def __init__(self, *, max_side: int = 2400, **kwargs):
        super().__init__(**kwargs)
        self.max_side = max_side
        self.error_messages["invalid_image"] = _lazy("Please upload a photo as JPEG, PNG or WebP.")

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if getattr(data, "size", 0) > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is too large (at most %(mb)s MB).") % {"mb": MAX_UPLOAD_BYTES // 2**20}
            )
        validate_image_upload(data)
        super().to_python(data)
        return strip_metadata(data, max_side=self.max_side)
