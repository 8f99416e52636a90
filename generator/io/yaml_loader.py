"""Load a hand-edited YAML file safely, with line numbers for every node.

``yaml.safe_load`` is not good enough for a file edited by people who are not
programmers: it silently keeps the last of two duplicate keys, expands aliases
without limit ("billion laughs") and forgets where each value stood.  This
module composes PyYAML's node tree (``SafeLoader``), builds the Python values
itself and records the position of every key and value, so later validation
can point at ``plan.yaml:LINE:COL``.

Policy (documented here because users will meet it in error messages):

* Every failure is a :class:`PlanError` with Danish messages; never a traceback.
* Duplicate keys in any mapping are errors; all of them are reported, each
  naming every line the key stands on.
* Anchors and aliases (``&navn`` / ``*navn``) are allowed, but every value
  built counts against ``MAX_NODES`` (alias re-uses included), so an alias
  bomb stops after at most ``MAX_NODES`` nodes, and every character of text built
  counts against ``MAX_CHARS`` (as many as the biggest file allowed), so a few
  aliases of a long text cannot grow the plan either.  An alias that refers to the
  collection it stands in (a cycle) is refused.  Nesting deeper than
  ``MAX_DEPTH`` levels is refused.
* The merge key ``<<`` is refused (write the values out instead): it hides
  where a value came from and interacts badly with duplicate-key checks.
* Only the standard tags str, int, float, bool, null, timestamp, map and seq
  are accepted; any other tag (``!!python/object``, ``!!binary``, ``!!set``,
  ``!egen``, ...) is refused.  Nothing but plain data is ever constructed.
* Scalars resolve exactly like ``yaml.safe_load`` (YAML 1.1): ``2027-03-01``
  is a ``datetime.date``, ``ja``/``nej`` stay text, but ``yes``/``no``/``on``/
  ``off`` become booleans.  Keys keep their type too (``2027:`` is an int).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.messages import ERROR, Message, PlanError, display_name, os_reason

MAX_NODES = 100_000
# Characters of text after anchors and aliases are folded out: as many as the biggest plan file allowed,
# so 8.500 aliases of one long step cannot make a 165 KB file into 17 million characters of pages.
MAX_CHARS = 2_000_000
MAX_DEPTH = 100
DEFAULT_MAX_BYTES = 2_000_000

_Y = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_Y + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAG = _Y + "map"
_SEQ_TAG = _Y + "seq"
_MERGE_TAG = _Y + "merge"
_VALUE_TAG = _Y + "value"  # a lone "=" resolves to this; treat it as text
_STR_TAG = _Y + "str"

_SAVE_AS_UTF8 = 'Gem filen som "UTF-8 uden BOM"'

PathT = tuple[Any, ...]


# --------------------------------------------------------------------------
# Position tree
# --------------------------------------------------------------------------


@dataclass
class _Pos:
    key: tuple[int, int]  # where the key (or the list item) starts
    value: tuple[int, int]  # where the value starts
    children: dict[Any, "_Pos"] = field(default_factory=dict)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass
class LoadedYaml:
    data: dict
    file: str
    _root: _Pos | None = field(default=None, repr=False, compare=False)

    def _walk(self, path: PathT) -> tuple[_Pos | None, bool]:
        """Deepest existing node along ``path`` and whether all of it exists."""
        node = self._root
        if node is None:
            return None, not path
        for part in path:
            child = _child(node, part)
            if child is None:
                return node, False
            node = child
        return node, True

    def locate(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based (line, column) of the node at ``path``.

        A mapping entry gives the position of its key, a list item the position
        of the item.  When the path does not exist fully, the position of the
        deepest existing ancestor is returned (the root gives (1, 1)).
        """
        if not path:
            return (1, 1)
        node, _ = self._walk(tuple(path))
        if node is None or node is self._root:
            return (1, 1)
        return node.key

    def locate_value(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path`` (fallback as ``locate``)."""
        if not path:
            return (1, 1)
        node, complete = self._walk(tuple(path))
        if node is None or node is self._root:
            return (1, 1)
        return node.value if complete else node.key

    def has(self, path: tuple[str | int, ...]) -> bool:
        """Whether ``path`` exists in the file."""
        return self._walk(tuple(path))[1]


def _child(node: _Pos, part: Any) -> _Pos | None:
    try:
        found = node.children.get(part)
    except TypeError:  # unhashable path element
        return None
    if found is not None:
        return found
    # Lenient: a path element "2027" finds the key 2027 and vice versa.
    text = str(part)
    for key, child in node.children.items():
        if str(key) == text:
            return child
    return None


def key_path(path: PathT) -> str:
    """Dotted key path for ``Message.key``: ``faser[2].navn`` (list items 1-based)."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# --------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------


def load_yaml(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedYaml:
    """Read and load the YAML file at ``path``; raises :class:`PlanError`."""
    return load_yaml_text(read_source(path, max_bytes=max_bytes), display_name(Path(path)), max_bytes=max_bytes)


def read_source(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``, read once (a pipe too); raises :class:`PlanError`."""
    p = Path(path)
    name = display_name(p)
    try:
        if p.is_dir():
            _fail(name, 0, 0, f"{name} er en mappe, ikke en fil. Angiv stien til YAML-filen.")
        size = p.stat().st_size
        if size > max_bytes:
            _fail(name, 0, 0, _too_big(size, max_bytes))
        with p.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except FileNotFoundError:
        folder = p.resolve().parent
        _fail(name, 0, 0, f"Filen {name} findes ikke (i mappen {folder}). Tjek stien og filnavnet: kør kommandoen "
                          "fra mappen med planen (cd mappen), eller skriv stien til planen efter kommandoen. "
                          "Har du ingen plan endnu, så lav en med: python -m generator new MAPPE --kommune "
                          '"Navn Kommune".')
    except PermissionError:
        _fail(name, 0, 0, f"Filen {name} kan ikke læses (ingen adgang). Tjek filens rettigheder.")
    except OSError as exc:
        _fail(name, 0, 0, f"Filen {name} kan ikke læses: {os_reason(exc)}.")
    return raw


def load_yaml_text(
    text_or_bytes: str | bytes, file: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadedYaml:
    """Load YAML from memory; ``file`` is the name used in messages."""
    text = _decode(text_or_bytes, file, max_bytes)
    if not text.strip():
        _fail(file, 1, 1, "Filen er tom. Den skal indeholde planen som nøgler med værdier, fx \"kommune: Korsbæk Kommune\".")
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise PlanError([_syntax_message(exc, text, file)]) from None
    except yaml.reader.ReaderError as exc:
        raise PlanError([_reader_message(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive
        _fail(file, 0, 0, f"Filen kan ikke læses som YAML ({exc}).")
    except RecursionError:
        _fail(file, 0, 0, f"Filen er indlejret for dybt (mange lister eller afsnit inden i hinanden). Højst {MAX_DEPTH} niveauer er tilladt.")
    if root is None:
        _fail(file, 1, 1, "Filen indeholder kun kommentarer og ingen data. Skriv planen som nøgler med værdier, fx \"kommune: Korsbæk Kommune\".")
    if not isinstance(root, MappingNode):
        line, col = _mark(root)
        if root.tag not in _SCALAR_TAGS | {_SEQ_TAG, _VALUE_TAG}:
            _fail(file, line, col, f"Mærket {_show_tag(root.tag)} er ikke tilladt i planen. Fjern det.")
        what = "en liste" if isinstance(root, SequenceNode) else "en enkelt værdi"
        _fail(
            file, line, col,
            f"Øverst i filen skal der stå nøgler med værdier (fx \"kommune: Korsbæk Kommune\"), "
            f"men filen begynder med {what}. Fjern eventuelle '-' foran den første nøgle, og skriv \"nøgle: værdi\".",
        )
    builder = _Builder(file)
    data, pos = builder.build_root(root)
    if builder.messages:
        raise PlanError(builder.messages)
    return LoadedYaml(data=data, file=file, _root=pos)


def _compose(text: str) -> Node | None:
    """Compose the node tree with libyaml when it is there (several times faster); on any
    problem compose again with the pure-Python parser, whose error texts the messages know."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, RecursionError, ValueError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


# --------------------------------------------------------------------------
# Bytes -> text
# --------------------------------------------------------------------------


def _fail(file: str, line: int, col: int, text: str, key: str = "") -> None:
    raise PlanError([Message(file, line, col, key, text, ERROR)])


def _too_big(size: int, limit: int) -> str:
    return (
        f"Filen er for stor: {_fmt_int(size)} byte, men højst {_fmt_int(limit)} byte er tilladt. "
        "En plan skal kun indeholde samlede tal og tekster; tjek at der ikke er kopieret data eller en anden fil ind."
    )


def _fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _decode(text_or_bytes: str | bytes, file: str, max_bytes: int) -> str:
    if isinstance(text_or_bytes, str):
        text = text_or_bytes
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            _fail(file, 0, 0, _too_big(size, max_bytes))
        return text.removeprefix("\ufeff")  # a UTF-8 byte-order mark (Notepad, Excel) is harmless: drop it
    raw = bytes(text_or_bytes)
    if len(raw) > max_bytes:
        _fail(file, 0, 0, _too_big(len(raw), max_bytes))
    raw = raw.removeprefix(codecs.BOM_UTF8)  # accepted: editors on Windows add it
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _fail(file, 1, 1, f"Filen er gemt som UTF-16 (Unicode). {_SAVE_AS_UTF8} og prøv igen.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line_no = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start:exc.start].decode("utf-8", "replace")) + 1
        line_end = raw.find(b"\n", exc.start)
        line_bytes = raw[line_start : line_end if line_end >= 0 else len(raw)].rstrip(b"\r")
        shown = line_bytes.decode("cp1252", "replace").strip()
        if len(shown) > 80:
            shown = shown[:77] + "..."
        others = _count_bad_lines(raw) - 1
        more = f" (og {others} andre linjer)" if others > 0 else ""
        _fail(
            file, line_no, col,
            f"Filen er ikke gemt som UTF-8: byte 0x{raw[exc.start]:02X} i linje {line_no}, kolonne {col}{more} "
            f"kan ikke læses. Linjen lyder sandsynligvis: \"{shown}\". Filen er nok gemt som Windows-1252/ANSI "
            f"(fx i Notesblok eller Word), så æ, ø og å bliver forkerte. {_SAVE_AS_UTF8}.",
        )
    raise AssertionError("unreachable")  # pragma: no cover


def _count_bad_lines(raw: bytes) -> int:
    bad = 0
    for line in raw.split(b"\n"):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
    return bad


# --------------------------------------------------------------------------
# Syntax errors -> Danish
# --------------------------------------------------------------------------


def _tab_lines(text: str) -> list[int]:
    """1-based numbers of lines whose indentation contains a tab."""
    out = []
    for no, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.append(no)
    return out


def _join_lines(nums: list[int]) -> str:
    shown = [str(n) for n in nums[:10]]
    if len(nums) > 10:
        shown.append(f"{len(nums) - 10} andre")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " og " + shown[-1]


def _tab_hint(text: str) -> str:
    lines = _tab_lines(text)
    if not lines:
        return ""
    word = "Linje" if len(lines) == 1 else "Linjerne"
    return (
        f" {word} {_join_lines(lines)} er rykket ind med tabulatortegn (Tab). YAML kræver mellemrum, "
        "ikke tabulatortegn: erstat hvert Tab med mellemrum (fx to pr. niveau)."
    )


def _too_far_in(text: str, line: int) -> str:
    """Danish advice when `line` is a key indented further than the key above it (which has a value)."""
    lines = text.splitlines()
    if not 2 <= line <= len(lines):
        return ""
    cur = lines[line - 1]
    prev = next((p for p in reversed(lines[: line - 1]) if p.strip() and not p.lstrip().startswith("#")), "")
    above = re.match(r"( *)(- +)?[^\s:#][^:#]*:[ \t]+\S", prev)
    if not above or not re.match(r" *[^\s:#-][^:#]*:( |$)", cur):
        return ""
    indent = len(cur) - len(cur.lstrip(" "))
    key_col = len(above.group(1)) + len(above.group(2) or "")
    if indent <= key_col:
        return ""
    return (f"Linje {line} er rykket længere ind ({indent} mellemrum) end nøglen i linjen før ({key_col} "
            f"mellemrum). Nøgler på samme niveau skal stå præcis lige langt inde: ret linje {line}, så den "
            f"begynder med {key_col} mellemrum.")


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, file: str) -> Message:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    ctx_line = exc.context_mark.line + 1 if exc.context_mark else None
    tab_hint = _tab_hint(text)

    if "found character '\\t'" in problem:
        others = [n for n in _tab_lines(text) if n != line]
        also = f" Der er også tabulatortegn i indrykningen i linje {_join_lines(others)}." if others else ""
        msg = (
            f"Der står et tabulatortegn (Tab) i linje {line}, kolonne {col}. YAML kræver mellemrum, ikke "
            f"tabulatortegn: erstat hvert Tab med mellemrum (fx to pr. niveau).{also}"
        )
        return Message(file, line, col, "", msg)

    if "quoted scalar" in context and exc.context_mark is not None:
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        msg = (
            f"Anførselstegnet i linje {line}, kolonne {col} bliver ikke lukket. Sæt et afsluttende "
            "anførselstegn af samme slags (\" eller ') efter teksten."
        )
    elif problem.startswith("found undefined alias"):
        msg = (
            "Henvisningen (*navn) peger på et anker (&navn), der ikke findes længere oppe i filen. "
            "Ret navnet, eller skriv værdien ud i stedet."
        )
    elif problem.startswith("found duplicate anchor") or (context.startswith("found duplicate anchor")):
        first = f" (første gang i linje {ctx_line})" if ctx_line else ""
        msg = f"Det samme anker (&navn) er defineret to gange{first}. Giv det ene et andet navn."
    elif "expected a single document" in context or "expected a single document" in problem:
        msg = (
            "Filen indeholder mere end ét YAML-dokument (adskilt af '---'). Planen skal være ét dokument: "
            "fjern den ekstra '---' og det, der står efter den, eller flet indholdet sammen."
        )
    elif problem.startswith("mapping values are not allowed") and _too_far_in(text, line):
        msg = _too_far_in(text, line)
    elif problem.startswith("mapping values are not allowed"):
        msg = (
            "Et kolon står et sted, hvor YAML ikke venter det. Ofte skyldes det en tekst med kolon (fx "
            "\"kl. 10:00\" eller \"Bemærk: ...\"): sæt teksten i anførselstegn. Det kan også være forkert indrykning."
        )
    elif problem.startswith("could not find expected ':'"):
        msg = (
            "Her mangler et kolon efter nøglen, eller en tekst fortsætter over flere linjer uden korrekt "
            "indrykning. Skriv \"nøgle: værdi\" med kolon og mellemrum, og sæt lange tekster i anførselstegn."
        )
    elif problem.startswith("found character") and "cannot start any token" in problem:
        ch = problem.split("'")[1] if "'" in problem else "?"
        msg = (
            f"Tegnet '{ch}' kan ikke stå først i en værdi. Sæt hele værdien i anførselstegn, "
            f"fx \"{ch}...\"."
        )
    elif "block end" in problem or "did not find expected key" in problem or "expected '-'" in problem \
            or "did not find expected '-' indicator" in problem or "expected <block end>" in problem:
        start = f" (afsnittet begynder i linje {ctx_line})" if ctx_line and ctx_line != line else ""
        msg = (
            f"Indrykningen passer ikke{start}. Nøgler på samme niveau skal stå præcis lige langt inde, "
            "og punkter i en liste skal alle begynde med '- ' lige under hinanden. Tjek denne linje og linjen før."
        )
    elif "flow" in context or "flow" in problem:
        msg = (
            "En liste i [ ] eller et afsnit i { } er ikke skrevet rigtigt: tjek at parenteserne lukkes, og at "
            "punkterne er adskilt af komma. Sæt tekster med komma eller kolon i anførselstegn."
        )
    elif "escape" in problem:
        msg = (
            "Teksten i dobbelte anførselstegn indeholder en ugyldig omvendt skråstreg (\\). Brug enkelte "
            "anførselstegn ('...') eller skriv \\\\ for en skråstreg."
        )
    elif "alias" in context or "anchor" in context or "alias" in problem or "anchor" in problem:
        msg = "Et anker (&navn) eller en henvisning (*navn) er skrevet forkert. Navnet skal stå lige efter & eller *."
    elif "tag" in context or "tag" in problem:
        msg = "Et mærke (der begynder med '!') er skrevet forkert. Fjern det, eller sæt værdien i anførselstegn."
    else:
        msg = "YAML-filen kan ikke læses her. Tjek indrykning, kolon og anførselstegn i denne linje og linjen før."
    technical = "; ".join(x for x in (context, problem) if x)
    msg += f" (Teknisk: {technical}.)" if technical else ""
    msg += tab_hint
    return Message(file, line, col, "", msg)


def _reader_message(exc: yaml.reader.ReaderError, text: str, file: str) -> Message:
    pos = exc.position
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    ch = exc.character
    code = f"U+{ch:04X}" if isinstance(ch, int) else repr(ch)
    return Message(
        file, line, col, "",
        f"Filen indeholder et usynligt styretegn ({code}) i linje {line}, kolonne {col}, som YAML ikke tillader. "
        "Det kommer ofte fra tekst kopieret fra Word, PDF eller e-mail: slet tegnet, eller skriv teksten igen.",
    )


def _show_tag(tag: str | None) -> str:
    if not tag:
        return "?"
    if tag.startswith(_Y):
        return "!!" + tag[len(_Y):]
    return tag


# --------------------------------------------------------------------------
# Node tree -> Python values
# --------------------------------------------------------------------------


class _TooMuch(Exception):
    pass


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.messages: list[Message] = []
        self.count = 0
        self.chars = 0  # characters of text built, aliases included
        self.constructor = SafeConstructor()
        self.active: set[int] = set()  # ids of collections being built (cycle check)
        self.built: set[int] = set()  # ids of nodes built so far (to tell alias re-use)
        self.aliased = False

    def error(self, node: Node, path: PathT, text: str) -> None:
        line, col = _mark(node)
        self.messages.append(Message(self.file, line, col, key_path(path), text))

    def build_root(self, root: MappingNode) -> tuple[dict, _Pos]:
        pos = _Pos((1, 1), (1, 1))
        try:
            data = self.build(root, (), pos, 0)
        except _TooMuch:
            pass
        except RecursionError:
            self.messages.append(Message(
                self.file, 0, 0, "",
                f"Filen er indlejret for dybt. Højst {MAX_DEPTH} niveauer er tilladt.",
            ))
        if self.messages:
            return {}, pos
        return data, pos

    def build(self, node: Node, path: PathT, pos: _Pos, depth: int) -> Any:
        self.count += 1
        if id(node) in self.built:
            self.aliased = True
        self.built.add(id(node))
        if self.count > MAX_NODES:
            line, col = _mark(node)
            if self.aliased:
                text = (
                    f"Filen giver mere end {_fmt_int(MAX_NODES)} værdier, når ankre og henvisninger (&navn/*navn) "
                    "foldes ud. Det sker typisk, når henvisninger peger på andre henvisninger mange gange "
                    "(en såkaldt alias-bombe). Skriv værdierne ud direkte, og brug færre henvisninger."
                )
            else:
                text = (
                    f"Filen indeholder mere end {_fmt_int(MAX_NODES)} værdier. En plan skal kun indeholde "
                    "samlede tal og tekster; tjek at der ikke er kopieret data ind i filen."
                )
            self.messages.append(Message(self.file, line, col, "", text))
            raise _TooMuch
        if depth > MAX_DEPTH:
            line, col = _mark(node)
            self.messages.append(Message(
                self.file, line, col, "",
                f"Filen er indlejret for dybt her (mere end {MAX_DEPTH} niveauer). Gør strukturen fladere.",
            ))
            raise _TooMuch
        if isinstance(node, ScalarNode):
            self.count_chars(node)
            return self.scalar(node, path)
        if id(node) in self.active:
            self.error(node, path, "En henvisning (*navn) peger på det afsnit, den selv står i, så værdien bliver uendelig. Skriv værdien ud i stedet.")
            return None
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG:
                self.bad_tag(node, path)
                return None
            self.active.add(id(node))
            try:
                out = []
                for i, item in enumerate(node.value):
                    child = _Pos(_mark(item), _mark(item))
                    pos.children[i] = child
                    out.append(self.build(item, path + (i,), child, depth + 1))
                return out
            finally:
                self.active.discard(id(node))
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG:
                self.bad_tag(node, path)
                return None
            self.active.add(id(node))
            try:
                return self.mapping(node, path, pos, depth)
            finally:
                self.active.discard(id(node))
        raise AssertionError(f"unknown node {node!r}")  # pragma: no cover

    def count_chars(self, node: ScalarNode) -> None:
        self.chars += len(node.value)
        if self.chars > MAX_CHARS:
            line, col = _mark(node)
            if self.aliased:
                text = (
                    f"Filen giver mere end {_fmt_int(MAX_CHARS)} tegn tekst, når ankre og henvisninger (&navn/*navn) "
                    "foldes ud (her i linje {line}). Det sker, når en lang tekst genbruges mange gange med "
                    "henvisninger. Skriv teksten ud færre steder, eller gør den kortere."
                ).replace("{line}", str(line))
            else:
                text = (
                    f"Filen indeholder mere end {_fmt_int(MAX_CHARS)} tegn tekst. En plan skal kun indeholde "
                    "samlede tal og tekster; tjek at der ikke er kopieret data ind i filen."
                )
            self.messages.append(Message(self.file, line, col, "", text))
            raise _TooMuch

    def mapping(self, node: MappingNode, path: PathT, pos: _Pos, depth: int) -> dict:
        out: dict = {}
        seen: dict[Any, list[Node]] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE_TAG:
                self.error(
                    key_node, path,
                    "Flettenøglen '<<' understøttes ikke. Skriv nøglerne og værdierne ud direkte i stedet.",
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.error(
                    key_node, path,
                    "En nøgle skal være en enkelt tekst eller et tal, ikke en liste eller et afsnit. "
                    "Skriv \"nøgle: værdi\".",
                )
                continue
            self.count += 1
            self.count_chars(key_node)
            key = self.scalar(key_node, path)
            try:
                hash(key)
            except TypeError:  # pragma: no cover - scalars are hashable
                continue
            if key in seen:
                seen[key].append(key_node)
            else:
                seen[key] = [key_node]
            child = _Pos(_mark(key_node), _mark(value_node))
            pos.children[key] = child
            out[key] = self.build(value_node, path + (key,), child, depth + 1)
        for key, nodes in seen.items():
            if len(nodes) > 1:
                lines = [n.start_mark.line + 1 for n in nodes]
                first = nodes[0].value if isinstance(nodes[0], ScalarNode) else key
                self.error(
                    nodes[1], path + (key,),
                    f"Nøglen \"{first}\" står {_times(len(nodes))} i samme afsnit: linje {_join_lines(lines)}. "
                    "YAML ville kun beholde den sidste og stille og roligt glemme "
                    f"{'den første' if len(nodes) == 2 else 'de andre'}. Slet eller omdøb, så nøglen kun står én gang.",
                )
        return out

    def scalar(self, node: ScalarNode, path: PathT) -> Any:
        if node.tag == _STR_TAG or node.tag == _VALUE_TAG:  # text: what SafeConstructor returns, without its detour
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.bad_tag(node, path)
            return None
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            kind = {
                "timestamp": "en dato (ÅÅÅÅ-MM-DD)", "int": "et heltal", "float": "et tal",
                "bool": "sand/falsk", "null": "en tom værdi",
            }.get(node.tag[len(_Y):], "en værdi")
            hint = " Findes datoen i kalenderen?" if node.tag.endswith("timestamp") else ""
            self.error(
                node, path,
                f"Værdien \"{node.value}\" kan ikke læses som {kind}.{hint} Ret værdien, eller sæt den i "
                "anførselstegn, hvis den skal være tekst.",
            )
            return None

    def bad_tag(self, node: Node, path: PathT) -> None:
        self.error(
            node, path,
            f"Mærket {_show_tag(node.tag)} er ikke tilladt i planen. Fjern det, så værdien er almindelig tekst, "
            "et tal, en dato, en liste eller et afsnit.",
        )


def _times(n: int) -> str:
    return {2: "to gange", 3: "tre gange"}.get(n, f"{n} gange")
