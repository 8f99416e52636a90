"""Rules: every id that is named is defined, ids are unique, periods run forwards, sums add up."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dateutil.relativedelta import relativedelta

from ..model.cases import Route, Stakeholder, Timing
from ..model.decision import OptionKind
from ..model.schedule import PackageTiming
from ..analysis.milestones import SOURCES as MILESTONE_SOURCES, by_id as milestones_by_id
from .context import Context, RawContext


def _get(data: Any, *path: Any) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def _items(data: Any, *path: Any) -> list[tuple[int, dict]]:
    value = _get(data, *path)
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def _id_set(data: Any, *path: Any) -> set[str]:
    return {str(v["id"]) for _, v in _items(data, *path) if isinstance(v.get("id"), (str, int))}


LISTS = {
    ("sagskategorier",): "sagskategorier",
    ("roller",): "roller",
    ("minimumsoplysninger", "feltgrupper"): "feltgrupper",
    ("konverteringsform", "muligheder"): "muligheder",
    ("konverteringsform", "kriterier"): "kriterier",
    ("milepaele",): "milepæle",
    ("aktiviteter",): "aktiviteter",
    ("arbejdspakker",): "arbejdspakker",
    ("undervisning", "sessioner"): "hold",
}


def unique_ids(ctx: RawContext) -> None:
    data = ctx.data
    for path in LISTS:
        seen: dict[str, int] = {}
        for i, item in _items(data, *path):
            key = item.get("id")
            if not isinstance(key, (str, int)):
                continue
            if key in seen:
                first = ctx.loaded.locate((*path, seen[key]))[0]
                ctx.error((*path, i, "id"), f'id "{key}" er brugt før (linje {first}). Giv hvert punkt sit eget id.')
            seen.setdefault(key, i)
    fields: dict[str, int] = {}
    for g, group in _items(data, "minimumsoplysninger", "feltgrupper"):
        for f, fld in _items(group, "felter"):
            key = fld.get("id")
            path = ("minimumsoplysninger", "feltgrupper", g, "felter", f, "id")
            if not isinstance(key, str):
                continue
            if key in fields:
                ctx.error(path, f'felt-id "{key}" er brugt før (linje {fields[key]}). Giv hvert felt sit eget id.')
            fields.setdefault(key, ctx.loaded.locate(path)[0])


def references(ctx: RawContext) -> None:
    """Every role, category, field group, milestone, option and criterion that is named is defined.

    Works on the raw YAML data, so these errors are reported together with type errors."""
    d = ctx.data
    roles, cats = _id_set(d, "roller"), _id_set(d, "sagskategorier")
    groups, milestones = _id_set(d, "minimumsoplysninger", "feltgrupper"), _id_set(d, "milepaele")
    milestones |= {k for k, source in MILESTONE_SOURCES.items() if _get(d, *source.split(".")) is not None}
    options, criteria = _id_set(d, "konverteringsform", "muligheder"), _id_set(d, "konverteringsform", "kriterier")
    R, C, G, M = ("Rollen", "roller", roles), ("Sagskategorien", "sagskategorier", cats), \
        ("Feltgruppen", "minimumsoplysninger.feltgrupper", groups), ("Milepælen", "milepaele", milestones)
    O = ("Muligheden", "konverteringsform.muligheder", options)
    K = ("Kriteriet", "konverteringsform.kriterier", criteria)

    def one(path: tuple, kind) -> None:
        value = _get(d, *path)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) not in kind[2]:
            known = ", ".join(sorted(kind[2])) or "(ingen)"
            ctx.error(path, f'{kind[0]} "{value}" findes ikke. Brug en af: {known} - eller tilføj den under "{kind[1]}".')

    def many(path: tuple, kind) -> None:
        value = _get(d, *path)
        if isinstance(value, list):
            for i in range(len(value)):
                one((*path, i), kind)

    for g, group in _items(d, "minimumsoplysninger", "feltgrupper"):
        base = ("minimumsoplysninger", "feltgrupper", g)
        one((*base, "rolle"), R)
        for f, _ in _items(group, "felter"):
            one((*base, "felter", f, "rolle"), R)
            many((*base, "felter", f, "kategorier"), C)
    for i, _ in _items(d, "arbejdspakker"):
        one(("arbejdspakker", i, "rolle"), R)
        many(("arbejdspakker", i, "kategorier"), C)
        many(("arbejdspakker", i, "feltgrupper"), G)
        one(("arbejdspakker", i, "frist"), M)
    for i, _ in _items(d, "aktiviteter"):
        one(("aktiviteter", i, "ansvarlig"), R)
        one(("aktiviteter", i, "frist"), M)
    for i, _ in _items(d, "kalender", "fravaer"):
        one(("kalender", "fravaer", i, "rolle"), R)
    for i, _ in _items(d, "undervisning", "sessioner"):
        base = ("undervisning", "sessioner", i)
        many((*base, "maalgruppe"), R)
        many((*base, "konvertering", "kategorier"), C)
        many((*base, "konvertering", "feltgrupper"), G)
    for i, _ in _items(d, "leverandoertilbud", "intern_indsats"):
        one(("leverandoertilbud", "intern_indsats", i, "rolle"), R)
    one(("konverteringsform", "beslutning", "valgt"), O)
    many(("vejledning", "kontrol", "alle_sager_i"), C)
    many(("vejledning", "kontrol", "kontrolrunder"), ("Aktiviteten", "aktiviteter", _id_set(d, "aktiviteter")))
    for i, _ in _items(d, "projekt", "frysning", "genindtastning"):
        one(("projekt", "frysning", "genindtastning", i, "rolle"), R)
    scores = _get(d, "konverteringsform", "vurdering")
    if isinstance(scores, dict):
        for option, per in scores.items():
            if str(option) not in options:
                ctx.error(("konverteringsform", "vurdering", option),
                          f'Muligheden "{option}" findes ikke. Brug en af: {", ".join(sorted(options))}.')
            if isinstance(per, dict):
                for crit in per:
                    if str(crit) not in criteria:
                        ctx.error(("konverteringsform", "vurdering", option, crit),
                                  f'Kriteriet "{crit}" findes ikke. Brug en af: {", ".join(sorted(criteria))}.')
    for section, kind in (("feltgrupper", G), ("roller", R)):
        guide = _get(d, "vejledning", section)
        if isinstance(guide, dict):
            for key in guide:
                if str(key) not in kind[2]:
                    ctx.error(("vejledning", section, key), f'{kind[0]} "{key}" findes ikke. Brug en af: {", ".join(sorted(kind[2]))}.')


def derived_milestones(ctx: RawContext) -> None:
    """A date the plan states elsewhere must not be typed again as a milestone: the two would drift apart."""
    for i, item in _items(ctx.data, "milepaele"):
        key = item.get("id")
        if isinstance(key, str) and key in MILESTONE_SOURCES:
            ctx.error(("milepaele", i, "id"),
                      f'Milepælen "{key}" dannes af {MILESTONE_SOURCES[key]}, så datoen skal kun stå dér. '
                      "Slet milepælen her; arbejdspakker og aktiviteter kan stadig have frist: " + key + ".")


def periods(ctx: Context) -> None:
    p = ctx.plan

    def forwards(path: tuple, start, end, what: str) -> None:
        if start and end and end < start:
            ctx.error((*path, "til"), f"{what} slutter ({end:%Y-%m-%d}) før den begynder ({start:%Y-%m-%d}). Byt om på fra og til.")

    if p.project.freeze:
        forwards(("projekt", "frysning"), p.project.freeze.start, p.project.freeze.end, "Frysningen")
        if p.project.freeze.end >= p.project.go_live:
            ctx.error(("projekt", "frysning", "til"), "Frysningen skal slutte før go-live. Ret datoen til senest dagen før go-live.")
    for i, act in enumerate(p.activities):
        forwards(("aktiviteter", i), act.start, act.end, "Aktiviteten")
    for i, wp in enumerate(p.work_packages):
        base = ("arbejdspakker", i)
        if wp.timing is PackageTiming.period:
            if wp.start is None or wp.end is None:
                ctx.error(base, 'En arbejdspakke med en periode skal have både "fra" og "til". '
                                'Tilføj dem, eller skriv "tidspunkt: foerste_opfoelgning".')
            forwards(base, wp.start, wp.end, "Arbejdspakken")
        elif wp.start or wp.end:
            ctx.warning(base, 'Arbejdspakken sker ved første opfølgning, så "fra" og "til" bruges ikke. Fjern dem.')
    for i, absence in enumerate(p.calendar.absences):
        forwards(("kalender", "fravaer", i), absence.start, absence.end, "Fraværet")
    for i, s in enumerate(p.training.sessions):
        if s.end <= s.start:
            ctx.error(("undervisning", "sessioner", i, "slut"), f"Holdet slutter ({s.end:%H:%M}) før det begynder ({s.start:%H:%M}).")


def deadlines(ctx: Context) -> None:
    """Activities and work packages must end before the milestone they serve."""
    p = ctx.plan
    dates = milestones_by_id(p)
    items = [("aktiviteter", i, a) for i, a in enumerate(p.activities)]
    items += [("arbejdspakker", i, w) for i, w in enumerate(p.work_packages)]
    for section, i, item in items:
        m = dates.get(item.deadline) if item.deadline else None
        if m and item.end and item.end > m.date:
            ctx.error((section, i, "til"),
                      f'"{item.name}" slutter {item.end:%Y-%m-%d}, efter milepælen "{m.name}" ({m.date:%Y-%m-%d}), '
                      "som den skal være færdig før. Flyt slutdatoen frem eller milepælen.")


def weights(ctx: Context) -> None:
    criteria = ctx.plan.conversion.criteria
    total = sum(c.weight for c in criteria)
    if total != 100:
        ctx.error(("konverteringsform", "kriterier"),
                  f"Kriteriernes vægte giver tilsammen {total} %, men skal give 100 %. Ret vægtene.")
    options = [o.id for o in ctx.plan.conversion.options]
    for option in options:
        scores = ctx.plan.conversion.scores.get(option)
        missing = [c.id for c in criteria if not scores or c.id not in scores]
        if ctx.plan.conversion.scores and missing:
            ctx.error(("konverteringsform", "vurdering"),
                      f'Muligheden "{option}" mangler point for: {", ".join(missing)}. Giv 1-5 point for hvert kriterium.')


def scope(ctx: Context) -> None:
    p = ctx.plan
    for i, cat in enumerate(p.categories):
        if cat.route is Route.not_converted:
            for key, value in (("laesbar_i", cat.readable_in), ("laesbar_til", cat.readable_until)):
                if value is None:
                    ctx.error(("sagskategorier", i), f'Sager, der ikke konverteres, skal have "{key}": '
                                                     "hvor og hvor længe kan de stadig læses?")
            if cat.readable_until and cat.readable_until < p.project.go_live + relativedelta(months=3):
                ctx.warning(("sagskategorier", i, "laesbar_til"),
                            "Læseadgangen til det gamle system bør vare mindst 3 måneder efter go-live.")
        elif cat.readable_in or cat.readable_until:
            ctx.warning(("sagskategorier", i), '"laesbar_i"/"laesbar_til" bruges kun for sager, der ikke konverteres.')
    automatic = any(c.route is Route.automatic for c in p.categories) or any(
        o.kind is OptionKind.automatic for o in p.conversion.options)
    if automatic and p.vendor_offer is None:
        ctx.error((), 'Planen regner med automatisk konvertering, men "leverandoertilbud" mangler. '
                      "Tilføj tilbuddet (eller et skøn med antaget: true).")


def statistics_fields(ctx: Context) -> None:
    """A field Danmarks Statistik needs must be in DUBU from go-live."""
    for g, group in enumerate(ctx.plan.minimum.groups):
        for f, fld in enumerate(group.fields):
            timing = fld.timing or group.timing
            if Stakeholder.statistics in fld.needs and timing is Timing.first_follow_up:
                ctx.warning(("minimumsoplysninger", "feltgrupper", g, "felter", f),
                            f'"{fld.name}" skal bruges af Danmarks Statistik, men er først planlagt til første '
                            "opfølgning. Indberetningen kræver feltet fra go-live: sæt tidspunkt: go_live.")


def follow_up_months(ctx: Context) -> None:
    p = ctx.plan
    for month in p.first_follow_ups:
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
            ctx.error(("foerste_opfoelgninger", month), f'"{month}" skal være en måned skrevet ÅÅÅÅ-MM, fx 2027-04.')
    if p.first_follow_ups:
        total = sum(p.first_follow_ups.values())
        converted = sum(c.count for c in p.categories if c.converted)
        if total != converted:
            ctx.warning(("foerste_opfoelgninger",),
                        f"Første opfølgninger giver {total} sager, men der konverteres {converted}. Ret antallene.")


RAW_RULES = [unique_ids, references, derived_milestones]
RULES = [periods, deadlines, weights, scope, statistics_fields, follow_up_months]
