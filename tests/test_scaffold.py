"""`new DIR --kommune NAME`: a complete project that builds as it is, honest and free of Korsbæk.

The generated project is built with its own Makefile (`make site`, `make test`) using this venv
(VENV=…, STAMP=… on the make command line), so nothing is installed from the network. The project and
its site come from the README's walk-through, run once for the whole run (the `borgen` fixture in
conftest.py); the one test that changes the project works on a copy.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from safety_support import leaves

from conftest import (
    ROOT,
    VENV,
    Walkthrough,
    add_key,
    example_text,
    like,
    line_of_key,
    partly,
    rename_key,
    run_cli,
    set_value,
)
from konverteringsplan import version
from konverteringsplan.adapters.scaffold import scaffold_files, yaml_scalar
from konverteringsplan.build import build_output
from konverteringsplan.io.load import load_plan, load_plan_text
from konverteringsplan.texts import commands, reading
from konverteringsplan.texts import site as site_texts
from konverteringsplan.texts import validation as say

SCAFFOLD = ROOT / "generator" / "scaffold"
# The theme files: one copy, in the scaffold (package data, so the wheel's `new` has them); the repository's
# overrides/ and docs/assets are symbolic links to it. The help page is each project's own (a new project's
# names no Korsbæk ids, dates or lines), so the repository and the scaffold each have one.
SHARED = ["overrides", "docs/assets"]


class _AnyTag(yaml.SafeLoader):
    pass


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/... -> None


def _mkdocs(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTag)


def _make(project: Path, target: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    stamp = tmp_path / "installed"
    stamp.touch()
    return subprocess.run(
        ["make", target, f"VENV={VENV}", f"STAMP={stamp}", *args],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def _korsbaek_words() -> set[str]:
    """Korsbæk's name, its staff and its links, read from plan.yaml now (not a list that can go stale)."""
    plan, _ = load_plan(ROOT / "plan.yaml")
    words = {"Korsbæk", "korsbaek", plan.municipality.name}
    words |= {p for r in plan.roles for p in r.people}
    words |= {s.trainer for s in plan.training.sessions} | {s.place for s in plan.training.sessions}
    if plan.task.owner:
        words.add(plan.task.owner)
    if plan.municipality.accessibility_statement:
        words.add(str(plan.municipality.accessibility_statement).rstrip("/"))
    if plan.conversion.decision:
        words |= {plan.conversion.decision.decided_by, plan.conversion.decision.rationale[:40]}
    return {w for w in words if w}


def test_new_writes_a_complete_project(borgen: Walkthrough):
    project, result = borgen.project, borgen.result("python -m konverteringsplan new")
    assert result.returncode == 0, result.stdout
    expected = {
        "plan.yaml",
        "plan.schema.json",
        "mkdocs.yml",
        "Makefile",
        "README.md",
        ".gitignore",
        ".gitlab-ci.yml",
        ".github/workflows/hjemmeside.yml",
        "docs/saadan-redigerer-du-planen.md",
        "fremdrift.skabelon.yaml",
        "fremdrift.schema.json",
        "mkdocs.offline.yml",
        *(str(p.relative_to(SCAFFOLD)) for rel in SHARED for p in [SCAFFOLD / rel, *(SCAFFOLD / rel).rglob("*")]),
    }
    expected = {rel for rel in expected if not (SCAFFOLD / rel).is_dir()}
    written = {str(p.relative_to(project)) for p in project.rglob("*") if p.is_file()}
    assert expected <= written
    for rel in expected:
        assert commands.NEW_CREATED.format(path=f"{project.name}/{rel}") in result.stdout.splitlines()
    for schema in ("plan.schema.json", "fremdrift.schema.json"):
        assert (project / schema).read_text(encoding="utf-8") == (ROOT / schema).read_text(encoding="utf-8")
    assert not (project / "fremdrift.yaml").exists(), "no Fremdrift pages before the conversion starts"


def test_make_site_builds_without_a_warning_and_without_korsbaek(borgen: Walkthrough):
    project, result = borgen.project, borgen.result("make site")
    assert result.returncode == 0, result.stdout
    assert "WARNING" not in result.stdout  # stdout and stderr together
    assert "Borgen Kommune: planen er gyldig" in result.stdout
    pages = [p for p in (project / "site").rglob("*") if p.is_file()]
    assert len(pages) > 30
    text = {p: p.read_bytes().decode("utf-8", "replace") for p in pages}
    for word in _korsbaek_words():
        hits = [str(p.relative_to(project)) for p, t in text.items() if word.casefold() in t.casefold()]
        assert not hits, f"{word!r} in the new project's site: {hits[:5]}"
    index = text[project / "site" / "index.html"]
    assert "Borgen Kommune" in index
    assert "Status: ikke startet" in index and "klar til at blive fuldført" not in index
    assert "ikke besluttet endnu" in index and "Til projektlederen: pladsholdere – ret i plan.yaml" in index
    form = text[project / "site" / "konverteringsform" / "index.html"]
    assert "Konverteringsformen er ikke besluttet endnu" in form and "Mulighederne er ikke vurderet endnu" in form
    assert "Placering" not in form  # no ranking without scores
    assert "</abbr> 1 (udfyld navn)" in text[project / "site" / "roller" / "index.html"]  # glossary abbr


def test_make_test_validates_and_builds_strictly(borgen: Walkthrough, tmp_path):
    project = tmp_path / "borgen"  # a copy: this test changes the plan
    shutil.copytree(borgen.project, project, ignore=shutil.ignore_patterns("site", "build"))
    result = _make(project, "test", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mkdocs build --strict" in result.stdout
    assert (project / "build" / "test-site" / "index.html").exists()
    text = (project / "plan.yaml").read_text(encoding="utf-8")
    (project / "plan.yaml").write_text(
        set_value(text, ("sagskategorier", "aabne_ungestoette", "antal"), "fyrre"), encoding="utf-8"
    )
    broken = _make(project, "test", tmp_path)
    assert broken.returncode != 0 and like(say.NOT_INTEGER).search(broken.stderr)


@pytest.mark.parametrize(
    "target", ["site", "test", "serve", "validate", "fremdrift", "optael", "offline", "zensical", "clean"]
)
def test_makefile_targets_exist(borgen: Walkthrough, target, tmp_path):
    project = borgen.project
    stamp = tmp_path / "installed"
    stamp.touch()
    result = subprocess.run(
        ["make", "-n", target, f"VENV={VENV}", f"STAMP={stamp}"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_makefile_installs_the_version_that_made_it_or_a_given_source(borgen: Walkthrough, tmp_path):
    project = borgen.project
    missing = tmp_path / "venv-not-made"
    pinned = f"konverteringsplan=={version()}"

    def dry(*args: str) -> str:
        done = subprocess.run(
            ["make", "-n", "site", f"VENV={missing}", *args], cwd=project, capture_output=True, text=True
        )
        return done.stdout

    assert f'pip install --quiet  "{pinned}"' in dry()
    assert 'pip install --quiet  "../min-kopi"' in dry("KONVERTERINGSPLAN=../min-kopi")
    assert f'pip install --quiet --find-links "../hjul" "{pinned}"' in dry("WHEELS=../hjul")


def test_a_failed_install_says_in_danish_how_to_point_elsewhere(borgen: Walkthrough, tmp_path):
    """The pinned release is not on the index (here: an index that is an empty folder): the Makefile's
    own message names a wheel file, a folder and a git address, with the version that made the project."""
    project = tmp_path / "borgen"
    shutil.copytree(borgen.project, project, ignore=shutil.ignore_patterns("site", "build"))
    empty = tmp_path / "tomt-indeks"
    empty.mkdir()
    env = {
        **os.environ,
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(empty),
        "PATH": f"{VENV / 'bin'}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["make", "validate", f"VENV={tmp_path / 'venv'}", f"PYTHON={sys.executable}"],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert done.returncode != 0
    v = version()
    assert f'Kunne ikke installere "konverteringsplan=={v}".' in done.stderr
    for how in (
        f"make site KONVERTERINGSPLAN=/sti/til/konverteringsplan-{v}-py3-none-any.whl",
        "make site WHEELS=/sti/til/mappe",
        f"make site KONVERTERINGSPLAN=git+https://github.com/ORG/konverteringsplan@v{v}",
    ):
        assert how in done.stderr
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert f"`konverteringsplan=={v}`" in readme and "WHEELS=/sti/til/mappe" in readme


def test_ci_files_parse_and_publish(borgen: Walkthrough):
    project = borgen.project
    gh = yaml.safe_load((project / ".github/workflows/hjemmeside.yml").read_text(encoding="utf-8"))
    steps = " ".join(str(s) for s in gh["jobs"]["build"]["steps"])
    assert "make test" in steps and "make site" in steps and "upload-pages-artifact" in steps
    assert "deploy-pages" in str(gh["jobs"]["deploy"]["steps"])
    gl = yaml.safe_load((project / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "make test" in gl["test"]["script"] and gl["pages"]["artifacts"]["paths"] == ["public"]
    pinned = f"konverteringsplan=={version()}"
    assert gh["jobs"]["build"]["env"]["KONVERTERINGSPLAN"] == gl["variables"]["KONVERTERINGSPLAN"] == pinned
    for path, schema in (
        (".github/workflows/hjemmeside.yml", "vendor.github-workflows"),
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
    ):
        check = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(project / path)],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_readme_is_danish_and_says_how_to_preview_and_publish(borgen):
    readme = (borgen.project / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Konverteringsplan for Borgen Kommune")
    for words in ("make serve", "Settings → Pages", "GitLab", "site/index.html"):
        assert words in readme


@pytest.mark.parametrize("rel", SHARED)
def test_the_theme_files_are_the_scaffolds_not_copies(rel):
    assert (ROOT / rel).is_symlink() and (ROOT / rel).resolve() == (SCAFFOLD / rel).resolve(), (
        f"{rel} must be a link to generator/scaffold/{rel} (the one copy): ln -s"
    )


def test_scaffold_mkdocs_yml_matches_ours():
    ours, theirs = _mkdocs(ROOT / "mkdocs.yml"), _mkdocs(SCAFFOLD / "mkdocs.yml")
    for key in ("markdown_extensions", "theme", "extra_css", "validation", "use_directory_urls", "strict"):
        assert theirs[key] == ours[key], key
    assert set(theirs["plugins"]) == set(ours["plugins"]) == {"search", "konverteringsplan", "dansk-soegning"}
    assert _mkdocs(SCAFFOLD / "mkdocs.offline.yml") == _mkdocs(ROOT / "mkdocs.offline.yml")  # Danish comments only


NAMES = [
    "Kommune #1",
    "&a Borgen",
    "Borgen: Kommune",
    "'Borgen'",
    '"Borgen"',
    "- Borgen",
    "Borgen # x",
    "yes",
    "null",
    "1234",
    "Æblø Kommune",
    "*ref",
    "!tag Borgen",
    "{Borgen}",
    "[Borgen]",
    "%Borgen",
    "@Borgen",
]


@pytest.mark.parametrize("name", NAMES)
def test_name_is_written_as_a_yaml_scalar(name):
    files = scaffold_files(name)
    plan, _ = load_plan_text(files["plan.yaml"])
    assert plan.municipality.name == name
    assert _mkdocs_text(files["mkdocs.yml"])["site_name"].endswith(name)


def _mkdocs_text(data: bytes) -> dict:
    return yaml.load(data.decode("utf-8"), Loader=_AnyTag)


@settings(max_examples=60, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
def test_any_name_reads_back_exactly(name):
    assert yaml.safe_load(f"navn: {yaml_scalar(name)}\n")["navn"] == name


def test_new_on_a_project_writes_nothing_says_so_and_fails(tmp_path):
    target = tmp_path / "borgen"
    assert run_cli("new", str(target), "--kommune", "Borgen Kommune", cwd=tmp_path).returncode == 0
    (target / "Makefile").write_text("# min egen\n", encoding="utf-8")
    (target / "mkdocs.yml").unlink()
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune", cwd=tmp_path)
    assert result.returncode == 1
    said = partly(commands.NEW_HAS_PROJECT, target=target, name="'Borgen Kommune'")
    assert said.search(result.stdout), result.stdout
    assert f"{target} indeholder allerede et projekt (plan.yaml, Makefile, " in result.stdout  # what it found
    assert not like(commands.NEW_CREATED).search(result.stdout)
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before


def test_new_adds_only_missing_files_when_asked(tmp_path):
    target = tmp_path / "borgen"
    target.mkdir()
    (target / "Makefile").write_text("# min egen\n", encoding="utf-8")
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune", "--kun-manglende", cwd=tmp_path)
    assert result.returncode == 0
    assert commands.NEW_KEPT.format(path=target / "Makefile") in result.stdout
    assert (target / "Makefile").read_text(encoding="utf-8") == "# min egen\n"
    assert (target / "plan.yaml").exists()


def test_help_page_is_the_new_projects_own(borgen: Walkthrough):
    """No Korsbæk ids, dates or names on the new project's help page; its example error is what validate
    says for the starting plan."""
    page = (borgen.project / "docs" / "saadan-redigerer-du-planen.md").read_text(encoding="utf-8")
    example, _ = load_plan(ROOT / "plan.yaml")
    starting = yaml.safe_load((borgen.project / "plan.yaml").read_text(encoding="utf-8"))
    theirs = {str(item["id"]) for key in ("roller", "arbejdspakker") for item in starting[key]}
    korsbaek_ids = {r.id for r in example.roles} | {w.id for w in example.work_packages}
    korsbaek_ids |= {s.id for s in example.training.sessions}
    for word in (korsbaek_ids - theirs) | _korsbaek_words():
        assert word not in page, word
    dates = set(re.findall(r"\b20\d\d-\d\d-\d\d\b", example_text()))
    assert not dates & set(re.findall(r"\b20\d\d-\d\d-\d\d\b", page))
    shown = re.search(r"^    (plan\.yaml:\d+:\d+: roller\[sagsbehandler\]\.antal: .*)$", page, re.M).group(1)
    plan = borgen.project / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    broken = set_value(text, ("roller", "sagsbehandler", "antal"), "seksten")
    copy = borgen.project.parent / "hjaelp-plan.yaml"
    copy.write_text(broken, encoding="utf-8")
    result = run_cli("validate", str(copy), "--docs", str(borgen.project / "docs"), cwd=borgen.project)
    assert shown.replace("plan.yaml", str(copy), 1) in result.stderr, result.stderr


def test_fremdrift_template_validates_and_make_fremdrift_optael_offline_work(borgen: Walkthrough, tmp_path):
    project = tmp_path / "borgen"
    shutil.copytree(borgen.project, project, ignore=shutil.ignore_patterns("site", "build"))
    made = _make(project, "fremdrift", tmp_path)
    assert made.returncode == 0 and "Oprettet: fremdrift.yaml" in made.stdout, made.stdout + made.stderr
    template = (project / "fremdrift.skabelon.yaml").read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server: $schema=./fremdrift.schema.json")
    assert (project / "fremdrift.yaml").read_text(encoding="utf-8") == template
    again = _make(project, "fremdrift", tmp_path)
    assert "findes allerede" in again.stdout
    result = run_cli("validate", str(project / "plan.yaml"), "--docs", str(project / "docs"), cwd=project)
    assert result.returncode == 0, result.stderr
    output, _, _ = build_output(project / "plan.yaml", project / "docs")
    assert any(p.path.startswith("fremdrift") for p in output.pages)
    # make optael counts a list into it; make offline zips the site (with the Fremdrift pages)
    plan, _ = load_plan(project / "plan.yaml")
    day = (plan.project.go_live - dt.timedelta(days=30)).isoformat()
    (project / "liste.csv").write_text("status\nfærdig\nfærdig\ni gang\n", encoding="utf-8")
    counted = _make(project, "optael", tmp_path, "LISTE=liste.csv", "ARBEJDSPAKKE=basisoplysninger", f"DATO={day}")
    assert counted.returncode == 0, counted.stdout + counted.stderr
    progress = yaml.safe_load((project / "fremdrift.yaml").read_text(encoding="utf-8"))
    assert progress["status"] == [{"dato": dt.date.fromisoformat(day), "arbejdspakker": {"basisoplysninger": 2}}]
    offline = _make(project, "offline", tmp_path)
    assert offline.returncode == 0, offline.stdout + offline.stderr
    with zipfile.ZipFile(project / "build" / "offline" / "konverteringsplan-offline.zip") as zf:
        names = set(zf.namelist())
    assert "konverteringsplan/index.html" in names and any("fremdrift" in n for n in names)


def test_missing_go_live_is_named_before_the_references_that_need_it(borgen: Walkthrough, tmp_path):
    text = (borgen.project / "plan.yaml").read_text(encoding="utf-8")
    comment = text.splitlines()[line_of_key(text, ("projekt", "go_live")) - 1]
    assert "milepælen go_live" not in comment  # a go_live milestone is an error (derived from projekt.go_live)
    plan = tmp_path / "plan.yaml"
    no_go_live = rename_key(text, ("projekt", "go_live"), "adgang_til_dubu")
    plan.write_text(set_value(no_go_live, ("projekt", "adgang_til_dubu"), "2027-08-01"), encoding="utf-8")
    result = run_cli("validate", str(plan), "--docs", str(borgen.project / "docs"), cwd=tmp_path)
    lines = [line for line in result.stderr.splitlines() if "plan.yaml:" in line]
    assert partly("projekt.go_live: " + say.MISSING_KEY_HELP, key="go_live").search(lines[0]), lines
    assert all("go_live" in line for line in lines[1:]) and len(lines) >= 2
    assert not partly(say.UNKNOWN_ID, section="milepaele").search(result.stderr)
    assert partly(say.DERIVED_SOURCE_MISSING, value="go_live").search(lines[1])


def test_new_fails_when_nothing_can_be_written(tmp_path):
    blocker = tmp_path / "en-fil"
    blocker.write_text("x", encoding="utf-8")
    for target in (blocker, blocker / "under"):
        result = run_cli("new", str(target), "--kommune", "Borgen Kommune", cwd=tmp_path)
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stderr
    refused = run_cli("new", str(blocker), "--kommune", "B", cwd=tmp_path).stdout
    assert commands.NEW_NOT_A_FOLDER.format(target=blocker) in refused, refused
    assert run_cli("new", str(tmp_path / "x"), "--kommune", "  ", cwd=tmp_path).returncode == 1


def test_validate_warns_about_each_placeholder_until_replaced(borgen: Walkthrough, tmp_path):
    project = borgen.project
    text = (project / "plan.yaml").read_text(encoding="utf-8")
    result = run_cli("validate", str(project / "plan.yaml"), "--docs", str(project / "docs"), cwd=project)
    assert result.returncode == 0
    warnings = [line for line in result.stdout.splitlines() if "pladsholder" in line]
    marked = sum(line.count("(udfyld") for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert marked >= 15
    assert len(warnings) == marked + 2  # + CVR 00000000 and the bare was.digst.dk address
    cvr_line = line_of_key(text, ("kommune", "cvr"))
    assert f"plan.yaml:{cvr_line}:3: kommune.cvr: advarsel: {site_texts.PLACEHOLDER_CVR}" in result.stdout
    assert f"kommune.tilgaengelighedserklaering: advarsel: {site_texts.PLACEHOLDER_STATEMENT}" in result.stdout
    fixed = tmp_path / "plan.yaml"
    text = set_value(text, ("kommune", "cvr"), '"29189978"')
    fixed.write_text(set_value(text, ("roller", "superbruger", "personer", 0), "Team Nord"), encoding="utf-8")
    again = run_cli("validate", str(fixed), "--docs", str(project / "docs"), cwd=tmp_path).stdout
    assert "kommune.cvr" not in again and "Superbruger 1" not in again
    assert len([line for line in again.splitlines() if "pladsholder" in line]) == len(warnings) - 2


def test_status_label_is_the_plans_own(tmp_path):
    """Steps 1-3 done but status ikke_startet: the front page must not say "i gang"."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(set_value(example_text(), ("klik_opgave", "status"), "ikke_startet"), encoding="utf-8")
    output, _, _ = build_output(plan)
    index = next(p.markdown for p in output.pages if p.path == "index.md")
    assert "Status: ikke startet" in index and "i gang" not in index.split("### Metodens trin")[0]


_EXAMPLE = load_plan(ROOT / "plan.yaml")[1].data
_TEXTS = sorted((p for p, v in leaves(_EXAMPLE) if isinstance(v, str)), key=str)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_TEXTS), st.sampled_from(["(udfyld navn)", "(UDFYLD)", "(udfyld: dato)"]))
def test_a_placeholder_in_any_text_field_is_found_there(path, marker):
    """By class: every text field of the plan, not only the ones the starting plan uses."""
    import copy

    from hypothesis import assume
    from pydantic import ValidationError

    from konverteringsplan.analysis.placeholders import placeholders
    from konverteringsplan.model import Plan

    data = copy.deepcopy(_EXAMPLE)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = f"{node[path[-1]]} {marker}"
    try:
        plan = Plan.model_validate(data)
    except ValidationError:
        assume(False)  # an id or an enum value: a marker there is a type error, reported as such
    assert [p.path for p in placeholders(plan)] == [path]


def test_new_says_in_danish_why_a_file_could_not_be_written(tmp_path):
    target = tmp_path / "borgen"
    target.mkdir()
    (target / "docs").write_text("en fil, hvor new vil lave en mappe\n", encoding="utf-8")
    result = run_cli("new", str(target), "--kommune", "Borgen Kommune", cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if str(target / "docs") + "/" in line]
    assert lines and all(partly(commands.NEW_FAILED, why=reading.OS_NOT_A_FOLDER).fullmatch(line) for line in lines), (
        lines
    )  # not "Findes allerede" for a file that was never there
    assert "Not a directory" not in result.stdout
    assert (target / "docs").read_text(encoding="utf-8").startswith("en fil")  # nothing the user wrote is lost


def test_what_the_starting_plans_comments_suggest_is_accepted(borgen: Walkthrough, tmp_path):
    """Written in as the comments say (clarified minimum data, scores and the decision, an own milestone),
    the plan still validates: the comments suggest nothing the validator rejects."""
    text = (borgen.project / "plan.yaml").read_text(encoding="utf-8")
    assert (
        "#   afklaret_dato: ÅÅÅÅ-MM-DD" in text and "#     valgt: blandet" in text and 'fx "id: data_godkendt"' in text
    )
    go_live = load_plan(borgen.project / "plan.yaml")[0].project.go_live
    before = (go_live - dt.timedelta(days=60)).isoformat()
    text = add_key(text, ("minimumsoplysninger",), "afklaret_dato", before)
    text = add_key(text, ("minimumsoplysninger",), "deltagere", "[sagsbehandler]")
    scores = ", ".join(
        f"{o}: {{oekonomi: 3, effektivitet: 4, datakvalitet: 3}}" for o in ("automatisk", "manuel", "blandet")
    )
    decision = f"{{valgt: blandet, dato: {before}, besluttet_af: Styregruppen, begrundelse: Hvorfor.}}"
    text = add_key(text, ("konverteringsform",), "vurdering", f"{{{scores}}}")
    text = add_key(text, ("konverteringsform",), "beslutning", decision)
    text = set_value(text, ("milepaele",), f"[{{id: data_godkendt, navn: Data godkendt, dato: {before}}}]")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(plan), "--docs", str(borgen.project / "docs"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
