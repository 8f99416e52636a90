"""JSON Schema for editors (completion and hover help in plan.yaml), generated from the model."""

from __future__ import annotations

import json
from typing import Any

from . import Plan
from .progress import Progress

SCHEMA_FILE = "plan.schema.json"


def schema() -> dict[str, Any]:
    s = Plan.model_json_schema(by_alias=True, mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "Konverteringsplan (plan.yaml)"
    return s


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


PROGRESS_SCHEMA_FILE = "fremdrift.schema.json"


def progress_schema() -> dict[str, Any]:
    s = Progress.model_json_schema(by_alias=True, mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "Fremdrift (fremdrift.yaml)"
    return s


def progress_schema_text() -> str:
    return json.dumps(progress_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
