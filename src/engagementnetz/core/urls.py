from django.conf import settings
from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("netzwerkbuero/", views.workarea_dashboard, name="workarea"),
    path("netzwerkbuero/einstellungen/", views.site_settings_edit, name="site_settings"),
]

if settings.BENCHMARK:
    urlpatterns.append(path("bench/hello", views.bench_hello, name="bench_hello"))
