from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from engagementnetz.core.page_cache import public_page
from engagementnetz.core.permissions import network_office_required
from engagementnetz.core.site_cache import cached_site_settings

from . import selectors, services
from .forms import (
    ArticleForm,
    ArticleImageForm,
    CategoryForm,
    ClubArticleForm,
    PublishForm,
    RejectForm,
)
from .models import Article, ArticleImage, ArticleState, Category

PAGE_SIZE = 10


# --- Public ------------------------------------------------------------------------------------


@public_page
def article_list(request: HttpRequest) -> HttpResponse:
    categories = list(Category.objects.all())
    selected = next((c for c in categories if c.slug == request.GET.get("kategorie")), None)
    page = Paginator(selectors.public_articles(category=selected), PAGE_SIZE).get_page(
        request.GET.get("seite")
    )
    context = {"page": page, "categories": categories, "selected": selected}
    if request.headers.get("HX-Request"):
        return render(request, "news/_results.html", context)
    return render(request, "news/article_list.html", context)


@public_page
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("organisation").prefetch_related(
            "categories", "organisations", "relations"
        ),
        slug=slug,
    )
    if not article.is_public and not request.user.has_perm("news.change_article", article):
        raise Http404
    return render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "related": selectors.related_content(article),
            "jsonld": selectors.article_jsonld(article, publisher=cached_site_settings().name),
            "image_url": selectors.absolute(article.lead_image.url) if article.lead_image else "",
        },
    )


# --- Clubs -------------------------------------------------------------------------------------


@login_required
def club_articles(request: HttpRequest) -> HttpResponse:
    organisation_ids = list(request.user.memberships.values_list("organisation_id", flat=True))
    articles = (
        Article.objects.of_organisations(organisation_ids)
        .select_related("organisation")
        .order_by("-created_at")
    )
    return render(
        request,
        "news/club_articles.html",
        {
            "articles": articles,
            "can_submit": request.user.has_perm("news.submit_article"),
        },
    )


@login_required
def club_submit(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("news.submit_article"):
        raise PermissionDenied
    form = ClubArticleForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        article = services.article_submit(
            form=form, by=request.user, organisation=form.cleaned_data["organisation"]
        )
        messages.success(
            request,
            _("Thank you! “%(title)s” has been sent to the network office for approval.")
            % {"title": article.title},
        )
        return redirect("news:club_edit", pk=article.pk)
    return render(request, "news/club_form.html", {"form": form, "article": None})


@login_required
def club_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("organisation"), pk=pk)
    if article.organisation_id is None or not request.user.has_perm("news.change_article", article):
        if (
            article.organisation_id
            and request.user.memberships.filter(organisation_id=article.organisation_id).exists()
        ):
            messages.info(
                request, _("This article has been published and can no longer be changed.")
            )
            return redirect("news:club_articles")
        raise PermissionDenied
    form = ClubArticleForm(
        request.POST or None, request.FILES or None, instance=article, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        services.article_submit(
            form=form, by=request.user, organisation=form.cleaned_data["organisation"]
        )
        messages.success(request, _("Your changes have been sent to the network office."))
        return redirect("news:club_edit", pk=article.pk)
    return _club_form_page(request, article, form=form)


def _club_form_page(request, article, *, form, image_form=None) -> HttpResponse:
    return render(
        request,
        "news/club_form.html",
        {"form": form, "article": article, "image_form": image_form or ArticleImageForm()},
    )


# --- Photos in the text (network office and the club's authors) -------------------------------


@login_required
@require_POST
def image_add(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if not request.user.has_perm("news.change_article", article):
        raise PermissionDenied
    form = ArticleImageForm(request.POST, request.FILES)
    if form.is_valid():
        image = services.article_image_add(
            article=article, image=form.cleaned_data["image"], alt=form.cleaned_data["alt"]
        )
        messages.success(
            request,
            _("The photo has been uploaded. Copy this line into the text: %(markdown)s")
            % {"markdown": image.markdown},
        )
        return redirect(_edit_url(request, article))
    # Refused: the edit page again, with the message next to the field and the text kept.
    if request.user.has_perm("news.publish_article"):
        return _manage_form_page(
            request, article, form=ArticleForm(instance=article), image_form=form
        )
    return _club_form_page(
        request, article, form=ClubArticleForm(instance=article, user=request.user), image_form=form
    )


@login_required
@require_POST
def image_delete(request: HttpRequest, pk: int, image_pk: int) -> HttpResponse:
    image = get_object_or_404(
        ArticleImage.objects.select_related("article"), pk=image_pk, article_id=pk
    )
    if not request.user.has_perm("news.change_article", image.article):
        raise PermissionDenied
    services.article_image_delete(image=image)
    messages.success(request, _("The photo has been deleted."))
    return redirect(_edit_url(request, image.article))


def _edit_url(request, article: Article) -> str:
    from django.urls import reverse

    if request.user.has_perm("news.publish_article"):
        return reverse("news:manage_edit", args=[article.pk])
    return reverse("news:club_edit", args=[article.pk])


# --- Network office ----------------------------------------------------------------------------

STATE_FILTERS = {
    "eingereicht": ArticleState.SUBMITTED,
    "entwurf": ArticleState.DRAFT,
    "geplant": ArticleState.SCHEDULED,
    "veroeffentlicht": ArticleState.PUBLISHED,
    "zurueckgegeben": ArticleState.REJECTED,
}


@login_required
@network_office_required
def manage_list(request: HttpRequest) -> HttpResponse:
    state_key = request.GET.get("status", "")
    articles = Article.objects.select_related("organisation").order_by("-updated_at", "-pk")
    if state_key in STATE_FILTERS:
        articles = articles.filter(state=STATE_FILTERS[state_key])
    counts = Article.objects.aggregate(
        **{key: Count("pk", filter=Q(state=state)) for key, state in STATE_FILTERS.items()}
    )
    page = Paginator(articles, 25).get_page(request.GET.get("seite"))
    return render(
        request,
        "news/manage_list.html",
        {
            "page": page,
            "state_key": state_key,
            "filters": [
                (key, ArticleState(state).label, counts[key])
                for key, state in STATE_FILTERS.items()
            ],
        },
    )


@login_required
@network_office_required
def manage_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    article = (
        get_object_or_404(
            Article.objects.select_related("organisation").prefetch_related("relations", "images"),
            pk=pk,
        )
        if pk
        else None
    )
    form = ArticleForm(request.POST or None, request.FILES or None, instance=article)
    if request.method == "POST" and form.is_valid():
        article = services.article_save(form=form, by=request.user)
        messages.success(
            request, _("The article “%(title)s” has been saved.") % {"title": article.title}
        )
        return redirect("news:manage_edit", pk=article.pk)
    return _manage_form_page(request, article, form=form)


def _manage_form_page(request, article, *, form, image_form=None) -> HttpResponse:
    return render(
        request,
        "news/manage_form.html",
        {
            "form": form,
            "article": article,
            "publish_form": PublishForm(
                initial={"publish_at": article.publish_at}
                if article and article.state == ArticleState.SCHEDULED
                else None
            ),
            "reject_form": RejectForm(),
            "image_form": image_form or ArticleImageForm(),
        },
    )


@login_required
@network_office_required
@require_POST
def manage_publish(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please enter the date as day, month, year and time."))
        return redirect("news:manage_edit", pk=pk)
    article = services.article_publish(
        article=article, by=request.user, publish_at=form.cleaned_data["publish_at"]
    )
    if article.state == ArticleState.SCHEDULED:
        messages.success(
            request,
            _("The article will be published on %(date)s.")
            % {"date": _localised(article.publish_at)},
        )
    else:
        messages.success(request, _("The article has been published."))
    return redirect("news:manage_edit", pk=pk)


@login_required
@network_office_required
@require_POST
def manage_reject(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if article.organisation_id is None:
        raise PermissionDenied
    form = RejectForm(request.POST)
    if form.is_valid():
        services.article_reject(article=article, by=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("The article has been returned to the club with your note."))
        return redirect("news:manage_list")
    return render(
        request,
        "news/manage_form.html",
        {
            "form": ArticleForm(instance=article),
            "article": article,
            "publish_form": PublishForm(),
            "reject_form": form,
            "image_form": ArticleImageForm(),
        },
    )


@login_required
@network_office_required
@require_POST
def manage_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    services.article_unpublish(article=article, by=request.user)
    messages.success(request, _("The article has been taken off the site and is a draft again."))
    return redirect("news:manage_edit", pk=pk)


@login_required
@network_office_required
def category_list(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    category = get_object_or_404(Category, pk=pk) if pk else None
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        category = services.category_save(form=form)
        messages.success(
            request,
            pgettext("news", "The category “%(name)s” has been saved.") % {"name": category.name},
        )
        return redirect("news:categories")
    categories = Category.objects.annotate(article_count=Count("articles"))
    return render(
        request,
        "news/category_list.html",
        {"categories": categories, "form": form, "category": category},
    )


def _localised(value) -> str:
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(value), "j. F Y, H:i")
