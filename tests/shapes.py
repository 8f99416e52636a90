"""Two plans that differ in shape from the example, made as edited copies of it (issue 20):

- ``vendorless``: the vendor takes nothing. The supporting cases are converted by hand (students enter their
  basic data, caseworkers the rest), and the steering group chose the manual option.
- ``summer``: a summer holiday inside a work package. Every caseworker is away in the three weeks of the
  common summer holiday (12-30 July 2027), while the legal basis of July's 30 cases is moved at their first
  follow-up (the package's month July).
"""

from __future__ import annotations

from conftest import add_item, example_text, set_value

MANUAL_BASICS = ("arbejdspakker", "basis_manuelle_sager")
REST_OF_AUTOMATIC = ("arbejdspakker", "rest_automatiske_sager")


def vendorless() -> str:
    text = set_value(example_text(), ("sagskategorier", "aabne_stoettende", "rute"), "manuel")
    # the students also enter the supporting cases' basic data, a week longer
    text = set_value(
        text,
        (*MANUAL_BASICS, "kategorier"),
        "[aabne_anbringelser, aabne_undersoegelser, aabne_ungestoette, aabne_stoettende]",
    )
    text = set_value(text, (*MANUAL_BASICS, "til"), "2027-02-12")
    # the caseworkers enter the rest (the statistics fields too, which the vendor no longer brings), from 25 January
    text = set_value(
        text, (*REST_OF_AUTOMATIC, "feltgrupper"), "[indsatser_og_afgoerelser, opfoelgningsfrister, danmarks_statistik]"
    )
    text = set_value(text, (*REST_OF_AUTOMATIC, "fra"), "2027-01-25")
    return set_value(text, ("konverteringsform", "beslutning", "valgt"), "manuel")


def summer() -> str:
    return add_item(
        example_text(),
        ("kalender", "fravaer"),
        "rolle: sagsbehandler\npersoner: 16\nfra: 2027-07-12\ntil: 2027-07-30\naarsag: Sommerferie",
    )
