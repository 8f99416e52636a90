"""Rules on the raw data: every id that is named is defined, ids are unique, no milestone repeats a date
the plan states elsewhere. They run even when types are wrong (rules/validate.py check_raw)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from ..analysis.milestones import SOURCES as MILESTONE_SOURCES
from ..formatting import and_list
from ..io.load import key_path
from ..messages import Message
from ..slug import ascii_slug
from ..texts import validation as say
from .context import Path, RawContext


def _get(data: Any, *path: Any) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def _items(data: Any, *path: Any) -> list[tuple[int, dict[str, Any]]]:
    value = _get(data, *path)
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def _id_set(data: Any, *path: Any) -> set[str]:
    return {str(v["id"]) for _, v in _items(data, *path) if isinstance(v.get("id"), (str, int))}


ListPath = tuple[str, ...]  # where a list of items with ids stands, e.g. ("roller",)

LISTS: dict[ListPath, str] = {
    ("sagskategorier",): say.LIST_CATEGORIES,
    ("roller",): say.LIST_ROLES,
    ("minimumsoplysninger", "feltgrupper"): say.LIST_GROUPS,
    ("konverteringsform", "muligheder"): say.LIST_OPTIONS,
    ("konverteringsform", "kriterier"): say.LIST_CRITERIA,
    ("milepaele",): say.LIST_MILESTONES,
    ("aktiviteter",): say.LIST_ACTIVITIES,
    ("arbejdspakker",): say.LIST_PACKAGES,
    ("undervisning", "sessioner"): say.LIST_SESSIONS,
}


MAX_KNOWN = 10  # ids listed in one message: with 1.500 roles, every message would list them all


def suggest(value: str, known: Iterable[str]) -> str | None:
    """The defined id the user most likely meant (æ/ø/å folded as in ids: fuldført -> fuldfoert)."""
    folded = ascii_slug(value).replace("-", "_")
    known = list(known)
    if folded in known and folded != value:
        return folded
    close = difflib.get_close_matches(folded, known, n=1, cutoff=0.6)
    return close[0] if close else None


def lines_named(nums: list[int], limit: int = 5 * MAX_KNOWN) -> str:
    nums = sorted(set(nums))
    if len(nums) > limit:  # a thousand uses of one wrong id: the first few, and how many more
        return ", ".join(map(str, nums[:limit])) + say.AND_MORE_LINES.format(n=len(nums) - limit)
    return and_list(list(map(str, nums)))


def _duplicates(ctx: RawContext) -> dict[ListPath, list[tuple[str, int, int]]]:
    """Duplicate ids per list: path -> [(id, index of the first, index of the repeat)]."""
    found: dict[ListPath, list[tuple[str, int, int]]] = {}
    for path in LISTS:
        seen: dict[str, int] = {}
        for i, item in _items(ctx.data, *path):
            key = item.get("id")
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                continue
            if str(key) in seen:
                found.setdefault(path, []).append((str(key), seen[str(key)], i))
            seen.setdefault(str(key), i)
    return found


def known_ids(value: str, known: set[str], limit: int = MAX_KNOWN) -> str:
    """'Mente du "x"? Brug en af: a, b, c og 40 andre': close matches first, at most `limit` ids in all."""
    if not known:
        return say.NO_IDS
    close = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    shown = list(dict.fromkeys([*close, *sorted(known)]))[:limit]
    rest = len(known) - len(shown)
    listed = ", ".join(shown) + (say.AND_MORE.format(n=rest) if rest > 0 else "")
    guess = say.MEANT_THEN.format(meant=close[0]) if close else ""
    return say.USE_ONE_OF.format(guess=guess, listed=listed)


def _known(d: Any, kind: ListPath) -> set[str]:
    """The ids a reference may name: those defined in the list, and for milestones also the dates the plan
    states elsewhere (go-live, the freeze, access to DUBU, the delivery, the decision: analysis/milestones.py)."""
    ids = _id_set(d, *kind)
    if kind == ("milepaele",):
        ids |= {k for k, source in MILESTONE_SOURCES.items() if _get(d, *source.split(".")) is not None}
    return ids


def _unknown_references(d: Any) -> list[tuple[ListPath, Path, str]]:
    """Every reference to an id that is not defined: (the list it should be in, where it is written, the id)."""
    out: list[tuple[ListPath, Path, str]] = []
    ids = {path: _known(d, path) for path in LISTS}

    def one(path: Path, kind: ListPath) -> None:
        value = _get(d, *path)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) not in ids[kind]:
            out.append((kind, path, str(value)))

    def many(path: Path, kind: ListPath) -> None:
        value = _get(d, *path)
        if isinstance(value, list):
            for i in range(len(value)):
                one((*path, i), kind)

    R, C, G, M = ("roller",), ("sagskategorier",), ("minimumsoplysninger", "feltgrupper"), ("milepaele",)
    OPT, K = ("konverteringsform", "muligheder"), ("konverteringsform", "kriterier")
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
        many(("aktiviteter", i, "muligheder"), OPT)
    for i, option in _items(d, "konverteringsform", "muligheder"):
        allocation = option.get("roller")
        if isinstance(allocation, dict):
            for group in allocation:
                where = ("konverteringsform", "muligheder", i, "roller", group)
                if str(group) not in ids[G]:
                    out.append((G, where, str(group)))
                one(where, R)
    for i, _ in _items(d, "kalender", "fravaer"):
        one(("kalender", "fravaer", i, "rolle"), R)
    for i, _ in _items(d, "undervisning", "sessioner"):
        base = ("undervisning", "sessioner", i)
        many((*base, "maalgruppe"), R)
        many((*base, "konvertering", "kategorier"), C)
        many((*base, "konvertering", "feltgrupper"), G)
    for i, _ in _items(d, "leverandoertilbud", "intern_indsats"):
        one(("leverandoertilbud", "intern_indsats", i, "rolle"), R)
    one(("konverteringsform", "beslutning", "valgt"), OPT)
    many(("vejledning", "kontrol", "alle_sager_i"), C)
    many(("vejledning", "kontrol", "kontrolrunder"), ("aktiviteter",))
    for i, _ in _items(d, "projekt", "frysning", "genindtastning"):
        one(("projekt", "frysning", "genindtastning", i, "rolle"), R)
    for i, _ in _items(d, "go_no_go", "kriterier"):
        many(("go_no_go", "kriterier", i, "arbejdspakker"), ("arbejdspakker",))
        many(("go_no_go", "kriterier", i, "kategorier"), C)
        many(("go_no_go", "kriterier", i, "aktiviteter"), ("aktiviteter",))
    one(("overgang", "ansvarlig"), R)
    for part in ("go_no_go_moede", "underretninger", "betalinger", "danmarks_statistik", "laeseadgang", "arkivering"):
        one(("overgang", part, "ansvarlig"), R)
    for i, _ in _items(d, "overgang", "trin"):
        one(("overgang", "trin", i, "ansvarlig"), R)
    for i, _ in _items(d, "efter_go_live", "frister"):
        one(("efter_go_live", "frister", i, "rolle"), R)
        one(("efter_go_live", "frister", i, "kategori"), C)
    for part in ("underretninger_under_vurdering", "afdaekninger"):
        one(("omfang", part, "kategori"), C)
    many(("omfang", "raekkefoelge"), C)
    scores = _get(d, "konverteringsform", "vurdering")
    if isinstance(scores, dict):
        for option, per in scores.items():
            if str(option) not in ids[OPT]:
                out.append((OPT, ("konverteringsform", "vurdering", option), str(option)))
            if isinstance(per, dict):
                for crit in per:
                    if str(crit) not in ids[K]:
                        out.append((K, ("konverteringsform", "vurdering", option, crit), str(crit)))
    for section, kind in (("feltgrupper", G), ("roller", R)):
        guide = _get(d, "vejledning", section)
        if isinstance(guide, dict):
            for key in guide:
                if str(key) not in ids[kind]:
                    out.append((kind, ("vejledning", section, key), str(key)))
    return out


KINDS = {
    ("roller",): say.KIND_ROLE,
    ("sagskategorier",): say.KIND_CATEGORY,
    ("minimumsoplysninger", "feltgrupper"): say.KIND_GROUP,
    ("milepaele",): say.KIND_MILESTONE,
    ("aktiviteter",): say.KIND_ACTIVITY,
    ("arbejdspakker",): say.KIND_PACKAGE,
    ("konverteringsform", "muligheder"): say.KIND_OPTION,
    ("konverteringsform", "kriterier"): say.KIND_CRITERION,
}


def references(ctx: RawContext) -> None:
    """Ids: each defined once, and every id that is named is defined.

    Works on the raw YAML data, so these errors are reported together with type errors, and before the
    errors that only follow from them (the build skips coverage, load and forecast while they stand).
    One error per cause: a duplicate id names both lines; an unknown id is reported once, where it is
    first written, with "Mente du ...?" and the other lines that name it.
    """
    d = ctx.data
    unknown = _unknown_references(d)
    explained: set[tuple[ListPath, str]] = set()  # unknown ids a duplicate explains (the repeat was meant to be it)
    for path, dups in _duplicates(ctx).items():
        for key, first, repeat in dups:
            first_line = ctx.loaded.locate((*path, first))[0]
            repeat_line = ctx.loaded.locate((*path, repeat))[0]
            text = say.DUPLICATE_ID.format(key=key, first=first_line, repeat=repeat_line)
            missing = sorted({v for kind, _, v in unknown if kind == path} - {k for k, _, _ in dups})
            name = _get(d, *path, repeat, "navn")
            meant = (suggest(str(name), missing) if isinstance(name, str) else None) or (
                missing[0] if len(missing) == 1 else None
            )
            if meant:
                uses = [ctx.loaded.locate(where)[0] for kind, where, v in unknown if kind == path and v == meant]
                text += say.DUPLICATE_MEANT.format(meant=meant, uses=lines_named(uses), repeat=repeat_line)
                explained.add((path, meant))
            ctx.error((*path, repeat, "id"), text)
    fields: dict[str, int] = {}
    for g, group in _items(d, "minimumsoplysninger", "feltgrupper"):
        for f, fld in _items(group, "felter"):
            field_id = fld.get("id")
            where = ("minimumsoplysninger", "feltgrupper", g, "felter", f, "id")
            if not isinstance(field_id, str):
                continue
            if field_id in fields:
                ctx.error(
                    where,
                    say.DUPLICATE_FIELD_ID.format(
                        key=field_id, first=fields[field_id], repeat=ctx.loaded.locate(where)[0]
                    ),
                )
            fields.setdefault(field_id, ctx.loaded.locate(where)[0])

    grouped: dict[tuple[ListPath, str], list[Path]] = {}
    for kind, where, value in unknown:
        if (kind, value) not in explained:
            grouped.setdefault((kind, value), []).append(where)
    for (kind, value), places in grouped.items():
        places.sort(key=lambda p: ctx.loaded.locate(p))
        known = sorted(_known(d, kind))
        section = ".".join(kind)
        meant = suggest(value, known)
        if kind == ("milepaele",) and value in MILESTONE_SOURCES:
            # A date the plan states elsewhere is missing: the reference is right, the date is what to write.
            # Reported after the type errors (a missing projekt.go_live is named first).
            text = say.DERIVED_SOURCE_MISSING.format(value=value, source=MILESTONE_SOURCES[value])
            if len(places) > 1:
                text += say.ALSO_IN_LINES.format(
                    value=value, lines=lines_named([ctx.loaded.locate(p)[0] for p in places[1:]])
                )
                text += "."
            ctx.follows.append(Message(ctx.loaded.file, *ctx.loaded.locate(places[0]), key_path(d, places[0]), text))
            continue
        if meant:
            defined = next(
                (ctx.loaded.locate((*kind, i))[0] for i, item in _items(d, *kind) if str(item.get("id")) == meant), 0
            )
            text = say.UNKNOWN_ID_MEANT.format(kind=KINDS[kind], value=value, meant=meant, defined=defined)
        else:
            text = say.UNKNOWN_ID.format(
                kind=KINDS[kind], value=value, known=known_ids(value, set(known)), section=section
            )
        if len(places) > 1:
            others = [ctx.loaded.locate(p)[0] for p in places[1:]]
            text += say.ALSO_IN_LINES.format(value=value, lines=lines_named(others))
            text += say.ALSO_FIX_ALL.format(defined=defined, value=value) if meant else "."
        ctx.error(places[0], text)


def derived_milestones(ctx: RawContext) -> None:
    """A date the plan states elsewhere must not be typed again as a milestone: the two would drift apart."""
    for i, item in _items(ctx.data, "milepaele"):
        key = item.get("id")
        if isinstance(key, str) and key in MILESTONE_SOURCES:
            ctx.error(("milepaele", i, "id"), say.DERIVED_MILESTONE.format(key=key, source=MILESTONE_SOURCES[key]))


RAW_RULES = [references, derived_milestones]
