"""Who may write, change and publish news articles.

The network office writes and publishes. People of a club (admins and editors) submit articles
for their club and may change them until the network office has published them.
"""

import rules

from engagementnetz.accounts.rules import is_network_office
from engagementnetz.organisations.rules import is_organisation_member

from .models import ArticleState

CLUB_EDITABLE_STATES = {ArticleState.DRAFT, ArticleState.SUBMITTED, ArticleState.REJECTED}


@rules.predicate
def is_member_of_a_public_organisation(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    from engagementnetz.organisations.models import OrganisationState

    return user.memberships.filter(organisation__state=OrganisationState.VERIFIED).exists()


@rules.predicate
def is_club_author_of(user, article) -> bool:
    if article is None or article.organisation_id is None:
        return False
    return is_organisation_member(user, article.organisation)


@rules.predicate
def is_editable_by_club(user, article) -> bool:
    return article is not None and article.state in CLUB_EDITABLE_STATES


can_submit_article = is_member_of_a_public_organisation
can_change_article = is_network_office | (is_club_author_of & is_editable_by_club)

rules.add_perm("news.submit_article", can_submit_article)
rules.add_perm("news.change_article", can_change_article)
rules.add_perm("news.publish_article", is_network_office)
rules.add_perm("news.manage_categories", is_network_office)
