from engagementnetz.core.start_page import HomeSection

from .selectors import latest_articles


def home_section(request):
    articles = latest_articles(limit=3)
    if not articles:
        return None
    return HomeSection(template="news/_home.html", order=40, context={"articles": articles})
