"""The network office moderates a contribution: visibility, state, official answer, measure."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..forms import AnswerForm, LinkMeasureForm, ModerationForm, StatusForm
from ..models import Comment, Contribution
from .workarea import office

FORMS = {
    "moderation": ModerationForm,
    "status": StatusForm,
    "answer": AnswerForm,
    "link": LinkMeasureForm,
}


def _forms(contribution: Contribution, bound: dict | None = None) -> dict:
    initial = {
        "moderation": {
            "action": "publish" if not contribution.is_hidden else "hide",
            "reason": contribution.hidden_reason,
        },
        "status": {"status": contribution.status, "reason": contribution.status_reason},
        "answer": {"answer": contribution.official_answer},
        "link": {},
    }
    forms = {name: cls(initial=initial[name], prefix=name) for name, cls in FORMS.items()}
    forms.update(bound or {})
    return forms


def _render(request, contribution: Contribution, *, bound=None, comment_form=None, status=200):
    comments = list(contribution.comments.order_by("created_at", "pk"))
    for comment in comments:
        prefix = f"comment-{comment.pk}"
        if comment_form is not None and comment_form.prefix == prefix:
            comment.form = comment_form
        else:
            comment.form = ModerationForm(
                prefix=prefix,
                initial={
                    "action": "hide" if comment.is_hidden else "publish",
                    "reason": comment.hidden_reason,
                },
            )
    context = {
        "contribution": contribution,
        "forms": _forms(contribution, bound),
        "comments": comments,
        "measures": list(contribution.measures.order_by("title")),
    }
    return render(
        request, "participation/workarea/contribution_moderate.html", context, status=status
    )


def _contribution(pk: int) -> Contribution:
    return get_object_or_404(
        Contribution.objects.select_related("process", "table", "workshop", "user"), pk=pk
    )


@office
def contribution_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution(pk)
    bound = {}
    if request.method == "POST":
        name = request.POST.get("form")
        if name in FORMS:
            form = FORMS[name](request.POST, prefix=name)
            if form.is_valid():
                _apply(request, name, form, contribution)
                return redirect("participation:moderate_contribution", pk=contribution.pk)
            bound[name] = form
    return _render(request, contribution, bound=bound)


def _apply(request, name: str, form, contribution: Contribution) -> None:
    data = form.cleaned_data
    if name == "moderation":
        publish = data["action"] == ModerationForm.PUBLISH
        services.contribution_moderate(
            contribution=contribution, publish=publish, reason=data["reason"], by=request.user
        )
        messages.success(
            request,
            _("The contribution is published.") if publish else _("The contribution is hidden."),
        )
    elif name == "status":
        services.contribution_set_status(
            contribution=contribution, status=data["status"], reason=data["reason"], by=request.user
        )
        messages.success(request, _("The state of the contribution has been saved."))
    elif name == "answer":
        services.contribution_answer(
            contribution=contribution, answer=data["answer"], by=request.user
        )
        messages.success(request, _("The answer has been saved."))
    elif name == "link":
        linked = services.measure_link_contribution(
            measure=data["measure"], contribution=contribution, by=request.user
        )
        if linked:
            messages.success(
                request,
                _("The contribution is now part of the measure “%(title)s”.")
                % {"title": data["measure"].title},
            )
        else:
            messages.info(request, _("The contribution was part of this measure already."))


@office
@require_POST
def comment_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    form = ModerationForm(request.POST, prefix=f"comment-{comment.pk}")
    if not form.is_valid():
        return _render(request, _contribution(comment.contribution_id), comment_form=form)
    publish = form.cleaned_data["action"] == ModerationForm.PUBLISH
    services.comment_moderate(
        comment=comment, publish=publish, reason=form.cleaned_data["reason"], by=request.user
    )
    messages.success(
        request, _("The comment is published.") if publish else _("The comment is hidden.")
    )
    return redirect("participation:moderate_contribution", pk=comment.contribution_id)
