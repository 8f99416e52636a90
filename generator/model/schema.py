"""JSON Schema for editors (completion and hover help in plan.yaml), generated from the model."""

from __future__ import annotations

import json

from pydantic import BaseModel

from . import Plan
from .progress import Progress

SCHEMA_FILE = "plan.schema.json"
PROGRESS_SCHEMA_FILE = "fremdrift.schema.json"


def _schema_text(model: type[BaseModel], title: str) -> str:
    s = model.model_json_schema(by_alias=True, mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = title
    return json.dumps(s, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_text() -> str:
    return _schema_text(Plan, "Konverteringsplan (plan.yaml)")


def progress_schema_text() -> str:
    return _schema_text(Progress, "Fremdrift (fremdrift.yaml)")
