"""The articles a person wrote, for the own-data export; they stay when the account goes."""

from .models import Article


def export(user) -> dict:
    return {
        "beitraege_aktuelles": [
            {
                "titel": article.title,
                "status": article.state,
                "organisation": article.organisation.name if article.organisation else None,
                "angelegt_am": article.created_at.isoformat(),
            }
            for article in Article.objects.filter(author=user).select_related("organisation")
        ]
    }


def erase(user) -> None:
    # Articles belong to the network or a club and stay; the author link is cleared.
    Article.objects.filter(author=user).update(author=None)
    Article.objects.filter(reviewed_by=user).update(reviewed_by=None)
