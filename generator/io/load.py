"""Load plan.yaml into a typed Plan; every problem becomes a line-numbered Danish message."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel, ValidationError

from ..messages import ERROR, Message, PlanError, display_name
from ..model import Plan
from ..slug import ascii_slug
from .yaml_loader import LoadedYaml, load_yaml, load_yaml_text


def load_plan(path: Path | str) -> tuple[Plan, LoadedYaml]:
    """Read and type-check a plan file. Raises PlanError with every message at once."""
    loaded = load_yaml(path)
    return plan_from_yaml(loaded), loaded


def load_plan_text(text: str | bytes, file: str = "plan.yaml") -> tuple[Plan, LoadedYaml]:
    loaded = load_yaml_text(text, file)
    return plan_from_yaml(loaded), loaded


def plan_from_yaml(loaded: LoadedYaml) -> Plan:
    try:
        return Plan.model_validate(loaded.data)
    except ValidationError as exc:
        raise PlanError([_message(loaded, err) for err in exc.errors(include_url=False)]) from None


# --- key paths -------------------------------------------------------------------------------


def key_path(data: Any, loc: tuple[Any, ...]) -> str:
    """A readable key path: list items are named by their id when they have one, else 1-based."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else part + 1
            out += f"[{label}]"
            node = item
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


# --- model introspection for "mente du …?" ----------------------------------------------------


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated/list/dict down to a model class, if there is one."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return tp


def _model_at(loc: tuple[Any, ...], root: type[BaseModel] = Plan) -> type[BaseModel] | None:
    """The model class whose keys are allowed at `loc` (the parent of an unknown key)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            match = [f for f in current.model_fields.values() if f.alias == part]
            if not match:
                return None
            current = match[0].annotation
        elif origin is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def allowed_keys(loc: tuple[Any, ...], root: type[BaseModel] = Plan) -> list[str]:
    model = _model_at(loc, root)
    return [f.alias for f in model.model_fields.values() if f.alias] if model else []


def _field_help(loc: tuple[Any, ...], root: type[BaseModel] = Plan) -> str:
    model = _model_at(loc[:-1], root)
    if model is None:
        return ""
    for f in model.model_fields.values():
        if f.alias == loc[-1] and f.description:
            return f.description
    return ""


# --- Danish messages for pydantic's error types ------------------------------------------------

_PATTERN_HELP = {
    r"^[a-z0-9][a-z0-9_\-]*$": "må kun indeholde små bogstaver a-z, tal, _ og - (skriv ae, oe og aa i stedet for æ, ø og å)",
    r"^\d{8}$": "skal være præcis 8 cifre",
}


def _bound(value: Any) -> str:
    """A limit as the user writes it: 2100-12-31, 1.000.000."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    return str(value)


def _show(value: Any) -> str:
    if isinstance(value, (dt.date, dt.time)):
        return f'"{value.isoformat()}"'
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "…"


def _meant(value: Any, options: list[str]) -> str | None:
    """The allowed value the user most likely meant: æ/ø/å folded (fuldført -> fuldfoert), then the closest."""
    if not isinstance(value, str):
        return None
    folded = ascii_slug(value).replace("-", "_")
    if folded in options:
        return folded
    close = difflib.get_close_matches(folded, options, n=1, cutoff=0.6)
    return close[0] if close else None


def danish_text(err: dict[str, Any], root: type[BaseModel] = Plan) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    value = err.get("input")
    got = f" Du har skrevet {_show(value)}." if not isinstance(value, (dict, list)) else ""
    if kind == "dansk":  # a model's own check, already in Danish (PydanticCustomError("dansk", ...))
        return err["msg"]
    if kind == "missing":
        hint = _field_help(loc, root)
        return f'mangler. Tilføj nøglen "{loc[-1]}"' + (f" ({hint.rstrip('.')})." if hint else ".")
    if kind == "extra_forbidden":
        allowed = allowed_keys(loc[:-1], root)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        if close:
            return f'ukendt nøgle "{loc[-1]}". Mente du "{close[0]}"?'
        return f'ukendt nøgle "{loc[-1]}". Tilladte nøgler her: {", ".join(allowed)}.'
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"skal være et helt tal, fx 12.{got}"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing") and isinstance(value, str) \
            and re.fullmatch(r"\s*-?\d+,\d+\s*", value):
        dotted = value.strip().replace(",", ".")
        whole = "et helt tal, fx 12" if kind.startswith("int") else "et tal"
        return (f"skal være {whole}. Du har skrevet \"{value.strip()}\" med komma; i planen er decimaltegnet "
                f"punktum: skriv {dotted}.")
    if kind in ("float_type", "float_parsing"):
        return f"skal være et tal (brug punktum som decimaltegn, fx 7.5).{got}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-03-01.{got}"
    if kind.startswith("time"):
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            # YAML 1.1 reads an unquoted 13:00 as the number 780 (base 60)
            clock = f"{value // 60:02d}:{value % 60:02d}"
            return (f'skal være et klokkeslæt i anførselstegn: skriv "{clock}". Uden anførselstegn læses '
                    f"{value // 60}:{value % 60:02d} som tallet {value}.")
        return f'skal være et klokkeslæt i anførselstegn, fx "09:00".{got}'
    if kind.startswith("bool"):
        return f"skal være true (ja) eller false (nej).{got}"
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
        (k, v), = value.items()
        return (f'skal være en tekst, men teksten indeholder kolon og mellemrum (": "), så den læses som '
                f'"nøgle: værdi". Sæt hele teksten i anførselstegn: "{k}: {v}".')
    if kind == "string_type":
        return f"skal være en tekst.{got}"
    if kind == "string_too_short":
        return "må ikke være tom. Skriv en tekst."
    if kind == "string_too_long":
        return f"er for lang; højst {ctx.get('max_length')} tegn."
    if kind == "string_pattern_mismatch":
        return f"{_PATTERN_HELP.get(ctx.get('pattern'), 'har et ugyldigt format')}.{got}"
    if kind == "enum":
        expected = ctx.get("expected", "").replace(" or ", ", ")
        options = [o.strip().strip("'") for o in expected.split(",")]
        meant = _meant(value, options)
        return f"skal være en af: {expected}.{got}" + (f' Mente du "{meant}"?' if meant else "")
    if kind == "literal_error":
        return f"skal være en af: {ctx.get('expected', '')}.{got}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": ("ge", "mindst"), "greater_than": ("gt", "større end"),
                 "less_than_equal": ("le", "højst"), "less_than": ("lt", "mindre end")}[kind]
        return f"skal være {words[1]} {_bound(ctx.get(words[0]))}.{got}"
    if kind == "finite_number":
        return f"skal være et almindeligt tal (ikke uendelig eller nan).{got}"
    if kind == "too_short":
        return f"skal have mindst {ctx.get('min_length')} punkt(er). Tilføj et punkt."
    if kind == "list_type":
        return "skal være en liste (punkter, der hver begynder med '- ')."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "skal være en samling af nøgler (nøgle: værdi), ikke en enkelt værdi eller liste."
    if kind.startswith("url"):
        return f"skal være en webadresse, der begynder med https://.{got}"
    return f"er ugyldig: {err.get('msg', '')}.{got}"


def _message(loaded: LoadedYaml, err: dict[str, Any], root: type[BaseModel] = Plan) -> Message:
    loc = tuple(err["loc"])
    # Errors raised inside a union or a typed dict carry extra loc parts naming the type; drop them.
    loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("function-after",))))
    if err["type"] == "missing":
        line, col = loaded.locate(loc[:-1])
    else:
        line, col = loaded.locate(loc)
    return Message(loaded.file, line, col, key_path(loaded.data, loc), danish_text(err, root), ERROR)
