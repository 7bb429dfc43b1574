from django.urls import reverse
from django.utils.translation import gettext as _

from engagementnetz.core.work_area import WorkareaSection

from .models import Article, ArticleState


def workarea_sections(request):
    return [
        WorkareaSection(
            title=_("News"),
            url=reverse("news:manage_list"),
            description=_("Write and publish articles; approve articles submitted by clubs."),
            pending=Article.objects.filter(state=ArticleState.SUBMITTED).count() or None,
            order=300,
        )
    ]
