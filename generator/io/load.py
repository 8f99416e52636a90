"""Load plan.yaml into a typed Plan; every problem becomes a line-numbered Danish message."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..formatting import number
from ..messages import ERROR, Message, PlanError
from ..model import Plan
from ..model.base import EMAIL_PATTERN, PHONE_PATTERN
from ..slug import ascii_slug
from ..texts import validation as say
from .yaml_loader import LoadedYaml, load_yaml, load_yaml_text


def load_plan(path: Path | str) -> tuple[Plan, LoadedYaml]:
    """Read and type-check a plan file. Raises PlanError with every message at once."""
    loaded = load_yaml(path)
    return plan_from_yaml(loaded), loaded


def load_plan_text(text: str | bytes, file: str = "plan.yaml") -> tuple[Plan, LoadedYaml]:
    loaded = load_yaml_text(text, file)
    return plan_from_yaml(loaded), loaded


def plan_from_yaml(loaded: LoadedYaml) -> Plan:
    return validated(loaded, Plan)


M = typing.TypeVar("M", bound=BaseModel)


def validated(loaded: LoadedYaml, root: type[M]) -> M:
    """The file's data as a `root` model; every problem (numbers written with thousands separators first,
    then pydantic's errors elsewhere) is a Danish message at its line. Raises PlanError."""
    written = thousands_messages(loaded, root)
    try:
        model = root.model_validate(loaded.data)
    except ValidationError as exc:
        said = {m.key for m in written}
        rest = [_message(loaded, err, root) for err in exc.errors(include_url=False)]
        raise PlanError([*written, *(m for m in rest if m.key not in said)]) from None
    if written:
        raise PlanError(written)
    return model


# --- numbers with Danish thousands separators ---------------------------------------------------


def _annotation_at(loc: tuple[Any, ...], root: type[BaseModel]) -> Any:
    """The declared type of the value at `loc` (None when `loc` is not a place the model knows)."""
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
    return current


def _plain_types(tp: Any) -> list[Any]:
    """The types a field's type allows, Annotated and Optional taken off: ``Annotated[int, …] | None`` → [int]."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _plain_types(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(tp) if a is not type(None) for t in _plain_types(a)]
    return [tp]


def _is(tp: Any, kinds: type | tuple[type, ...]) -> bool:
    return isinstance(tp, type) and issubclass(tp, kinds) and not issubclass(tp, bool)


def is_number_type(tp: Any) -> bool:
    """Whether a field's type is a number (int or float, also inside Optional or Annotated)."""
    return any(_is(t, (int, float)) for t in _plain_types(tp))


def is_whole_number_type(tp: Any) -> bool:
    """Whether a number field takes whole numbers only (a count, a percentage)."""
    return all(_is(t, int) for t in _plain_types(tp))


def _surely_thousands(written: str) -> bool:
    """In a decimal field, 1.125 may be meant (1,125 hours); 50.000, 1.200, 1.200.000 and 1.200,5 cannot be:
    nobody writes a decimal with a trailing zero, or with two points or a comma."""
    number = written.lstrip("+-")
    return number.count(".") > 1 or "," in number or number.endswith("0")


def plain_number(written: str) -> str:
    """The number as the plan wants it: 50.000 -> 50000, 1.200,5 -> 1200.5."""
    return written.replace(".", "").replace(",", ".")


def thousands_messages(loaded: LoadedYaml, root: type[BaseModel]) -> list[Message]:
    """An error for every number field whose value was typed with thousands separators (50.000, 1.200)."""
    out = []
    for loc, written in loaded.thousands.items():
        tp = _annotation_at(loc, root)
        if not is_number_type(tp) or (not is_whole_number_type(tp) and not _surely_thousands(written.text)):
            continue
        value = _value_at(loaded.data, loc)
        read = say.THOUSANDS_READ_AS_DECIMAL.format(value=_show_number(value)) if isinstance(value, float) else None
        text = say.THOUSANDS_SEPARATOR.format(
            written=written.text, read=read or say.THOUSANDS_READ_AS_TEXT, plain=plain_number(written.text)
        )
        out.append(Message(loaded.file, written.line, written.column, key_path(loaded.data, loc), text, ERROR))
    return out


def _value_at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _show_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")


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
    current = _unwrap(_annotation_at(loc, root))
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
    r"^[a-z0-9][a-z0-9_\-]*$": say.PATTERN_ID,
    r"^\d{8}$": say.PATTERN_EIGHT_DIGITS,
    PHONE_PATTERN: say.PATTERN_PHONE,
    EMAIL_PATTERN: say.PATTERN_EMAIL,
}


def _bound(value: Any) -> str:
    """A limit as the user writes it: 2100-12-31, 1.000.000."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
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


def danish_text(err: ErrorDetails, root: type[BaseModel] = Plan) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    value = err.get("input")
    got = say.YOU_WROTE.format(value=_show(value)) if not isinstance(value, (dict, list)) else ""
    if kind == "dansk":  # a model's own check, already in Danish (PydanticCustomError("dansk", ...))
        return err["msg"]
    if kind == "missing":
        hint = _field_help(loc, root)
        if hint:
            return say.MISSING_KEY_HELP.format(key=loc[-1], help=hint.rstrip("."))
        return say.MISSING_KEY.format(key=loc[-1])
    if kind == "extra_forbidden":
        allowed = allowed_keys(loc[:-1], root)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        if close:
            return say.UNKNOWN_KEY_MEANT.format(key=loc[-1], meant=close[0])
        return say.UNKNOWN_KEY.format(key=loc[-1], allowed=", ".join(allowed))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return say.NOT_INTEGER.format(got=got)
    if kind in ("float_type", "float_parsing") and isinstance(value, str) and re.fullmatch(r"\s*-?\d+,\d+\s*", value):
        dotted = value.strip().replace(",", ".")
        return say.DECIMAL_COMMA.format(value=value.strip(), dotted=dotted)
    if kind in ("float_type", "float_parsing"):
        return say.NOT_NUMBER.format(got=got)
    if kind.startswith(("date", "datetime")):
        return say.NOT_DATE.format(got=got)
    if kind.startswith("time"):
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            # YAML 1.1 reads an unquoted 13:00 as the number 780 (base 60)
            clock = f"{value // 60:02d}:{value % 60:02d}"
            return say.CLOCK_READ_AS_NUMBER.format(clock=clock, hours=value // 60, minutes=value % 60, value=value)
        return say.NOT_CLOCK.format(got=got)
    if kind.startswith("bool"):
        return say.NOT_BOOL.format(got=got)
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
        ((k, v),) = value.items()
        return say.TEXT_READ_AS_KEY.format(key=k, value=v)
    if kind == "string_type":
        return say.NOT_TEXT.format(got=got)
    if kind == "string_too_short":
        return say.TEXT_EMPTY
    if kind == "string_too_long":
        return say.TEXT_TOO_LONG.format(max_length=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        return f"{_PATTERN_HELP.get(str(ctx.get('pattern')), say.PATTERN_OTHER)}.{got}"
    if kind == "enum":
        expected = ctx.get("expected", "").replace(" or ", ", ")
        options = [o.strip().strip("'") for o in expected.split(",")]
        meant = _meant(value, options)
        return say.ONE_OF.format(expected=expected, got=got) + (say.MEANT.format(meant=meant) if meant else "")
    if kind == "literal_error":
        return say.ONE_OF.format(expected=str(ctx.get("expected", "")).replace(" or ", ", "), got=got)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {
            "greater_than_equal": ("ge", say.AT_LEAST),
            "greater_than": ("gt", say.GREATER_THAN),
            "less_than_equal": ("le", say.AT_MOST),
            "less_than": ("lt", say.LESS_THAN),
        }[kind]
        return say.BOUND.format(word=words[1], bound=_bound(ctx.get(words[0])), got=got)
    if kind == "finite_number":
        return say.NOT_FINITE.format(got=got)
    if kind == "too_short":
        return say.LIST_TOO_SHORT.format(min_length=ctx.get("min_length"))
    if kind == "list_type":
        return say.NOT_LIST
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return say.NOT_MAPPING
    if kind.startswith("url"):
        return say.NOT_URL.format(got=got)
    return say.INVALID.format(got=got)  # never pydantic's English text


def _message(loaded: LoadedYaml, err: ErrorDetails, root: type[BaseModel] = Plan) -> Message:
    loc = tuple(err["loc"])
    # Errors raised inside a union or a typed dict carry extra loc parts naming the type; drop them.
    loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("function-after",))))
    if err["type"] == "missing":
        line, col = loaded.locate(loc[:-1])
    else:
        line, col = loaded.locate(loc)
    return Message(loaded.file, line, col, key_path(loaded.data, loc), danish_text(err, root), ERROR)
