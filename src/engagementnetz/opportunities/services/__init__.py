"""Every write of the Engagement-Börse. Views, tasks and jobs call these and nothing else."""

from .finder import (
    finder_send_digests,
    finder_subscribe,
    finder_subscription_confirm,
    finder_subscriptions_delete_unconfirmed,
    finder_unsubscribe,
)
from .hours import HoursAlreadyDecided, hours_decide, hours_delete, hours_log
from .interests import (
    InterestNotPossible,
    interest_confirm,
    interest_set_state,
    interest_submit,
    interests_delete_stale,
    interests_remind_organisations,
)
from .neighbourhood import (
    HelpPostNotPublic,
    help_contact_send,
    help_post_confirm,
    help_post_moderate,
    help_post_submit,
    help_post_withdraw,
    help_posts_remove_expired,
)
from .opportunities import (
    opportunities_expire,
    opportunities_remind_freshness,
    opportunity_confirm_current,
    opportunity_save,
    opportunity_set_state,
    unique_slug,
)

__all__ = [
    "HelpPostNotPublic",
    "HoursAlreadyDecided",
    "InterestNotPossible",
    "finder_send_digests",
    "finder_subscribe",
    "finder_subscription_confirm",
    "finder_subscriptions_delete_unconfirmed",
    "finder_unsubscribe",
    "help_contact_send",
    "help_post_confirm",
    "help_post_moderate",
    "help_post_submit",
    "help_post_withdraw",
    "help_posts_remove_expired",
    "hours_decide",
    "hours_delete",
    "hours_log",
    "interest_confirm",
    "interest_set_state",
    "interest_submit",
    "interests_delete_stale",
    "interests_remind_organisations",
    "opportunities_expire",
    "opportunities_remind_freshness",
    "opportunity_confirm_current",
    "opportunity_save",
    "opportunity_set_state",
    "unique_slug",
]
