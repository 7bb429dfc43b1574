"""The Ehrenamtsnachweis: a PDF of a person's confirmed hours, issued by the network.

fpdf2's core fonts cover Latin-1 (äöüß); other typographic characters are replaced, and
letters of other Latin alphabets (ł, ę, ş, ğ) lose their accents rather than becoming "?".
"""

import unicodedata
from datetime import date
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from engagementnetz.core.site_cache import cached_site_settings

from .selectors import confirmed_hours_by_organisation, ehrenamtskarte_status

_REPLACEMENTS = {
    "–": "-",
    "—": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "…": "...",
    "€": "EUR",
    "\u00a0": " ",
    # Letters that Unicode does not decompose into a base letter and an accent.
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "ı": "i",
    "Œ": "OE",
    "œ": "oe",
}


def _to_latin1(character: str) -> str:
    try:
        character.encode("latin-1")
        return character
    except UnicodeEncodeError:
        base = unicodedata.normalize("NFKD", character)
        return (
            "".join(c for c in base if not unicodedata.combining(c))
            .encode("latin-1", "replace")
            .decode("latin-1")
        )


def latin1(text: str) -> str:
    for character, replacement in _REPLACEMENTS.items():
        text = text.replace(character, replacement)
    return "".join(_to_latin1(character) for character in text)


def _hours(value: Decimal) -> str:
    return formats.number_format(value, decimal_pos=1, use_l10n=True)


def _period(started: date, ended: date) -> str:
    if started == ended:
        return started.strftime("%d.%m.%Y")
    return f"{started:%d.%m.%Y} - {ended:%d.%m.%Y}"


class _Document(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(auto=True, margin=25)

    def footer(self):
        self.set_y(-18)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, self.footer_text, align="L")
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")


def ehrenamtsnachweis_pdf(*, user, today: date | None = None) -> bytes:
    """The certificate of ``user``'s confirmed hours as PDF bytes."""
    today = today or timezone.localdate()
    site = cached_site_settings()
    groups = confirmed_hours_by_organisation(user=user)
    status = ehrenamtskarte_status(user=user, today=today)
    network = site.name
    issuer = site.contact_name or network

    pdf = _Document(latin1(f"{network} - {_('Ehrenamtsnachweis')}"))
    pdf.set_title(latin1(_("Ehrenamtsnachweis")))
    pdf.set_author(latin1(issuer))
    pdf.alias_nb_pages()
    pdf.add_page()

    def line(text: str, *, size: int = 11, style: str = "", height: float = 6) -> None:
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.multi_cell(0, height, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    line(network, size=10)
    pdf.ln(6)
    line(_("Ehrenamtsnachweis"), size=20, style="B", height=10)
    pdf.ln(2)
    line(_("Confirmation of voluntary engagement"), size=12)
    pdf.ln(6)
    name = user.name or user.email
    if user.birth_date:
        line(
            _("%(name)s, born on %(date)s, has volunteered as follows:")
            % {"name": name, "date": user.birth_date.strftime("%d.%m.%Y")}
        )
    else:
        line(_("%(name)s has volunteered as follows:") % {"name": name})
    pdf.ln(4)

    grand_total = Decimal("0")
    for group in groups:
        line(group["organisation"].name, size=12, style="B")
        pdf.set_font("Helvetica", size=10)
        with pdf.table(
            col_widths=(90, 50, 30),
            text_align=("LEFT", "LEFT", "RIGHT"),
            line_height=6,
            first_row_as_headings=True,
        ) as table:
            table.row([latin1(_("Activity")), latin1(_("Period")), latin1(_("Hours"))])
            for entry in group["entries"]:
                table.row(
                    [
                        latin1(entry.activity),
                        _period(entry.started_on, entry.ended_on),
                        _hours(entry.hours),
                    ]
                )
            table.row(["", latin1(_("Total")), _hours(group["total"])])
        grand_total += group["total"]
        pdf.ln(4)

    if not groups:
        line(_("No confirmed hours yet."))
    else:
        line(
            _("Confirmed hours in total: %(hours)s") % {"hours": _hours(grand_total)},
            style="B",
        )
        line(
            _("Of these in the last twelve months: %(hours)s")
            % {"hours": _hours(status.hours_last_year)}
        )
    pdf.ln(4)
    line(
        _("Each entry was confirmed by the organisation named above on the platform %(network)s.")
        % {"network": network},
        size=9,
    )
    pdf.ln(8)
    line(
        _("Issued by %(issuer)s on %(date)s.")
        % {"issuer": issuer, "date": today.strftime("%d.%m.%Y")}
    )
    if site.contact_address:
        line(site.contact_address.replace("\n", ", "), size=9)
    return bytes(pdf.output())
