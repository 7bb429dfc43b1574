"""What participation stores about a person, for export (Art. 15/20) and deletion (Art. 17).

Contributions and comments that are part of a process's public record stay, without name,
account or address; everything else (supports, follows, unconfirmed entries) is deleted.
"""

from django.db.models import F, Q
from django.utils import timezone

from .models import Comment, Contribution, DigestMail, Follow, ModerationState, Support


def _mine(user):
    return Q(user=user) | Q(email__iexact=user.email)


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def export(user) -> dict:
    contributions = Contribution.objects.filter(_mine(user)).select_related("process", "table")
    comments = Comment.objects.filter(_mine(user)).select_related("contribution")
    supports = Support.objects.filter(_mine(user)).select_related("contribution")
    follows = Follow.objects.filter(_mine(user)).select_related("process", "measure")
    return {
        "beteiligung": {
            "beitraege": [
                {
                    "nummer": c.pk,
                    "verfahren": c.process.title,
                    "thementisch": c.table.title if c.table else None,
                    "art": str(c.get_kind_display()),
                    "text": c.text,
                    "name_oder_pseudonym": c.author_name,
                    "sichtbarkeit": str(c.get_moderation_display()),
                    "stand": str(c.get_status_display()),
                    "eingegangen_am": _when(c.created_at),
                }
                for c in contributions.order_by("pk")
            ],
            "kommentare": [
                {
                    "zu_beitrag": comment.contribution_id,
                    "text": comment.text,
                    "name_oder_pseudonym": comment.author_name,
                    "sichtbarkeit": str(comment.get_moderation_display()),
                    "geschrieben_am": _when(comment.created_at),
                }
                for comment in comments.order_by("pk")
            ],
            "unterstuetzungen": [
                {
                    "beitrag": support.contribution_id,
                    "e_mail": support.email,
                    "bestaetigt_am": _when(support.confirmed_at),
                }
                for support in supports.order_by("pk")
            ],
            "folgen": [
                {
                    "titel": follow.target.title,
                    "e_mail": follow.email,
                    "bestaetigt_am": _when(follow.confirmed_at),
                }
                for follow in follows.order_by("pk")
            ],
        }
    }


def erase(user) -> None:
    public = (ModerationState.PUBLISHED, ModerationState.HIDDEN)
    Contribution.objects.filter(_mine(user)).exclude(moderation__in=public).delete()
    Contribution.objects.filter(_mine(user)).update(user=None, email="", author_name="")
    for comment in Comment.objects.filter(_mine(user)).exclude(moderation__in=public):
        comment.delete()
    Comment.objects.filter(_mine(user)).update(user=None, email="", author_name="")
    for support in Support.objects.filter(_mine(user), confirmed_at__isnull=False):
        Contribution.objects.filter(pk=support.contribution_id, support_count__gt=0).update(
            support_count=F("support_count") - 1
        )
    Support.objects.filter(_mine(user)).delete()
    Follow.objects.filter(_mine(user)).delete()
    DigestMail.objects.filter(email__iexact=user.email).delete()
