"""The page types the benchmark measures, resolved against the data set in the database.

Each entry is ``(name, path)``. Detail pages take the first public object of their kind (by
primary key), so that the same seed gives the same pages. The hello-world view
(``/bench/hello``, only with ``settings.BENCHMARK``) is the reference and not listed here.
"""

from django.db.models import Model, QuerySet
from django.templatetags.static import static

HELLO_PATH = "/bench/hello"

# Queries that the search budget is measured with: a common word, a compound, a typo, two
# words, and a word that matches nothing.
SEARCH_QUERIES = ["Verein", "Musikverein", "Feuerwer", "Kinder Garten", "Repair-Café", "Xylofon"]


def _first(queryset: QuerySet) -> Model | None:
    return queryset.order_by("pk").first()


def _detail(name: str, queryset: QuerySet) -> list[tuple[str, str]]:
    obj = _first(queryset)
    return [(name, obj.get_absolute_url())] if obj is not None else []


def benchmark_pages() -> list[tuple[str, str]]:
    """Every public page type, with a static file for comparison."""
    from engagementnetz.core.models import Field
    from engagementnetz.events.models import Event, Recurrence
    from engagementnetz.news.models import Article
    from engagementnetz.opportunities.models import Opportunity
    from engagementnetz.organisations.models import Organisation, Project
    from engagementnetz.participation.models import Measure, Process

    field = _first(Field.objects.active())
    field_filter = f"?bereich={field.slug}" if field else ""
    return [
        ("static file (site.css)", static("css/site.css")),
        ("start page", "/"),
        ("organisations", "/organisationen/"),
        ("organisations, filtered", f"/organisationen/{field_filter}"),
        *_detail("organisation", Organisation.objects.public()),
        ("projects", "/projekte/"),
        *_detail("project", Project.objects.public()),
        ("calendar", "/termine/"),
        ("calendar, filtered", f"/termine/{field_filter}"),
        ("courses", "/fortbildungen/"),
        *_detail("event (series)", Event.objects.public().exclude(recurrence=Recurrence.NONE)),
        ("opportunities", "/engagement/"),
        ("opportunities, filtered", f"/engagement/{field_filter}"),
        *_detail("opportunity", Opportunity.objects.public()),
        ("processes", "/beteiligung/"),
        *_detail("process", Process.objects.public()),
        ("measures", "/massnahmen/"),
        *_detail("measure", Measure.objects.public()),
        ("news", "/aktuelles/"),
        *_detail("news article", Article.objects.public()),
        ("search", f"/suche/?q={SEARCH_QUERIES[0]}"),
        ("API list", "/api/v1/organisations"),
        ("sitemap", "/sitemap.xml"),
        ("feed.ics", "/termine/feed.ics"),
    ]
