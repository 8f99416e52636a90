"""`python -m generator new DIR --kommune NAME`: start a plan for another municipality.

Copies the example plan (with the municipality's name, status "ikke_startet" and no recorded
decision), mkdocs.yml and the hand-written pages. An existing file is never overwritten.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE_NAME = "Korsbæk Kommune"
FILES = ["plan.yaml", "mkdocs.yml", "docs/saadan-redigerer-du-planen.md"]


def _plan_text(name: str) -> str:
    text = (ROOT / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace(EXAMPLE_NAME, name)
    text = re.sub(r"(?m)^(  status: )\w+$", r"\1ikke_startet", text, count=1)
    text = re.sub(r"(?m)^(  cvr: ).*$", r'\1"00000000"  # ret til kommunens CVR-nummer', text, count=1)
    return text


def new_project(target: Path, name: str) -> int:
    name = " ".join(name.split())
    if not name:
        print("Skriv kommunens navn efter --kommune, fx --kommune \"Borgen Kommune\".")
        return 1
    target.mkdir(parents=True, exist_ok=True)
    made, kept = [], []
    for rel in FILES:
        dest = target / rel
        if dest.exists():
            kept.append(rel)
            continue
        source = ROOT / rel
        if not source.exists():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        data = _plan_text(name) if rel == "plan.yaml" else source.read_text(encoding="utf-8")
        schema = ROOT / "plan.schema.json"
        if rel == "plan.yaml" and schema.exists() and not (target / "plan.schema.json").exists():
            (target / "plan.schema.json").write_text(schema.read_text(encoding="utf-8"), encoding="utf-8")
            made.append("plan.schema.json")
        with dest.open("x", encoding="utf-8") as fh:  # "x": fails rather than overwrite
            fh.write(data)
        made.append(rel)
    for rel in made:
        print(f"Oprettet: {target / rel}")
    for rel in kept:
        print(f"Findes allerede, ikke ændret: {target / rel}")
    print(f"Ret tallene i {target / 'plan.yaml'} til {name}s egne, og kør: python -m generator validate "
          f"{target / 'plan.yaml'}")
    return 0
