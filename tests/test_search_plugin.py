"""The Danish search expansion, without MkDocs or a browser."""

from __future__ import annotations

import json
import re

from konverteringsplan.adapters.search.plugin import (
    JS_MARKER,
    KEYWORD_FIELD,
    Vocabulary,
    danish_lunr,
    expand_search_index,
    keywords_for,
    split_compound,
    stem,
    synonym_keywords,
    words,
)
from konverteringsplan.texts import commands


def test_inflections_share_a_stem_that_prefixes_every_form():
    # the browser turns each query term into "<stem>*": the stem must prefix the page's forms
    for forms in (
        ("undersøgelse", "undersøgelsen", "undersøgelser", "undersøgelserne"),
        ("indsats", "indsatsen", "indsatser", "indsatserne"),
        ("frist", "frister", "fristerne"),
        ("opretter", "oprette", "oprettes"),
    ):
        stems = {stem(f) for f in forms}
        assert len(stems) <= 2, stems
        shortest = min(stems, key=len)
        assert all(f.startswith(shortest) for f in forms)


def test_words_lowercases_keeps_danish_letters_and_drops_tags():
    assert words("<p>Børnefaglig UNDERSØGELSE, § 20</p>") == ["børnefaglig", "undersøgelse", "20"]


def test_split_compounds_with_and_without_linking_letter():
    v = Vocabulary(["opfølgning", "frist", "anbringelse", "sted", "studenter", "medhjælper"])
    assert split_compound("opfølgningsfrist", v)[:2] == ["opfølgning", "frist"]
    assert split_compound("anbringelsessted", v)[:2] == ["anbringelse", "sted"]
    assert split_compound("studentermedhjælper", v)[:2] == ["studenter", "medhjælper"]


def test_split_uses_domain_words_and_leaves_plain_words_alone():
    v = Vocabulary(["opfølgning"])
    assert split_compound("opfølgningsfristerne", v) == ["opfølgning", "fristerne"]
    assert split_compound("undersøgelse", v) == []
    assert split_compound("indsats", v) == []


def test_synonyms_match_phrases_by_stem():
    assert "handleplan" in synonym_keywords(words("Barnets planer skal foreligge"), [("barnets plan", "handleplan")])
    assert synonym_keywords(words("Barnets trivsel"), [("barnets plan", "handleplan")]) == []


def test_keywords_skip_words_already_in_the_text():
    v = Vocabulary(["frist", "opfølgning"])
    kw = keywords_for("Opfølgningsfristen og opfølgning", v, []).split()
    assert "fristen" in kw and "opfølgning" not in kw


def test_expand_search_index_adds_field_and_keywords():
    index = {
        "config": {"lang": ["da"], "fields": {"title": {"boost": 1000}}},
        "docs": [
            {"location": "a/", "title": "Opfølgning", "text": "Opfølgningsfristen for indsatsen"},
            {"location": "b/", "title": "Barnets plan", "text": "Planen skal foreligge."},
        ],
    }
    out = expand_search_index(json.loads(json.dumps(index)))
    assert out["config"]["fields"][KEYWORD_FIELD] == {"boost": 1.0}
    assert "fristen" in out["docs"][0][KEYWORD_FIELD].split()
    assert "handleplan" in out["docs"][1][KEYWORD_FIELD].split()


def test_the_sites_lunr_da_is_the_themes_then_the_query_side():
    text = danish_lunr("/* lunr.da */\n")
    assert text.startswith("/* lunr.da */\n" + JS_MARKER) and text.count(JS_MARKER) == 1


def test_material_still_loads_lunr_da_from_where_the_plugin_replaces_it():
    """Material's search worker has no documented way to load a site's own script; it loads
    lunr/min/lunr.{lang}.min.js. If this fails after upgrading mkdocs-material: find where the new
    search worker loads the Danish language file from (or a documented way to add a script to the
    worker) and change LUNR_DA in generator/adapters/search/plugin.py."""
    from pathlib import Path

    import material

    from konverteringsplan.adapters.search.plugin import LUNR_DA

    theme = Path(material.__file__).parent / "templates"
    assert (theme / LUNR_DA).is_file(), f"mkdocs-material has no {LUNR_DA} any more: see this test's docstring"
    workers = list((theme / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert workers and all("/min/lunr.${" in w.read_text(encoding="utf-8") for w in workers), (
        "Material's search worker no longer loads lunr/min/lunr.<lang>.min.js: see this test's docstring"
    )


def test_the_browser_gets_the_compound_rules_from_python(tmp_path):
    """The query side (query.js) has no rules of its own: the suffixes, the shortest part, the linking
    letters and the question words reach it from plugin.py, so the two sides cannot drift apart."""
    from pathlib import Path

    from konverteringsplan.adapters.search import plugin

    source = (Path(plugin.__file__).with_name("query.js")).read_text(encoding="utf-8")
    for suffix in ("ning", "else", "skab"):
        assert f"|{suffix}|" not in source and f'"{suffix}"' not in source
    assert "hvordan" not in source and "/*RULES*/" in source
    text = danish_lunr("/* lunr.da */")
    rules = json.loads(re.search(r"self\.lunr, (\{.*\})\);\s*$", text, re.S).group(1))
    assert rules == {
        "minPart": plugin.MIN_PART,
        "suffixes": list(plugin.SUFFIXES),
        "linking": plugin.LINKING,
        "questionWords": list(plugin.QUESTION_WORDS),
        "fuzzyMin": plugin.FUZZY_MIN,
        "fuzzyMax": plugin.FUZZY_MAX,
        "completeLift": plugin.COMPLETE_LIFT,
    }


def test_the_search_plugin_warns_in_danish_and_says_what_to_do(tmp_path, caplog):
    """A project lead who turns search off, or sets its language to English, reads why search is weaker
    and what to change in mkdocs.yml, in Danish."""
    from types import SimpleNamespace

    from konverteringsplan.adapters.search.plugin import DanishSearchPlugin

    plugin = DanishSearchPlugin()
    plugin.load_config({})
    config = SimpleNamespace(site_dir=str(tmp_path), extra={})
    with caplog.at_level("WARNING", logger="mkdocs.plugins.dansk_soegning"):
        plugin.on_post_build(config=config)
        (tmp_path / "search").mkdir()
        (tmp_path / "search" / "search_index.json").write_text(
            json.dumps({"config": {"lang": ["en"]}, "docs": []}), encoding="utf-8"
        )
        plugin.on_post_build(config=config)
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 2, said
    assert said == [commands.SEARCH_NO_INDEX, commands.SEARCH_NOT_DANISH]
    for text in said:
        assert not re.search(r"\b(?:is|the|no|not|off|on)\b", text), text  # no English left
