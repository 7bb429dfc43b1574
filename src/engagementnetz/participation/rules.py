"""Who may do what in participation processes and with measures.

Citizens contribute, comment, support and follow without special rights (the phase rules and
the e-mail confirmation guard those). The network office runs processes, moderates, answers and
keeps the measures; the organisation responsible for a measure may report its progress.
"""

import rules

from engagementnetz.accounts.rules import is_network_office
from engagementnetz.organisations.rules import is_organisation_member


@rules.predicate
def is_responsible_for_measure(user, measure) -> bool:
    if measure is None or measure.responsible_organisation_id is None:
        return False
    return is_organisation_member(user, measure.responsible_organisation)


can_report_progress = is_network_office | is_responsible_for_measure

rules.add_perm("participation.manage_process", is_network_office)
rules.add_perm("participation.moderate", is_network_office)
rules.add_perm("participation.answer_contribution", is_network_office)
rules.add_perm("participation.enter_paper_cards", is_network_office)
rules.add_perm("participation.export_contributions", is_network_office)
rules.add_perm("participation.manage_measure", is_network_office)
rules.add_perm("participation.report_progress", can_report_progress)
