from django.db import models


def https_urls(model_field: models.Field, **kwargs):
    """Form fields of models: web addresses typed without scheme are taken as https."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)
