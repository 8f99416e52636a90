"""Two plans that differ in shape from the example, made as edited copies of it (issue 20):

- ``vendorless``: the vendor takes nothing. The supporting cases are converted by hand (students enter their
  basic data, caseworkers the rest), and the steering group chose the manual option.
- ``summer``: a summer holiday inside a work package. Every caseworker is away in the three weeks of the
  common summer holiday (12-30 July 2027), while the legal basis of July's 30 cases is moved at their first
  follow-up (the package's month July).
"""

from __future__ import annotations

from conftest import edit, example_text


def vendorless() -> str:
    text = example_text()
    text = edit(text, "    antal: 280\n    rute: automatisk", "    antal: 280\n    rute: manuel")
    text = edit(
        text,
        "    kategorier: [aabne_anbringelser, aabne_undersoegelser, aabne_ungestoette]\n"
        "    feltgrupper: [basisoplysninger]\n    fra: 2027-01-11\n    til: 2027-02-05",
        "    kategorier: [aabne_anbringelser, aabne_undersoegelser, aabne_ungestoette, aabne_stoettende]\n"
        "    feltgrupper: [basisoplysninger]\n    fra: 2027-01-11\n    til: 2027-02-12",
    )
    text = edit(
        text,
        "    feltgrupper: [basisoplysninger, indsatser_og_afgoerelser, opfoelgningsfrister]\n    fra: 2027-02-15",
        "    feltgrupper: [indsatser_og_afgoerelser, opfoelgningsfrister, danmarks_statistik]\n    fra: 2027-01-25",
    )
    return edit(text, "    valgt: blandet", "    valgt: manuel")


def summer() -> str:
    return edit(
        example_text(),
        "      aarsag: Eksamen\n",
        "      aarsag: Eksamen\n"
        "    - rolle: sagsbehandler\n      personer: 16\n      fra: 2027-07-12\n      til: 2027-07-30\n"
        "      aarsag: Sommerferie\n",
    )
