from django.urls import include, path

from . import exports, views
from .api import api
from .http import open_data

app_name = "api"

ninja_patterns, _app, _namespace = api.urls
for pattern in ninja_patterns:
    pattern.callback = open_data(pattern.callback)

urlpatterns = [
    path("api/v1/docs", views.documentation, name="docs"),
    path(
        "api/v1/export/<slug:dataset>.<str:file_format>",
        open_data(exports.export),
        name="export",
    ),
    path("api/v1/", include(ninja_patterns)),
    path("organisationen/<slug:slug>/api-zugang/", views.tokens, name="tokens"),
    path(
        "organisationen/<slug:slug>/api-zugang/<int:pk>/widerrufen/",
        views.token_revoke,
        name="token_revoke",
    ),
]
