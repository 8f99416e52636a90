"""A synthetic plan, N times the size of the example plan, that is always valid.

The plan is *derived from the example plan's data* (loaded with ``generator.yaml_loader``),
not written by hand, so it follows the model as the example grows.  Scaling by a factor N
models a municipality with N organisational units (enheder), each converting a Korsbæk-sized
share of the cases:

* Per unit, copies of: case categories, roles (with their people), field groups (with their
  fields), work packages, training sessions, absences, and the guide's entries for field groups
  and roles.  Unit 1 keeps the example's ids; unit k gets the suffix ``_e{k}`` on every ``id``
  inside the copy and ``(enhed k)`` on its name/title.  Every cross-reference inside a copy
  (``rolle``, ``ansvarlig``, ``maalgruppe``, ``kategorier``, ``feltgrupper``, the keys of
  ``vejledning.feltgrupper``/``roller``, trainers named after a role's people) is renamed to the
  same unit's copy.  A reference key this module does not know keeps pointing at unit 1, which
  exists, so the plan stays valid when the model grows; only the realism suffers.
* A field that applies to "all converted categories" gets an explicit ``kategorier`` list with its
  own unit's converted categories, so that N units do not make N x N field/category pairs.
* Everything else is shared: the municipality, the decision, milestones, activities, the vendor
  offer, the glossary.  First follow-ups per month are multiplied by N (they must add up to the
  converted cases).  The vendor offer's internal check (``intern_indsats``, minutes per automatic case
  for a role) is divided by N, so that unit 1's roles check all units' cases in the example's hours.
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
}
NAME_KEYS = ("navn", "titel")


def load_example(path: Path = EXAMPLE) -> dict:
    from generator.yaml_loader import load_yaml

    return load_yaml(path).data


def default_weeks_factor(factor: int) -> int:
    return max(1, round(math.sqrt(factor)))


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _converted_categories(data: dict) -> list[str]:
    """Ids of the categories that are converted, as the model sees them."""
    from generator.load import plan_from_yaml
    from generator.yaml_loader import load_yaml_text

    plan = plan_from_yaml(load_yaml_text(dump(data), "plan.yaml"))
    return [c.id for c in plan.categories if c.converted]


class _Unit:
    """Renames ids, references and people for unit k."""

    def __init__(self, k: int, ids: dict[str, set[str]], people: set[str]):
        self.k = k
        self.ids = ids
        self.people = people

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
            elif key in REF_KEYS and (isinstance(value, str) or
                                      (isinstance(value, list) and all(isinstance(v, str) for v in value))):
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
        best = min(range(self.stretch), key=lambda shift: (
            self._off_in_weeks(new - dt.timedelta(weeks=shift), new - dt.timedelta(weeks=shift)), shift))
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
                try:
                    off.add(day["dato"].replace(year=y))
                except ValueError:
                    pass
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
    people = {p for r in _get(base, ("roller",)) or [] if isinstance(r, dict)
              for p in r.get("personer") or [] if isinstance(p, str)}
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
    units = [_Unit(k, ids, people) for k in range(1, factor + 1)]
    for path in UNIT_LISTS:
        items = _get(base, path)
        if not isinstance(items, list):
            continue
        scaled = [weeks.apply(u.rewrite(item, top=True)) for u in units for item in items]
        _get(out, path[:-1])[path[-1]] = scaled
    for path in UNIT_MAPS:
        mapping = _get(base, path)
        if not isinstance(mapping, dict):
            continue
        kind = UNIT_MAPS[path]
        scaled = {}
        for u in units:
            for key, value in mapping.items():
                scaled[u.ref(kind, key)] = weeks.apply(u.rewrite(value))
        _get(out, path[:-1])[path[-1]] = scaled

    # The vendor's cases are checked per role, for all automatic cases of all units; the model has no
    # per-unit check, so unit 1's roles would carry N times the example's hours. Keep them at the example's.
    for effort in _get(out, ("leverandoertilbud", "intern_indsats")) or []:
        if isinstance(effort, dict) and isinstance(effort.get("minutter_pr_sag"), (int, float)):
            effort["minutter_pr_sag"] = round(effort["minutter_pr_sag"] / factor, 4)

    follow_ups = out.get("foerste_opfoelgninger")
    if isinstance(follow_ups, dict):
        out["foerste_opfoelgninger"] = {m: n * factor if isinstance(n, int) else n for m, n in follow_ups.items()}

    moved = [d for d in _all_dates(out)]
    if moved:
        _repeat_special_days(out, min(moved), max(d for d in moved if d <= go_live))
    return out


def dump(data: dict, factor: int | None = None) -> str:
    head = "# yaml-language-server: $schema=./plan.schema.json\n"
    if factor is not None:
        head += f"# Syntetisk plan til benchmark: eksempelplanen skaleret med faktor {factor} (bench/synthetic.py).\n"
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None)


def write_plan(path: Path, factor: int, weeks_factor: int | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(synthetic_plan(factor, weeks_factor), factor), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m bench.synthetic", description="Write a synthetic plan N times the example.")
    p.add_argument("factor", type=int)
    p.add_argument("--out", required=True)
    p.add_argument("--weeks-factor", type=int, default=None)
    a = p.parse_args(argv)
    write_plan(Path(a.out), a.factor, a.weeks_factor)
    print(f"Skrev {a.out} (faktor {a.factor}).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
