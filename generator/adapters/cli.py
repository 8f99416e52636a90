"""Command line: validate, render, new, schema. Output and errors in Danish, never a traceback."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..channel import clean_output
from ..messages import PlanError, os_error_text
from ..texts import commands as wording

# argparse's own English messages (Python 3.11-3.13) and their Danish wording. argparse reports every
# usage error through ArgumentParser.error(message); the message is matched here, so no gettext catalogue
# and no change to argparse's module state is needed.
_ERRORS: list[tuple[str, str]] = [
    (
        r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)",
        wording.ARGPARSE_INVALID_CHOICE,
    ),
    (r"the following arguments are required: (?P<args>.*)", wording.ARGPARSE_REQUIRED),
    (r"unrecognized arguments: (?P<args>.*)", wording.ARGPARSE_UNRECOGNIZED),
    (r"argument (?P<arg>.+?): expected one argument", wording.ARGPARSE_ONE_VALUE),
    (r"argument (?P<arg>.+?): expected at least one argument", wording.ARGPARSE_SOME_VALUES),
    (r"argument (?P<arg>.+?): expected (?P<n>.+?) arguments?", wording.ARGPARSE_N_VALUES),
    (r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.*)", wording.ARGPARSE_NO_VALUE),
    (r"argument (?P<arg>.+?): invalid (?P<type>.+?) value: (?P<value>.*)", wording.ARGPARSE_INVALID_VALUE),
    (r"argument (?P<arg>.+?): not allowed with argument (?P<other>.*)", wording.ARGPARSE_NOT_ALLOWED_WITH),
    (r"one of the arguments (?P<args>.*) is required", wording.ARGPARSE_ONE_OF_REQUIRED),
    (r"ambiguous option: (?P<opt>.+?) could match (?P<matches>.*)", wording.ARGPARSE_AMBIGUOUS),
]


def danish_error(message: str) -> str:
    """argparse's English error message in Danish (unknown messages are kept, prefixed in Danish)."""
    for pattern, danish in _ERRORS:
        m = re.fullmatch(pattern, message, flags=re.DOTALL)
        if m:
            return danish.format(**m.groupdict())
    return wording.ARGPARSE_UNKNOWN.format(message=message)


class DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, wording.USAGE_PREFIX if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """argparse with Danish help and errors: "Brug:", "argumenter", "tilvalg", "vis denne hjælp og afslut"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # added below with a Danish help text
        super().__init__(*args, **kwargs)
        self._positionals.title = wording.HELP_POSITIONALS
        self._optionals.title = wording.HELP_OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=wording.HELP_HELP)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, wording.USAGE_ERROR.format(prog=self.prog, error=danish_error(message)))


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


def _config(args) -> Path | None:
    """mkdocs.yml, scanned by the CPR guard too (site_name is on every page); none if it is not there."""
    config = Path(args.config)
    return config if config.is_file() else None


def cmd_validate(args) -> int:
    from ..build import checked_plan

    plan, warnings, figures = checked_plan(Path(args.plan), Path(args.docs), _config(args))
    for w in warnings:
        print(w)
    print(_summary(plan, figures))
    return 0


def cmd_render(args) -> int:
    from ..build import build_output
    from .output import write_tree

    output, warnings, _ = build_output(Path(args.plan), Path(args.docs), _config(args))
    for w in warnings:
        print(w)
    written = write_tree(output, Path(args.out))
    print(wording.RENDER_WROTE.format(count=written, out=args.out, plan=args.plan))
    return 0


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
    sub = p.add_subparsers(dest="command", required=True, metavar=wording.METAVAR_COMMAND)

    v = sub.add_parser("validate", help=wording.HELP_VALIDATE)
    v.add_argument("plan", nargs="?", default="plan.yaml", help=wording.HELP_PLAN)
    v.add_argument("--docs", metavar=wording.METAVAR_FOLDER, default="docs", help=wording.HELP_DOCS)
    v.add_argument("--config", metavar=wording.METAVAR_FILE, default="mkdocs.yml", help=wording.HELP_CONFIG)
    v.set_defaults(func=cmd_validate)

    r = sub.add_parser("render", help=wording.HELP_RENDER)
    r.add_argument("--out", metavar=wording.METAVAR_FOLDER, required=True, help=wording.HELP_OUT)
    r.add_argument("--plan", metavar=wording.METAVAR_FILE, default="plan.yaml", help=wording.HELP_PLAN)
    r.add_argument("--docs", metavar=wording.METAVAR_FOLDER, default="docs", help=wording.HELP_DOCS)
    r.add_argument("--config", metavar=wording.METAVAR_FILE, default="mkdocs.yml", help=wording.HELP_CONFIG)
    r.set_defaults(func=cmd_render)

    n = sub.add_parser("new", help=wording.HELP_NEW)
    n.add_argument("dir", metavar=wording.METAVAR_NEW_FOLDER, help=wording.HELP_NEW_FOLDER)
    n.add_argument("--kommune", metavar=wording.METAVAR_NAME, required=True, help=wording.HELP_MUNICIPALITY)
    n.add_argument("--kun-manglende", action="store_true", help=wording.HELP_NEW_ONLY_MISSING)
    n.set_defaults(func=cmd_new)

    o = sub.add_parser("optael", help=wording.HELP_COUNT, description=wording.HELP_COUNT_DESCRIPTION)
    o.add_argument("liste", help=wording.HELP_COUNT_LIST)
    o.add_argument("--arbejdspakke", required=True, help=wording.HELP_COUNT_PACKAGE)
    o.add_argument("--dato", help=wording.HELP_COUNT_DATE)
    o.add_argument("--fremdrift", default="fremdrift.yaml", help=wording.HELP_COUNT_PROGRESS)
    o.add_argument("--plan", help=wording.HELP_COUNT_PLAN)
    o.set_defaults(func=cmd_count)

    s = sub.add_parser("schema", help=wording.HELP_SCHEMA)
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
        print(exc, file=sys.stderr)  # the first MAX_SHOWN messages, and how many more there are
        errors = sum(m.is_error for m in exc.messages)
        print(wording.ERRORS_FIX.format(count=errors), file=sys.stderr)
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
