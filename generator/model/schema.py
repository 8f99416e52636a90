"""JSON Schema for editors (completion and hover help in plan.yaml), generated from the model."""

from __future__ import annotations

import json

from . import Plan

SCHEMA_FILE = "plan.schema.json"


def schema() -> dict:
    s = Plan.model_json_schema(by_alias=True, mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "Konverteringsplan (plan.yaml)"
    return s


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
