"""A synthetic plan, N times the size of the example plan, that is always valid.

The plan is *derived from the example plan's data* (loaded with ``generator.io.yaml_loader``),
not written by hand, so it follows the model as the example grows.  Scaling by a factor N
models a bigger municipality: N times Korsbæk's cases, people and training sessions, organised in
``units(N) = min(N, max(1, round(N * 9 / 50)))`` organisational units (enheder).  The formula is
anchored on Copenhagen, about 50 times Korsbæk (900 caseworkers, thousands of cases, hundreds of
sessions) in 9 units: factor 1-2 gives 1 unit (factor 1 is exactly the example plan), 10 gives 2,
50 gives 9.  The factor is split over the units as whole multipliers ``m_k`` (``divmod(N, units)``:
50 = 6+6+6+6+6+5+5+5+5), so that every total is exactly N times the example's:

* Per unit, copies of: case categories, roles (with their people), field groups (with their
  fields), work packages, training sessions, absences, and the guide's entries for field groups
  and roles.  Unit 1 keeps the example's ids; unit k gets the suffix ``_e{k}`` on every ``id``
  inside the copy and ``(enhed k)`` on its name/title.  Every cross-reference inside a copy
  (``rolle``, ``ansvarlig``, ``maalgruppe``, ``kategorier``, ``feltgrupper``, the keys of
  ``vejledning.feltgrupper``/``roller``, trainers named after a role's people) is renamed to the
  same unit's copy.  A reference key this module does not know keeps pointing at unit 1, which
  exists, so the plan stays valid when the model grows; only the realism suffers.
* Inside unit k, counts are multiplied by ``m_k``: each category's cases (``antal``), each role's
  headcount (``antal``) and the people away in each absence (``personer``).  Cases and people grow
  together, so the hours per person and per week stay the example's and every work package stays
  feasible.  Each training session is held ``m_k`` times (hold 1 keeps the id, hold h gets the
  suffix ``_h{h}`` and ``(hold h)`` in its title), each with the example's seats and participants,
  in the same week as the original on a working day at or before it (so the week's load per person
  is the example's), taught in turn by the unit's super users.
* A field that applies to "all converted categories" gets an explicit ``kategorier`` list with its
  own unit's converted categories, so that U units do not make U x U field/category pairs.
* Everything else is shared: the municipality, the decision, milestones, activities, the vendor
  offer, the glossary.  First follow-ups per month are multiplied by N (they must add up to the
  converted cases).  The vendor offer's internal check (``intern_indsats``, minutes per automatic case
  for a role) is divided by N / m_1, so that unit 1's roles check all units' cases in the example's
  hours per person.
* Weeks: the preparation before go-live is stretched by ``weeks_factor`` (default round(sqrt(N)):
  factor 50 ~ Copenhagen, whose unit-by-unit roll-out took about a year, not 50 times Korsbæk's 16
  weeks).  A date w weeks before go-live's week moves to w * weeks_factor weeks before it, keeping its
  weekday, so the order of the plan's dates holds as before (all units keep unit 1's dates: moving a
  unit's dates apart would flip relations with shared dates in the same week).  A period (``fra`` and
  ``til``) keeps its length: the plan gets longer, each piece of work does not, so the work per day
  and per role stays the example's while the calendar grows.  A date that
  lands in a week with a Danish public holiday or a municipal day off moves whole weeks earlier (less
  than ``weeks_factor``, so it stays in its own gap), or else to the working day before.  Dates on
  or after go-live are left alone.  The municipal special days are repeated for every year the
  stretched plan covers.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import math
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plan.yaml"

# Lists whose items are copied once per unit (path from the root of plan.yaml) and the kind of id
# their items define.
UNIT_LISTS: dict[tuple[str, ...], str | None] = {
    ("sagskategorier",): "kategori",
    ("roller",): "rolle",
    ("minimumsoplysninger", "feltgrupper"): "feltgruppe",
    ("arbejdspakker",): "arbejdspakke",
    ("undervisning", "sessioner"): "hold",
    ("kalender", "fravaer"): None,
}
# Mappings keyed by an id, copied once per unit.
UNIT_MAPS: dict[tuple[str, ...], str] = {
    ("vejledning", "feltgrupper"): "feltgruppe",
    ("vejledning", "roller"): "rolle",
}
# Keys whose value (a string or a list of strings) names an id of the given kind.
REF_KEYS: dict[str, str] = {
    "rolle": "rolle",
    "roller": "rolle",
    "ansvarlig": "rolle",
    "maalgruppe": "rolle",
    "kategorier": "kategori",
    "feltgrupper": "feltgruppe",
    "arbejdspakker": "arbejdspakke",
    "hold": "hold",
    "alle_sager_i": "kategori",
}
NAME_KEYS = ("navn", "titel", "flertal")


def load_example(path: Path = EXAMPLE) -> dict:
    from konverteringsplan.io.yaml_loader import load_yaml

    return load_yaml(path).data


def default_weeks_factor(factor: int) -> int:
    return max(1, round(math.sqrt(factor)))


def units(factor: int) -> int:
    """Organisational units for scale factor N: Copenhagen (N = 50) has 9."""
    return min(factor, max(1, round(factor * 9 / 50)))


def unit_multipliers(factor: int) -> list[int]:
    """How many times the example each unit is: whole numbers, largest first, summing to `factor`."""
    n = units(factor)
    q, r = divmod(factor, n)
    return [q + 1] * r + [q] * (n - r)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _converted_categories(data: dict) -> list[str]:
    """Ids of the categories that are converted, as the model sees them."""
    from konverteringsplan.io.load import plan_from_yaml
    from konverteringsplan.io.yaml_loader import load_yaml_text

    plan = plan_from_yaml(load_yaml_text(dump(data), "plan.yaml"))
    return [c.id for c in plan.categories if c.converted]


class _Unit:
    """Renames ids, references and people for unit k."""

    def __init__(self, k: int, ids: dict[str, set[str]], people: set[str], multiplier: int = 1):
        self.k = k
        self.ids = ids
        self.people = people
        self.multiplier = multiplier

    @property
    def suffix(self) -> str:
        return "" if self.k == 1 else f"_e{self.k}"

    def ref(self, kind: str, value: Any) -> Any:
        if isinstance(value, str) and value in self.ids.get(kind, ()):
            return value + self.suffix
        return value

    def person(self, name: str) -> str:
        return name if self.k == 1 else f"{name} (enhed {self.k})"

    def rewrite(self, node: Any, top: bool = False) -> Any:
        if self.k == 1:
            return copy.deepcopy(node)
        if isinstance(node, list):
            return [self.rewrite(v) for v in node]
        if not isinstance(node, dict):
            return self.person(node) if isinstance(node, str) and node in self.people else node
        out = {}
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                out[key] = value + self.suffix
            elif key in REF_KEYS and (
                isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            ):
                kind = REF_KEYS[key]
                out[key] = [self.ref(kind, v) for v in value] if isinstance(value, list) else self.ref(kind, value)
            elif key == "personer" and isinstance(value, list):
                out[key] = [self.person(v) if isinstance(v, str) else v for v in value]
            elif top and key in NAME_KEYS and isinstance(value, str):
                out[key] = f"{value} (enhed {self.k})"
            else:
                out[key] = self.rewrite(value)
        return out


# ---------------------------------------------------------------------------------------------
# Weeks
# ---------------------------------------------------------------------------------------------


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


class _Weeks:
    def __init__(self, go_live: dt.date, stretch: int, days_off: set[dt.date]):
        self.go_live = go_live
        self.anchor = _monday(go_live)
        self.stretch = stretch
        self.days_off = days_off

    def _off_in_weeks(self, first: dt.date, last: dt.date) -> int:
        monday, n = _monday(first), 0
        while monday <= last:
            n += sum(monday + dt.timedelta(days=i) in self.days_off for i in range(5))
            monday += dt.timedelta(days=7)
        return n

    def move(self, d: dt.date) -> dt.date:
        if d >= self.go_live or isinstance(d, dt.datetime):
            return d
        weeks = (self.anchor - _monday(d)).days // 7
        if weeks <= 0:
            return d  # in go-live's own week
        new = self.anchor - dt.timedelta(weeks=weeks * self.stretch) + dt.timedelta(days=d.weekday())
        # Prefer a week with no day off (capacity as in the example): move whole weeks earlier, but
        # fewer than `stretch`, so the date never passes a date that was in an earlier week.  The shift
        # depends on the week only, so dates in the same week keep their order.
        best = min(
            range(self.stretch),
            key=lambda shift: (
                self._off_in_weeks(new - dt.timedelta(weeks=shift), new - dt.timedelta(weeks=shift)),
                shift,
            ),
        )
        new -= dt.timedelta(weeks=best)
        while new.weekday() >= 5 or new in self.days_off:
            new -= dt.timedelta(days=1)
        return new

    def apply(self, node: Any) -> Any:
        if isinstance(node, dt.date):
            return self.move(node)
        if isinstance(node, list):
            return [self.apply(v) for v in node]
        if not isinstance(node, dict):
            return node
        out = {key: self.apply(v) for key, v in node.items()}
        start, end = node.get("fra"), node.get("til")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start <= end < self.go_live:
            # A period keeps its length: the plan gets longer, not each piece of work.
            out["fra"] = self.move(start)
            new_end = out["fra"] + (end - start)
            while new_end > out["fra"] and (new_end.weekday() >= 5 or new_end in self.days_off):
                new_end -= dt.timedelta(days=1)
            out["til"] = new_end
        return out


def _days_off(data: dict, years: range) -> set[dt.date]:
    import holidays

    off = set(holidays.Denmark(years=list(years)))
    for day in _get(data, ("kalender", "saerlige_dage")) or []:
        if isinstance(day, dict) and isinstance(day.get("dato"), dt.date):
            for y in years:
                with contextlib.suppress(ValueError):
                    off.add(day["dato"].replace(year=y))
    return off


def _repeat_special_days(data: dict, first: dt.date, last: dt.date) -> None:
    days = _get(data, ("kalender", "saerlige_dage"))
    if not isinstance(days, list):
        return
    have = {d["dato"] for d in days if isinstance(d, dict) and isinstance(d.get("dato"), dt.date)}
    extra = []
    for day in days:
        if not (isinstance(day, dict) and isinstance(day.get("dato"), dt.date)):
            continue
        for y in range(first.year, last.year + 1):
            try:
                d = day["dato"].replace(year=y)
            except ValueError:
                continue
            if first <= d <= last and d not in have:
                have.add(d)
                extra.append({**day, "dato": d})
    days.extend(extra)
    days.sort(key=lambda d: d["dato"] if isinstance(d, dict) and isinstance(d.get("dato"), dt.date) else dt.date.min)


def _all_dates(node: Any):
    if isinstance(node, dt.date):
        yield node
    elif isinstance(node, list):
        for v in node:
            yield from _all_dates(v)
    elif isinstance(node, dict):
        for v in node.values():
            yield from _all_dates(v)


# ---------------------------------------------------------------------------------------------
# Counts inside a unit
# ---------------------------------------------------------------------------------------------

# The count in each unit-list item that grows with the unit's multiplier.
SCALED_COUNTS: dict[tuple[str, ...], str] = {
    ("sagskategorier",): "antal",  # cases
    ("roller",): "antal",  # headcount
    ("kalender", "fravaer"): "personer",  # people away
}


def _multiply(item: Any, key: str | None, m: int) -> Any:
    if key and isinstance(item, dict) and isinstance(item.get(key), int) and not isinstance(item[key], bool):
        item[key] = item[key] * m
    return item


def _hold_days(day: dt.date, weeks: _Weeks, earliest: dt.date | None) -> list[dt.date]:
    """Working days for the holds of one session: its own date, then the earlier days of its week, then
    the later ones (the week's load per person stays the example's)."""
    monday = _monday(day)
    week = [monday + dt.timedelta(days=i) for i in range(5)]
    ok = [
        d
        for d in week
        if d != day and d not in weeks.days_off and d < weeks.go_live and (earliest is None or d >= earliest)
    ]
    return [day] + sorted((d for d in ok if d < day), reverse=True) + [d for d in ok if d > day]


def _holds(session: Any, u: _Unit, trainers: list[str], weeks: _Weeks, access: Any) -> list[Any]:
    """A unit's session held `u.multiplier` times: same seats and participants, days in its week."""
    if not isinstance(session, dict) or u.multiplier == 1:
        return [session]
    day = session.get("dato")
    earliest = access if session.get("konvertering") and isinstance(access, dt.date) else None
    days = _hold_days(day, weeks, earliest) if isinstance(day, dt.date) and day < weeks.go_live else [day]
    trainer = session.get("underviser")
    first = trainers.index(trainer) if trainer in trainers else None
    out = [session]
    for h in range(2, u.multiplier + 1):
        hold = copy.deepcopy(session)
        if isinstance(hold.get("id"), str):
            hold["id"] = f"{hold['id']}_h{h}"
        for key in NAME_KEYS:
            if isinstance(hold.get(key), str):
                hold[key] = f"{hold[key]} (hold {h})"
        hold["dato"] = days[(h - 1) % len(days)]
        if first is not None:
            hold["underviser"] = trainers[(first + h - 1) % len(trainers)]
        out.append(hold)
    return out


# ---------------------------------------------------------------------------------------------
# The synthetic plan
# ---------------------------------------------------------------------------------------------


def synthetic_plan(factor: int, weeks_factor: int | None = None, base: dict | None = None) -> dict:
    """The example plan scaled by `factor` (as plain data, ready to dump as YAML)."""
    if factor < 1:
        raise ValueError("factor must be >= 1")
    base = copy.deepcopy(base if base is not None else load_example())
    stretch = weeks_factor or default_weeks_factor(factor)
    if factor == 1 and stretch == 1:
        return base

    ids: dict[str, set[str]] = {}
    for path, kind in UNIT_LISTS.items():
        if kind:
            items = _get(base, path) or []
            ids[kind] = {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
    people = {
        p
        for r in _get(base, ("roller",)) or []
        if isinstance(r, dict)
        for p in r.get("personer") or []
        if isinstance(p, str)
    }
    converted = _converted_categories(base)

    # A field without categories applies to all converted categories: pin it to its own unit's.
    for group in _get(base, ("minimumsoplysninger", "feltgrupper")) or []:
        for fld in group.get("felter") or [] if isinstance(group, dict) else []:
            if isinstance(fld, dict) and fld.get("kategorier") is None:
                fld["kategorier"] = list(converted)

    go_live = _get(base, ("projekt", "go_live"))
    earliest = min(_all_dates(base), default=go_live)
    span = ((_monday(go_live) - _monday(earliest)).days // 7 + 1) * stretch + stretch
    first_year = (go_live - dt.timedelta(weeks=span)).year
    weeks = _Weeks(go_live, stretch, _days_off(base, range(first_year, go_live.year + 1)))

    out = {key: weeks.apply(value) for key, value in base.items()}
    calendar = _get(base, ("kalender",))
    if isinstance(calendar, dict) and "saerlige_dage" in calendar:  # fixed dates: never moved
        out["kalender"]["saerlige_dage"] = copy.deepcopy(calendar["saerlige_dage"])
    multipliers = unit_multipliers(factor)
    unit_list = [_Unit(k, ids, people, m) for k, m in enumerate(multipliers, start=1)]
    trainers = [
        p
        for r in _get(base, ("roller",)) or []
        if isinstance(r, dict) and r.get("superbruger") is True
        for p in r.get("personer") or []
        if isinstance(p, str)
    ]
    access = _get(out, ("projekt", "adgang_til_dubu"))
    for path in UNIT_LISTS:
        items = _get(base, path)
        if not isinstance(items, list):
            continue
        scaled = []
        for u in unit_list:
            for item in items:
                copy_ = weeks.apply(u.rewrite(item, top=True))
                if path == ("undervisning", "sessioner"):
                    scaled += _holds(copy_, u, [u.person(t) for t in trainers], weeks, access)
                else:
                    scaled.append(_multiply(copy_, SCALED_COUNTS.get(path), u.multiplier))
        _get(out, path[:-1])[path[-1]] = scaled
    for path in UNIT_MAPS:
        mapping = _get(base, path)
        if not isinstance(mapping, dict):
            continue
        kind = UNIT_MAPS[path]
        scaled = {}
        for u in unit_list:
            for key, value in mapping.items():
                scaled[u.ref(kind, key)] = weeks.apply(u.rewrite(value))
        _get(out, path[:-1])[path[-1]] = scaled

    # The vendor's cases are checked per role, for all automatic cases of all units; the model has no
    # per-unit check, so unit 1's roles (m_1 times the example's people) would carry N / m_1 times the
    # example's hours per person. Keep them at the example's.
    for effort in _get(out, ("leverandoertilbud", "intern_indsats")) or []:
        if isinstance(effort, dict) and isinstance(effort.get("minutter_pr_sag"), (int, float)):
            effort["minutter_pr_sag"] = round(effort["minutter_pr_sag"] * multipliers[0] / factor, 4)

    follow_ups = out.get("foerste_opfoelgninger")
    if isinstance(follow_ups, dict):
        out["foerste_opfoelgninger"] = {m: n * factor if isinstance(n, int) else n for m, n in follow_ups.items()}

    # Go-live: the open cases of all units, each once; the counting order names every unit's categories; the
    # deadlines after go-live are copied per unit with its categories and roles (first follow-ups, read from
    # foerste_opfoelgninger for all units, stay one entry on unit 1's role).
    scope = out.get("omfang")
    if isinstance(scope, dict):
        if isinstance(scope.get("aabne_sager_i_alt"), int):
            scope["aabne_sager_i_alt"] *= factor
        if isinstance(scope.get("raekkefoelge"), list):
            scope["raekkefoelge"] = [u.ref("kategori", c) for c in scope["raekkefoelge"] for u in unit_list]
    deadlines = _get(out, ("efter_go_live", "frister"))
    if isinstance(deadlines, list):
        per_unit = []
        for u in unit_list:
            for item in deadlines:
                if not isinstance(item, dict) or (item.get("frist") == "foerste_opfoelgning" and u.k > 1):
                    continue
                entry = u.rewrite(item)
                entry["kategori"] = u.ref("kategori", entry.get("kategori"))
                if entry["kategori"] is None:
                    del entry["kategori"]
                if isinstance(entry.get("antal"), dict):
                    entry["antal"] = {m: n * u.multiplier for m, n in entry["antal"].items() if isinstance(n, int)}
                per_unit.append(entry)
        out["efter_go_live"]["frister"] = per_unit

    # The freeze is the last weeks before go-live whatever the plan's length; go-live never moves, so the
    # freeze keeps the example's dates (the stretch above moved them with the weeks before go-live).
    freeze, old_freeze = _get(out, ("projekt", "frysning")), _get(base, ("projekt", "frysning"))
    if (
        isinstance(freeze, dict)
        and isinstance(old_freeze, dict)
        and all(isinstance(old_freeze.get(k), dt.date) for k in ("fra", "til"))
    ):
        freeze["fra"], freeze["til"] = old_freeze["fra"], old_freeze["til"]

    # A price criterion's points must follow the computed costs, which change with the factor: give every
    # option the chosen option's points there (equal points never contradict a cost ranking).
    conversion = out.get("konverteringsform")
    if isinstance(conversion, dict) and isinstance(conversion.get("vurdering"), dict):
        chosen = _get(conversion, ("beslutning", "valgt"))
        for crit in conversion.get("kriterier") or []:
            if isinstance(crit, dict) and crit.get("pris") is True:
                scores = conversion["vurdering"]
                same = _get(scores, (chosen, crit.get("id")))
                for per in scores.values():
                    if isinstance(per, dict) and crit.get("id") in per and same is not None:
                        per[crit["id"]] = same

    moved = list(_all_dates(out))
    if moved:
        _repeat_special_days(out, min(moved), max(d for d in moved if d <= go_live))
    return out


class _Dumper(yaml.SafeDumper):
    """Writes every value out in full: no &anchors and *aliases for dates shared between copies."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: dict, factor: int | None = None) -> str:
    head = "# yaml-language-server: $schema=./plan.schema.json\n"
    if factor is not None:
        head += f"# Syntetisk plan til benchmark: eksempelplanen skaleret med faktor {factor} (bench/synthetic.py).\n"
    return head + yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None
    )


def write_plan(path: Path, factor: int, weeks_factor: int | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(synthetic_plan(factor, weeks_factor), factor), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m bench.synthetic", description="Write a synthetic plan N times the example."
    )
    p.add_argument("factor", type=int)
    p.add_argument("--out", required=True)
    p.add_argument("--weeks-factor", type=int, default=None)
    a = p.parse_args(argv)
    write_plan(Path(a.out), a.factor, a.weeks_factor)
    print(f"Skrev {a.out} (faktor {a.factor}).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
