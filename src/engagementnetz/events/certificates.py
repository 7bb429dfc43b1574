"""Certificates of attendance (Teilnahmebescheinigungen) as PDF, made with fpdf2.

The PDF core fonts cover German (ä, ö, ü, ß) through Latin-1; the few typographic characters
outside it are replaced by their plain equivalents.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from engagementnetz.core.site_cache import cached_site_settings

from .formatting import when
from .models import Registration, RegistrationStatus

if TYPE_CHECKING:
    from fpdf import FPDF

REPLACEMENTS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "€": "EUR",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def latin1(text: str) -> str:
    return text.translate(REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def available(registration: Registration) -> bool:
    event = registration.event
    return bool(
        event.certificate_enabled
        and registration.status == RegistrationStatus.CONFIRMED
        and registration.attended
        and not registration.anonymised_at
    )


def _page(pdf: "FPDF", registration: Registration, dates: list[str], network: str) -> None:
    event = registration.event
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(0, 6, latin1(network), new_x="LMARGIN", new_y="NEXT")
    if event.organiser_id:
        pdf.cell(0, 6, latin1(event.organiser.name), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(24)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 26)
    pdf.cell(
        0, 14, latin1(_("Certificate of attendance")), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(14)
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 8, latin1(_("This is to confirm that")), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, latin1(registration.name), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=12)
    pdf.cell(
        0,
        8,
        latin1(_("took part in the training course")),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, latin1(event.title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for line in dates:
        pdf.cell(0, 6, latin1(line), align="C", new_x="LMARGIN", new_y="NEXT")
    if event.venue_id:
        venue = ", ".join(p for p in (event.venue.name, event.venue.city) if p)
        pdf.cell(0, 6, latin1(venue), align="C", new_x="LMARGIN", new_y="NEXT")
    if event.course_scope:
        pdf.cell(
            0,
            6,
            latin1(_("Scope: %(scope)s") % {"scope": event.course_scope}),
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    if event.provider:
        pdf.cell(
            0,
            6,
            latin1(_("Provider: %(provider)s") % {"provider": event.provider}),
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    if event.learning_goals:
        pdf.ln(8)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 6, latin1(_("Contents and learning goals")), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, latin1(event.learning_goals), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    issued = date_format(timezone.localdate(), "j. F Y")
    place = event.venue.city if event.venue_id and event.venue.city else ""
    pdf.cell(
        0,
        6,
        latin1(f"{place}, {issued}" if place else issued),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(16)
    pdf.cell(70, 0, "", border="T", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    signatory = event.certificate_signatory or event.organiser_name
    pdf.cell(0, 6, latin1(signatory), new_x="LMARGIN", new_y="NEXT")


def certificate_pdf(registrations: list[Registration]) -> bytes:
    """One page per registration (all of the same event); only for those who attended."""
    with translation.override(settings.LANGUAGE_CODE):
        network = cached_site_settings().name
        # Imported here: fpdf2 (with fontTools) costs every web process about 50 MB.
        from fpdf import FPDF

        pdf = FPDF(format="A4")
        pdf.set_margins(22, 20, 22)
        pdf.set_auto_page_break(True, margin=20)
        pdf.set_title(latin1(_("Certificate of attendance")))
        pdf.set_author(latin1(network))
        pdf.set_lang("de")
        dates_cache: dict[int, list[str]] = {}
        for registration in registrations:
            event = registration.event
            if event.pk not in dates_cache:
                dates_cache[event.pk] = [
                    when(o.starts_at, o.ends_at, all_day=event.all_day)
                    for o in event.occurrences.filter(is_cancelled=False).order_by("starts_at")[:12]
                ]
            _page(pdf, registration, dates_cache[event.pk], network)
        return bytes(pdf.output())
