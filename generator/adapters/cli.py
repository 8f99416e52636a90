"""Command line: validate, render, new, schema. Output and errors in Danish, never a traceback."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..messages import PlanError, os_error_text

# argparse's own English messages (Python 3.11-3.13) and their Danish wording. argparse reports every
# usage error through ArgumentParser.error(message); the message is matched here, so no gettext catalogue
# and no change to argparse's module state is needed.
_ERRORS: list[tuple[str, str]] = [
    (r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.*)\)",
     "{arg}: ugyldigt valg {value}; vælg mellem {choices}"),
    (r"the following arguments are required: (?P<args>.*)", "disse argumenter mangler: {args}"),
    (r"unrecognized arguments: (?P<args>.*)", "ukendte argumenter: {args}"),
    (r"argument (?P<arg>.+?): expected one argument", "{arg} skal have en værdi"),
    (r"argument (?P<arg>.+?): expected at least one argument", "{arg} skal have mindst én værdi"),
    (r"argument (?P<arg>.+?): expected (?P<n>.+?) arguments?", "{arg} skal have {n} værdier"),
    (r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.*)", "{arg} tager ingen værdi (fik {value})"),
    (r"argument (?P<arg>.+?): invalid (?P<type>.+?) value: (?P<value>.*)", "{arg}: ugyldig værdi {value}"),
    (r"argument (?P<arg>.+?): not allowed with argument (?P<other>.*)", "{arg} kan ikke bruges sammen med {other}"),
    (r"one of the arguments (?P<args>.*) is required", "et af disse argumenter skal med: {args}"),
    (r"ambiguous option: (?P<opt>.+?) could match (?P<matches>.*)", "{opt} er tvetydigt; mente du {matches}?"),
]


def danish_error(message: str) -> str:
    """argparse's English error message in Danish (unknown messages are kept, prefixed in Danish)."""
    for pattern, danish in _ERRORS:
        m = re.fullmatch(pattern, message, flags=re.DOTALL)
        if m:
            return danish.format(**m.groupdict())
    return f"ugyldig kommandolinje ({message})"


class DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Brug: " if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """argparse with Danish help and errors: "Brug:", "argumenter", "tilvalg", "vis denne hjælp og afslut"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="vis denne hjælp og afslut")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fejl: {danish_error(message)}\n"
                     f"Skriv {self.prog} --help for at se, hvad der kan skrives.\n")


def _summary(plan, figures) -> str:
    done = sum(s.done for s in figures.steps)
    return (f"{plan.municipality.name}: planen er gyldig - {figures.converted_cases} sager konverteres, "
            f"{len(plan.roles)} roller, {len(plan.work_packages)} arbejdspakker, "
            f"{len(plan.training.sessions)} hold, {done} af 4 trin løst.")


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
    print(f"Skrev {written} filer til {args.out} (sider og downloads fra {args.plan}).")
    return 0


def cmd_new(args) -> int:
    from .scaffold import new_project

    return new_project(Path(args.dir), args.kommune)


def cmd_schema(args) -> int:
    from ..model.schema import PROGRESS_SCHEMA_FILE, SCHEMA_FILE, progress_schema_text, schema_text

    text = progress_schema_text() if args.fremdrift else schema_text()
    target = Path(args.file or (PROGRESS_SCHEMA_FILE if args.fremdrift else SCHEMA_FILE))
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            again = "python -m generator schema --fremdrift --write" if args.fremdrift else "python -m generator schema --write"
            print(f"{target} er forældet. Kør: {again}", file=sys.stderr)
            return 1
        print(f"{target} er opdateret.")
    elif args.write:
        target.write_text(text, encoding="utf-8")
        print(f"Skrev {target}.")
    else:
        sys.stdout.write(text)
    return 0


def cmd_count(args) -> int:
    import datetime as dt

    from .count import write_count

    try:
        day = dt.date.fromisoformat(args.dato) if args.dato else dt.date.today()
    except ValueError:
        print(f'--dato skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2027-02-19 (du skrev "{args.dato}").',
              file=sys.stderr)
        return 2
    progress = Path(args.fremdrift)
    plan = Path(args.plan) if args.plan else progress.parent / "plan.yaml"
    done, rows = write_count(Path(args.liste), args.arbejdspakke, day, progress, plan)
    print(f"{args.arbejdspakke}: {done} færdige sager af {rows} sager på listen pr. {day.isoformat()}. "
          f"Skrevet i {progress} (kun antallet; listen er ikke gemt).")
    return 0


def parser() -> argparse.ArgumentParser:
    p = DanishArgumentParser(prog="python -m generator", description="Konverteringsplan: tjek og byg planen.")
    sub = p.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    v = sub.add_parser("validate", help="tjek planen og vis alle fejl")
    v.add_argument("plan", nargs="?", default="plan.yaml", help="planfilen (standard: plan.yaml)")
    v.add_argument("--docs", metavar="MAPPE", default="docs", help="mappen med håndskrevne sider (standard: docs)")
    v.add_argument("--config", metavar="FIL", default="mkdocs.yml", help="MkDocs-konfigurationen, der også tjekkes for "
                   "CPR-numre (standard: mkdocs.yml)")
    v.set_defaults(func=cmd_validate)

    r = sub.add_parser("render", help="skriv de genererede sider og downloads til en mappe")
    r.add_argument("--out", metavar="MAPPE", required=True, help="mappen, der skal skrives til")
    r.add_argument("--plan", metavar="FIL", default="plan.yaml", help="planfilen (standard: plan.yaml)")
    r.add_argument("--docs", metavar="MAPPE", default="docs", help="mappen med håndskrevne sider (standard: docs)")
    r.add_argument("--config", metavar="FIL", default="mkdocs.yml", help="MkDocs-konfigurationen, der også tjekkes for "
                   "CPR-numre (standard: mkdocs.yml)")
    r.set_defaults(func=cmd_render)

    n = sub.add_parser("new", help="start en ny plan for en anden kommune")
    n.add_argument("dir", metavar="mappe", help="mappen til den nye plan")
    n.add_argument("--kommune", metavar="NAVN", required=True, help='kommunens navn, fx "Borgen Kommune"')
    n.set_defaults(func=cmd_new)

    o = sub.add_parser("optael", help="tæl færdige sager i en liste og skriv antallet i fremdrift.yaml",
                       description="Tæller sager med status \"basis oprettet\" eller \"færdig\" i kolonnen "
                                   "\"status\" og skriver kun antallet i fremdrift.yaml. Andre kolonner læses ikke.")
    o.add_argument("liste", help="listen over sager (.xlsx eller .csv) med en kolonne \"status\"")
    o.add_argument("--arbejdspakke", required=True, help="arbejdspakkens id fra plan.yaml")
    o.add_argument("--dato", help="optællingsdatoen ÅÅÅÅ-MM-DD (standard: i dag)")
    o.add_argument("--fremdrift", default="fremdrift.yaml", help="fremdriftsfilen (standard: fremdrift.yaml)")
    o.add_argument("--plan", help="planfilen (standard: plan.yaml ved siden af fremdriftsfilen)")
    o.set_defaults(func=cmd_count)

    s = sub.add_parser("schema", help="JSON Schema til editorens hjælp i plan.yaml")
    s.add_argument("--file", metavar="FIL", default=None,
                   help="skemafilen (standard: plan.schema.json, eller fremdrift.schema.json med --fremdrift)")
    s.add_argument("--fremdrift", action="store_true", help="skemaet til fremdrift.yaml i stedet for plan.yaml")
    s.add_argument("--write", action="store_true", help="skriv skemaet til filen")
    s.add_argument("--check", action="store_true", help="fejl, hvis filen er forældet")
    s.set_defaults(func=cmd_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except PlanError as exc:
        print(exc, file=sys.stderr)  # the first MAX_SHOWN messages, and how many more there are
        errors = sum(m.is_error for m in exc.messages)
        print(f"{errors} {'fejl' if errors != 1 else 'fejl'} - ret dem og prøv igen.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(os_error_text(exc), file=sys.stderr)
        return 1
