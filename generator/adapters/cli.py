"""Command line: validate, render, new, schema. Output and errors in Danish, never a traceback."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..channel import clean_output
from ..messages import PlanError, os_error_text
from ..texts import commands as wording

if TYPE_CHECKING:
    from ..pages.common import Output

HELP_WIDTH = 100  # columns of the help text
HELP_COLUMN = 26  # where an argument's help starts (a longer name gets a line of its own)


class Subcommands(Protocol):
    """What ``add_subparsers()`` returns, as its documentation describes it: an object with ``add_parser``."""

    def add_parser(self, name: str, **kwargs: Any) -> DanishArgumentParser: ...


class DanishArgumentParser(argparse.ArgumentParser):
    """argparse parses; the usage line, the help and every error are this class's own Danish text.

    Only documented argparse API: ``add_help=False`` and an own ``-h/--help`` (``action="help"``), the
    ``Action`` objects ``add_argument`` returns (their ``option_strings``, ``dest``, ``nargs``,
    ``metavar``, ``help``), and overridden ``format_usage``, ``format_help``, ``parse_known_args``,
    ``parse_args`` and ``error``. What argparse would report in English is found before it parses: an
    unknown command, a missing required argument or value, an unknown argument. ``error`` (what
    argparse still reports, e.g. ``--write=ja`` to an on/off option) says in Danish that the command
    line does not fit the usage shown above it."""

    def __init__(self, prog: str, description: str | None = None, **kwargs):
        super().__init__(prog=prog, description=description, add_help=False, allow_abbrev=False, **kwargs)
        self.arguments: list[argparse.Action] = []  # in the order added: usage and help list them so
        self.required: list[argparse.Action] = []  # checked here, not by argparse (its message is English)
        self.commands: dict[str, tuple[DanishArgumentParser, str]] = {}  # name → (parser, one-line help)
        self.subcommands: Subcommands | None = None
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=wording.HELP_HELP)

    def add_argument(self, *names: str, required: bool = False, **kwargs) -> argparse.Action:
        positional = not names[0].startswith("-")
        if positional and "nargs" not in kwargs:
            required, kwargs["nargs"] = True, "?"
        action = super().add_argument(*names, **kwargs)
        self.arguments.append(action)
        if required:
            self.required.append(action)
        return action

    def command(self, name: str, help: str, description: str | None = None) -> DanishArgumentParser:
        """A subcommand (``konverteringsplan validate``) with its own arguments."""
        if self.subcommands is None:
            self.subcommands = self.add_subparsers(dest="command", metavar=wording.METAVAR_COMMAND)
        assert self.subcommands is not None
        parser = self.subcommands.add_parser(name, prog=f"{self.prog} {name}", description=description or help)
        self.commands[name] = (parser, help)
        return parser

    # --- usage and help ---------------------------------------------------------------------------

    @staticmethod
    def _value(action: argparse.Action) -> str:
        metavar = action.metavar if isinstance(action.metavar, str) else None
        return metavar or (action.dest.upper() if action.option_strings else action.dest)

    def _synopsis(self, action: argparse.Action) -> str:
        if not action.option_strings:
            return self._value(action)
        if action.nargs == 0:  # an on/off option
            return action.option_strings[0]
        return f"{action.option_strings[0]} {self._value(action)}"

    def _invocation(self, action: argparse.Action) -> str:
        if not action.option_strings:
            return self._value(action)
        names = ", ".join(action.option_strings)
        return names if action.nargs == 0 else f"{names} {self._value(action)}"

    def format_usage(self) -> str:
        parts = [self.prog]
        for action in self.arguments:
            text = self._synopsis(action)
            parts.append(text if action in self.required else f"[{text}]")
        if self.commands:
            parts.append(f"{wording.METAVAR_COMMAND} ...")
        return wording.USAGE_PREFIX + " ".join(parts) + "\n"

    def _section(self, title: str, rows: list[tuple[str, str]]) -> str:
        lines = [f"{title}:"]
        for name, text in rows:
            if len(name) + 4 > HELP_COLUMN:
                lines.append(f"  {name}")
                name = ""
            wrapped = textwrap.wrap(text, HELP_WIDTH - HELP_COLUMN) or [""]
            lines.append(f"  {name}".ljust(HELP_COLUMN) + wrapped[0])
            lines += [" " * HELP_COLUMN + more for more in wrapped[1:]]
        return "\n".join(lines) + "\n"

    def format_help(self) -> str:
        parts = [self.format_usage()]
        if self.description:
            parts.append(textwrap.fill(self.description, HELP_WIDTH) + "\n")
        if self.commands:
            parts.append(self._section(wording.HELP_COMMANDS, [(n, h) for n, (_, h) in self.commands.items()]))
        positionals = [a for a in self.arguments if not a.option_strings]
        if positionals:
            parts.append(
                self._section(wording.HELP_POSITIONALS, [(self._invocation(a), a.help or "") for a in positionals])
            )
        options = [a for a in self.arguments if a.option_strings]
        parts.append(self._section(wording.HELP_OPTIONALS, [(self._invocation(a), a.help or "") for a in options]))
        return "\n".join(parts)

    # --- errors ------------------------------------------------------------------------------------

    def fail(self, danish: str):
        """Usage line and a Danish error on stderr; exit status 2, as argparse's own errors."""
        self.print_usage(sys.stderr)
        self.exit(2, wording.USAGE_ERROR.format(prog=self.prog, error=danish))

    def error(self, message: str):
        """What argparse itself still finds wrong; its English message is not shown."""
        self.fail(wording.ARGS_INVALID)

    def _check_before(self, args: list[str]) -> None:
        # -h/--help and --version answer and exit, whatever follows (on/off options with a suppressed default)
        answering = {
            o for a in self.arguments if a.nargs == 0 and a.default is argparse.SUPPRESS for o in a.option_strings
        }
        if any(a in answering for a in args[: self._first_word(args)]):
            return
        if self.commands:
            first = self._first_word(args)
            if first == len(args):
                self.fail(wording.ARGS_NO_COMMAND.format(metavar=wording.METAVAR_COMMAND))
            if args[first] not in self.commands:
                self.fail(
                    wording.ARGS_UNKNOWN_COMMAND.format(
                        metavar=wording.METAVAR_COMMAND,
                        value=repr(args[first]),
                        choices=", ".join(map(repr, self.commands)),
                    )
                )
            args = args[:first]
        values = {o: a for a in self.arguments if a.nargs is None for o in a.option_strings}
        for i, arg in enumerate(args):
            if arg in values and (i + 1 == len(args) or args[i + 1].startswith("-")):
                self.fail(wording.ARGS_NO_VALUE.format(arg=self._synopsis(values[arg])))

    @staticmethod
    def _first_word(args: list[str]) -> int:
        """Index of the first argument that is not an option (the command), or len(args)."""
        return next((i for i, a in enumerate(args) if not a.startswith("-")), len(args))

    def parse_known_args(self, args=None, namespace=None):
        args = list(sys.argv[1:] if args is None else args)
        self._check_before(args)
        namespace, extras = super().parse_known_args(args, namespace)
        missing = [self._synopsis(a) for a in self.required if getattr(namespace, a.dest, None) is None]
        if missing:
            self.fail(wording.ARGS_MISSING.format(args=", ".join(missing)))
        return namespace, extras

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.fail(wording.ARGS_UNRECOGNIZED.format(args=" ".join(extras)))
        return namespace


def _summary(plan, figures) -> str:
    done = sum(s.done for s in figures.steps)
    return wording.VALID_SUMMARY.format(
        municipality=plan.municipality.name,
        cases=figures.converted_cases,
        roles=len(plan.roles),
        packages=len(plan.work_packages),
        sessions=len(plan.training.sessions),
        done=done,
    )


def _config(path: str | Path) -> Path | None:
    """mkdocs.yml, scanned by the CPR guard too (site_name is on every page); none if it is not there."""
    config = Path(path)
    return config if config.is_file() else None


def cmd_validate(args) -> int:
    from ..build import checked_plan

    plan, warnings, figures = checked_plan(Path(args.plan), Path(args.docs), _config(args.config))
    for w in warnings:
        print(w)
    print(_summary(plan, figures))
    return 0


def cmd_render(args) -> int:
    render_to(args.out, args.plan, args.docs, args.config)
    return 0


def render_to(out: str | Path, plan: str | Path, docs: str | Path, config: str | Path) -> Output:
    """``render --out``: the pipeline once, its warnings printed, the pages and downloads written to `out`.
    Returns the output, for the Zensical adapter's nav and footer."""
    from ..build import build_output
    from .output import write_tree

    output, warnings, _ = build_output(Path(plan), Path(docs), _config(config))
    for w in warnings:
        print(w)
    written = write_tree(output, Path(out))
    print(wording.RENDER_WROTE.format(count=written, out=out, plan=plan))
    return output


def cmd_new(args) -> int:
    from .scaffold import new_project

    return new_project(Path(args.dir), args.kommune, only_missing=args.kun_manglende)


def cmd_schema(args) -> int:
    from ..model.schema import PROGRESS_SCHEMA_FILE, SCHEMA_FILE, progress_schema_text, schema_text

    text = progress_schema_text() if args.fremdrift else schema_text()
    target = Path(args.file or (PROGRESS_SCHEMA_FILE if args.fremdrift else SCHEMA_FILE))
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            again = (
                "konverteringsplan schema --fremdrift --write" if args.fremdrift else "konverteringsplan schema --write"
            )
            print(wording.SCHEMA_OUTDATED.format(target=target, command=again), file=sys.stderr)
            return 1
        print(wording.SCHEMA_CURRENT.format(target=target))
    elif args.write:
        target.write_text(text, encoding="utf-8")
        print(wording.SCHEMA_WROTE.format(target=target))
    else:
        sys.stdout.write(text)
    return 0


def cmd_count(args) -> int:
    import datetime as dt

    from .count import write_count

    try:
        day = dt.date.fromisoformat(args.dato) if args.dato else dt.date.today()
    except ValueError:
        print(wording.COUNT_BAD_DATE.format(value=args.dato), file=sys.stderr)
        return 2
    progress = Path(args.fremdrift)
    plan = Path(args.plan) if args.plan else progress.parent / "plan.yaml"
    done, rows = write_count(Path(args.liste), args.arbejdspakke, day, progress, plan)
    print(
        wording.COUNT_WROTE.format(
            package=args.arbejdspakke, done=done, rows=rows, day=day.isoformat(), progress=progress
        )
    )
    return 0


def parser() -> argparse.ArgumentParser:
    from .. import version

    p = DanishArgumentParser(prog="konverteringsplan", description=wording.HELP_DESCRIPTION)
    p.add_argument("--version", action="version", version=f"konverteringsplan {version()}", help=wording.HELP_VERSION)

    v = p.command("validate", wording.HELP_VALIDATE)
    v.add_argument("plan", nargs="?", default="plan.yaml", help=wording.HELP_PLAN)
    v.add_argument("--docs", metavar=wording.METAVAR_FOLDER, default="docs", help=wording.HELP_DOCS)
    v.add_argument("--config", metavar=wording.METAVAR_FILE, default="mkdocs.yml", help=wording.HELP_CONFIG)
    v.set_defaults(func=cmd_validate)

    r = p.command("render", wording.HELP_RENDER)
    r.add_argument("--out", metavar=wording.METAVAR_FOLDER, required=True, help=wording.HELP_OUT)
    r.add_argument("--plan", metavar=wording.METAVAR_FILE, default="plan.yaml", help=wording.HELP_PLAN)
    r.add_argument("--docs", metavar=wording.METAVAR_FOLDER, default="docs", help=wording.HELP_DOCS)
    r.add_argument("--config", metavar=wording.METAVAR_FILE, default="mkdocs.yml", help=wording.HELP_CONFIG)
    r.set_defaults(func=cmd_render)

    n = p.command("new", wording.HELP_NEW)
    n.add_argument("dir", metavar=wording.METAVAR_NEW_FOLDER, help=wording.HELP_NEW_FOLDER)
    n.add_argument("--kommune", metavar=wording.METAVAR_NAME, required=True, help=wording.HELP_MUNICIPALITY)
    n.add_argument("--kun-manglende", action="store_true", help=wording.HELP_NEW_ONLY_MISSING)
    n.set_defaults(func=cmd_new)

    o = p.command("optael", wording.HELP_COUNT, wording.HELP_COUNT_DESCRIPTION)
    o.add_argument("liste", help=wording.HELP_COUNT_LIST)
    o.add_argument("--arbejdspakke", required=True, help=wording.HELP_COUNT_PACKAGE)
    o.add_argument("--dato", help=wording.HELP_COUNT_DATE)
    o.add_argument("--fremdrift", default="fremdrift.yaml", help=wording.HELP_COUNT_PROGRESS)
    o.add_argument("--plan", help=wording.HELP_COUNT_PLAN)
    o.set_defaults(func=cmd_count)

    s = p.command("schema", wording.HELP_SCHEMA)
    s.add_argument("--file", metavar=wording.METAVAR_FILE, default=None, help=wording.HELP_SCHEMA_FILE)
    s.add_argument("--fremdrift", action="store_true", help=wording.HELP_SCHEMA_PROGRESS)
    s.add_argument("--write", action="store_true", help=wording.HELP_SCHEMA_WRITE)
    s.add_argument("--check", action="store_true", help=wording.HELP_SCHEMA_CHECK)
    s.set_defaults(func=cmd_schema)
    return p


# Import names whose distribution is called something else (for the message about a missing package).
DISTRIBUTIONS = {
    "yaml": "PyYAML",
    "dateutil": "python-dateutil",
    "pydantic_core": "pydantic-core",
    "ruamel": "ruamel.yaml",
    "babel": "Babel",
    "jinja2": "Jinja2",
    "markupsafe": "MarkupSafe",
    "material": "mkdocs-material",
    "pymdownx": "pymdown-extensions",
}
OWN = __package__.partition(".")[0]  # konverteringsplan (installed) or generator (run from the checkout)


def missing_dependency(exc: ImportError, argv: list[str] | None = None) -> str | None:
    """The Danish message for an import of a third-party package that failed; None for our own modules
    (a bug in konverteringsplan is not a missing package, and keeps its traceback)."""
    from .. import version

    top = (exc.name or "").partition(".")[0]
    if not top or top in (OWN, "konverteringsplan", "generator"):
        return None
    command = " ".join(sys.argv[1:] if argv is None else argv) or "--help"
    text = wording.MISSING_DEPENDENCY.format(
        package=DISTRIBUTIONS.get(top, top), version=version(), python=sys.executable, command=command
    )
    if not isinstance(exc, ModuleNotFoundError):  # there, but not what we need: name it too
        text = wording.MISSING_DEPENDENCY_BROKEN.format(package=DISTRIBUTIONS.get(top, top), error=exc) + "\n" + text
    return text


def print_plan_error(exc: PlanError) -> None:
    print(exc, file=sys.stderr)  # the first MAX_SHOWN messages, and how many more there are
    errors = sum(m.is_error for m in exc.messages)
    print(wording.ERRORS_FIX.format(count=errors), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one command. Everything it prints passes through one channel (channel.py): CPR numbers masked,
    control characters replaced, library warnings dropped, and never a traceback. In a Python without
    konverteringsplan's packages a Danish message says what to install and how, for every command."""
    with clean_output():
        return _run(argv)


def _run(argv: list[str] | None) -> int:
    try:
        args = parser().parse_args(argv)
        return args.func(args)
    except PlanError as exc:
        print_plan_error(exc)
        return 1
    except OSError as exc:
        print(os_error_text(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(wording.INTERRUPTED, file=sys.stderr)
        return 130
    except ImportError as exc:
        text = missing_dependency(exc, argv)
        print(text or wording.UNEXPECTED_ERROR.format(kind=type(exc).__name__), file=sys.stderr)
        return 1
    except Exception as exc:
        print(wording.UNEXPECTED_ERROR.format(kind=type(exc).__name__), file=sys.stderr)
        return 1
