"""Small plans for the planning-engine tests: few enough numbers to work the results out by hand.

The base plan (go-live Monday 1 March 2027):
- categories: A (100 open cases, route automatisk), M (40 open cases, route manuel);
- field group "basis" (student assistant, at go-live): f1 6 min, vendor covers it; f2 12 min by hand;
- field group "indsats" (caseworker, at go-live): f3 30 min, vendor covers it; f4 15 min, only category M;
- field group "jura" (caseworker, at the first follow-up): f5 20 min;
- roles: student 2 × 10 h/week at 150 kr./h, caseworker 4 × 5 h/week at 400 kr./h;
- vendor: 10.000 kr. fixed + 50 kr. per case, delivered 12 February 2027; own check 6 min per case
  by the caseworker.
"""

from __future__ import annotations

import copy
from typing import Any

from konverteringsplan.io.load import load_plan_text
from konverteringsplan.model import Plan

BASE: dict[str, Any] = {
    "kommune": {"navn": "Testrup Kommune", "gammelt_system": "SBSYS"},
    "klik_opgave": {
        "titel": "Planlæg konvertering af sager",
        "projekt": "DUBU 3.0",
        "fase": "Fase 2",
        "tema": "Ud- og indfasning",
        "status": "i_gang",
    },
    "projekt": {"go_live": "2027-03-01"},
    "sagskategorier": [
        {
            "id": "a",
            "navn": "Kategori A",
            "status": "aaben",
            "omraade": "Forebyggelse",
            "antal": 100,
            "rute": "automatisk",
        },
        {"id": "m", "navn": "Kategori M", "status": "aaben", "omraade": "Anbringelse", "antal": 40, "rute": "manuel"},
    ],
    "minimumsoplysninger": {
        "feltgrupper": [
            {
                "id": "basis",
                "navn": "Basis",
                "rolle": "student",
                "tidspunkt": "go_live",
                "felter": [
                    {"id": "f1", "navn": "Felt et", "behov": ["sagsbehandler"], "minutter": 6, "automatisk": True},
                    {"id": "f2", "navn": "Felt to", "behov": ["sagsbehandler"], "minutter": 12},
                ],
            },
            {
                "id": "indsats",
                "navn": "Indsats",
                "rolle": "sb",
                "tidspunkt": "go_live",
                "felter": [
                    {"id": "f3", "navn": "Felt tre", "behov": ["sagsbehandler"], "minutter": 30, "automatisk": True},
                    {"id": "f4", "navn": "Felt fire", "behov": ["sagsbehandler"], "minutter": 15, "kategorier": ["m"]},
                ],
            },
            {
                "id": "jura",
                "navn": "Jura",
                "rolle": "sb",
                "tidspunkt": "foerste_opfoelgning",
                "felter": [
                    {"id": "f5", "navn": "Felt fem", "behov": ["sagsbehandler"], "minutter": 20},
                ],
            },
        ]
    },
    "roller": [
        {"id": "student", "navn": "Studentermedhjælper", "antal": 2, "timer_pr_uge": 10, "timepris": 150},
        {"id": "sb", "navn": "Sagsbehandler", "antal": 4, "timer_pr_uge": 5, "timepris": 400},
    ],
    "konverteringsform": {
        "muligheder": [
            {"id": "automatisk", "navn": "Automatisk", "type": "automatisk"},
            {"id": "manuel", "navn": "Manuel", "type": "manuel"},
            {"id": "blandet", "navn": "Blandet", "type": "blandet"},
        ],
        "kriterier": [
            {"id": "oekonomi", "navn": "Økonomi", "vaegt": 40},
            {"id": "effektivitet", "navn": "Effektivitet", "vaegt": 30},
            {"id": "datakvalitet", "navn": "Datakvalitet", "vaegt": 30},
        ],
        "vurdering": {
            "automatisk": {"oekonomi": 2, "effektivitet": 5, "datakvalitet": 3},
            "manuel": {"oekonomi": 4, "effektivitet": 2, "datakvalitet": 4},
            "blandet": {"oekonomi": 3, "effektivitet": 4, "datakvalitet": 5},
        },
        "beslutning": {
            "valgt": "blandet",
            "dato": "2026-11-12",
            "besluttet_af": "Styregruppen",
            "begrundelse": "Test.",
        },
    },
    "leverandoertilbud": {
        "leverandoer": "Netcompany",
        "fast_pris": 10000,
        "pris_pr_sag": 50,
        "levering": "2027-02-12",
        "intern_indsats": [{"rolle": "sb", "minutter_pr_sag": 6}],
    },
    "milepaele": [{"id": "go_live", "navn": "Go-live", "dato": "2027-03-01"}],
    "arbejdspakker": [
        {
            "id": "basis_m",
            "navn": "Basis på M",
            "rolle": "student",
            "kategorier": ["m"],
            "feltgrupper": ["basis"],
            "fra": "2027-01-04",
            "til": "2027-01-15",
        },
        {
            "id": "basis_a",
            "navn": "Basis på A",
            "rolle": "student",
            "kategorier": ["a"],
            "feltgrupper": ["basis"],
            "fra": "2027-02-15",
            "til": "2027-02-26",
            "frist": "go_live",
        },
        {
            "id": "indsats",
            "navn": "Indsats",
            "rolle": "sb",
            "kategorier": ["a", "m"],
            "feltgrupper": ["indsats"],
            "fra": "2027-01-18",
            "til": "2027-02-26",
            "frist": "go_live",
        },
        {
            "id": "jura",
            "navn": "Jura",
            "rolle": "sb",
            "kategorier": ["a", "m"],
            "feltgrupper": ["jura"],
            "tidspunkt": "foerste_opfoelgning",
        },
    ],
    "foerste_opfoelgninger": {"2027-03": 84, "2027-04": 56},
}

# a session for the students (Thursday 7 January 2027, 3 hours): 2 participants convert 5 cases of M each (basis)
SESSION = {
    "id": "hold-1",
    "titel": "DUBU for studenter",
    "maalgruppe": ["student"],
    "dato": "2027-01-07",
    "start": "09:00",
    "slut": "12:00",
    "sted": "Rådhuset",
    "underviser": "En superbruger",
    "pladser": 4,
    "deltagere": 2,
    "konvertering": {"sager_pr_deltager": 5, "kategorier": ["m"], "feltgrupper": ["basis"]},
}


def plan_data(**changes: Any) -> dict:
    """A deep copy of BASE; keyword arguments replace top-level sections."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(changes))
    return data


def to_yaml(data: dict) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def make_plan(data: dict | None = None) -> Plan:
    plan, _ = load_plan_text(to_yaml(data if data is not None else plan_data()))
    return plan


def messages(data: dict):
    """Every error and warning the checks report for the plan."""
    from konverteringsplan.rules.validate import check

    plan, loaded = load_plan_text(to_yaml(data))
    return check(plan, loaded)
