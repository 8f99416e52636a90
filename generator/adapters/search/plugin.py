"""Danish search for Material for MkDocs: inflections, compounds and synonyms.

Why Material's own ``search: {lang: da}`` fails on Danish
---------------------------------------------------------
Material appends ``*`` to every query term ("undersøgelser" → ``undersøgelser*``) and lunr skips
the search pipeline (and so the stemmer) for any term with a wildcard. The Danish language file
leaves the pipeline at ``stopWordFilter``, so the index holds the words as written: a page about
"undersøgelse" has no token that starts with "undersøgelser", and the query finds nothing. Switching
the stemmer on for the index makes it worse: the index then holds stems ("undersøg") and the
unstemmed wildcard query ``undersøgelse*`` no longer matches even the exact word.

What this plugin does
---------------------
1. **Query side (in the search worker):** each typed term is cut down to its Danish Snowball stem
   and kept as a prefix query: "undersøgelser" → ``undersøg*``, which matches undersøgelse,
   undersøgelsen, undersøgelser and undersøgelsesforløb in the unstemmed index. Danish stop words
   and question words ("hvordan", "jeg", "en") are dropped when other terms remain, so a question
   ranks by its content words. With several words, the sections that contain all of them (a
   compound may occur as its parts, a word as a synonym) rank above those that contain only some,
   and a compound typed as one word also searches for its parts ("undervisningshold" →
   undervisning, hold) with half the weight. The site's ``lunr.da.min.js``, which the worker loads
   for ``lang: da`` (also under the offline plugin's iframe worker), is the theme's file with these
   few lines after it, given to MkDocs in ``on_files``; so the Material search UI is unchanged.
2. **Index side (in Python, here):** every search document gets a ``keywords`` field with the parts
   of its compound words (opfølgningsfrist → opfølgning, frist; studentermedhjælper → studenter,
   medhjælper) and the synonyms of terms it contains (barnets plan ↔ handleplan), so "frist" finds
   the page about opfølgningsfrister and "handleplan" finds the page about barnets plan.

The functions above the plugin class are plain Python, testable without MkDocs or a browser.
Runs after Material's search plugin wrote ``search/search_index.json`` and before the offline
plugin inlines it (event priority -50 between 0 and -100).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from ...texts import commands as wording

log = logging.getLogger("mkdocs.plugins.dansk_soegning")

KEYWORD_FIELD = "keywords"
JS_MARKER = "/* dansk-soegning: query stemming */"
# The Danish language file of lunr in Material's theme files. Its search worker has no documented way to
# load a script of a site's own; it loads this file (by this path) for ``search: {lang: da}``. The plugin
# gives the site its own file of that name in on_files (MkDocs' documented way to replace a file): the
# theme's content, then the query side. tests/test_search_plugin.py fails with what to check if an
# upgrade of Material moves the file or stops loading it.
LUNR_DA = "assets/javascripts/lunr/min/lunr.da.min.js"

# The Danish the search knows (generator/texts/commands.py): synonym groups, compound heads, word letters.
# The synonyms can be extended per site with the plugin option ``synonymer`` or ``extra.synonymer`` in
# mkdocs.yml (a list of lists).
DEFAULT_SYNONYMS = wording.SEARCH_SYNONYMS
DOMAIN_WORDS = wording.SEARCH_DOMAIN_WORDS

WORD_RE = re.compile(wording.SEARCH_WORD_PATTERN, re.IGNORECASE)
MIN_PART = 4  # shortest compound part (after a linking s/e is removed: 3)
SUFFIXES = wording.SEARCH_SUFFIXES  # Danish derivational endings: never the start of a compound's head
LINKING = wording.SEARCH_LINKING  # a linking letter between a compound's parts (opfølgning-s-frist) is dropped


# --------------------------------------------------------------------------------------------
# Plain functions
# --------------------------------------------------------------------------------------------


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("danish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Danish Snowball stem of a lower-case word (the algorithm lunr.da uses in the browser)."""
    return _stemmer().stemWord(word.lower())


def words(text: str) -> list[str]:
    """Lower-case word tokens of a text; HTML tags are dropped."""
    return WORD_RE.findall(re.sub(r"<[^>]+>", " ", text).lower())


class Vocabulary:
    """Known words, by form and by stem, for splitting compounds."""

    def __init__(self, tokens: Iterable[str] = ()):
        self.forms: set[str] = set()
        self.stems: set[str] = set()
        self.add(DOMAIN_WORDS)
        self.add(tokens)

    def add(self, tokens: Iterable[str]) -> None:
        for token in tokens:
            if len(token) >= 3 and not token.isdigit():
                self.forms.add(token)
                self.stems.add(stem(token))

    def knows(self, part: str) -> bool:
        if part in self.forms:
            return True
        # by stem only for longer parts, so that suffix fragments ("inger", "ende") don't count
        return len(part) >= 5 and len(stem(part)) >= 4 and stem(part) in self.stems


def split_compound(word: str, vocabulary: Vocabulary, _depth: int = 0) -> list[str]:
    """Split a Danish compound into known parts, or return [] when no split is found.

    Tries the longest modifier first; a linking -s- or -e- (opfølgning-s-frist) is dropped.
    The head (last part) may itself be a compound: studentermedhjælper → studenter, medhjælper,
    and medhjælper is not split further unless both its parts are ≥ 4 letters and known.
    """
    word = word.lower()
    if _depth > 3 or len(word) < 2 * MIN_PART:
        return []
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        left, right = word[:i], word[i:]
        if right.startswith(SUFFIXES):
            continue
        modifier = None
        if left[-1] in LINKING and len(left) - 1 >= 3 and vocabulary.knows(left[:-1]):
            modifier = left[:-1]
        elif vocabulary.knows(left):
            modifier = left
        if modifier is None:
            continue
        if vocabulary.knows(right):
            return [modifier, right, *split_compound(right, vocabulary, _depth + 1)]
        rest = split_compound(right, vocabulary, _depth + 1)
        if rest:
            return [modifier, *rest]
    # no known modifier: a long known head is enough (minimums|oplysninger, basis|oplysninger)
    for i in range(MIN_PART, len(word) - 6 + 1):
        left, right = word[:i], word[i:]
        if right in vocabulary.forms and not right.startswith(SUFFIXES):
            return [left, right]  # the modifier keeps any linking -s-: "minimums" still prefixes "minimum"
    return []


@lru_cache(maxsize=4096)
def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(phrase))


def _contains(
    sequence: Sequence[str], phrase: tuple[str, ...], members: set[str] | frozenset[str] = frozenset()
) -> bool:
    n = len(phrase)
    if n == 0:
        return False
    if n == 1:
        return phrase[0] in (members or sequence)
    if members and phrase[0] not in members:
        return False
    return any(tuple(sequence[i : i + n]) == phrase for i in range(len(sequence) - n + 1))


def synonym_keywords(tokens: Sequence[str], groups: Iterable[Sequence[str]]) -> list[str]:
    """Words of the other phrases in every synonym group the tokens contain a phrase of."""
    stems = [stem(t) for t in tokens]
    members = set(stems)
    out: list[str] = []
    for group in groups:
        present = [p for p in group if _contains(stems, _phrase_stems(p), members)]
        if present:
            for phrase in group:
                if phrase not in present:
                    out.extend(words(phrase))
    return out


def keywords_for(text: str, vocabulary: Vocabulary, groups: Iterable[Sequence[str]]) -> str:
    """The extra search words for one document: compound parts and synonyms, no duplicates."""
    tokens = words(text)
    present = set(tokens)
    extra: list[str] = []
    for token in dict.fromkeys(tokens):
        extra.extend(split_compound(token, vocabulary))
    extra.extend(synonym_keywords(tokens, groups))
    return " ".join(w for w in dict.fromkeys(extra) if w not in present)


def expand_search_index(index: dict, groups: Iterable[Sequence[str]] = DEFAULT_SYNONYMS, boost: float = 1.0) -> dict:
    """Add the ``keywords`` field to a Material search index (the parsed search_index.json)."""
    groups = [tuple(g) for g in groups]
    docs = index.get("docs", [])
    vocabulary = Vocabulary()
    for doc in docs:
        vocabulary.add(words(doc.get("title", "") + " " + doc.get("text", "")))
    for group in groups:
        for phrase in group:
            vocabulary.add(words(phrase))
    for doc in docs:
        keywords = keywords_for(doc.get("title", "") + " " + doc.get("text", ""), vocabulary, groups)
        if keywords:
            doc[KEYWORD_FIELD] = keywords
    index.setdefault("config", {}).setdefault("fields", {})[KEYWORD_FIELD] = {"boost": boost}
    return index


# The query side (query.js beside this file) goes into the site's lunr.da.min.js (LUNR_DA), the one file of
# our own that Material's search worker loads for lang: da, after lunr itself and lunr.stemmer.support. Every query clause that Material turned
# into a trailing-wildcard term ("undersøgelser*") becomes "<stem>*"; stop words are dropped. The compound
# rules above reach it as one JSON object, so they are written once.
QUESTION_WORDS = wording.SEARCH_QUESTION_WORDS


FUZZY_MIN = 5  # a typed word's stem of this many letters or more forgives one wrong, missing, extra or swapped letter
FUZZY_MAX = 2  # at most this many corrections of one word are searched (the most frequent beginnings)
COMPLETE_LIFT = 1000  # a section that holds every word of a query scores this many times its own score


@cache
def query_js() -> str:
    rules = {
        "minPart": MIN_PART,
        "suffixes": list(SUFFIXES),
        "linking": LINKING,
        "questionWords": list(QUESTION_WORDS),
        "fuzzyMin": FUZZY_MIN,
        "fuzzyMax": FUZZY_MAX,
        "completeLift": COMPLETE_LIFT,
    }
    source = (Path(__file__).with_name("query.js")).read_text(encoding="utf-8")
    return JS_MARKER + "\n" + source.replace("/*RULES*/", json.dumps(rules, ensure_ascii=False))


def danish_lunr(material_lunr_da: str) -> str:
    """Material's lunr.da.min.js with the query side (query.js) after it: the site's own file of that name."""
    return material_lunr_da.rstrip() + "\n" + query_js()


# --------------------------------------------------------------------------------------------
# MkDocs adapter
# --------------------------------------------------------------------------------------------


class DanishSearchConfig(Config):
    enabled = c.Type(bool, default=True)
    synonymer = c.Type(list, default=[])
    boost = c.Type((int, float), default=1.0)


class DanishSearchPlugin(BasePlugin[DanishSearchConfig]):
    """``plugins: [search: {lang: da}, dansk-soegning]`` — list it after ``search``."""

    def on_files(self, files, *, config):
        """The theme's lunr.da.min.js → the site's own, with the query side after the theme's code."""
        theme_file = files.get_file_from_path(LUNR_DA) if self.config.enabled else None
        if theme_file is not None:
            files.remove(theme_file)
            files.append(File.generated(config, LUNR_DA, content=danish_lunr(theme_file.content_string)))
        return files

    @event_priority(-50)  # after Material's search (0), before the offline plugin (-100)
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        index_file = site / "search" / "search_index.json"
        if not index_file.is_file():
            log.warning(wording.SEARCH_NO_INDEX)
            return
        groups = list(DEFAULT_SYNONYMS) + list(self.config.synonymer)
        groups += list((config.extra or {}).get("synonymer") or [])
        index = json.loads(index_file.read_text(encoding="utf-8"))
        if "da" not in index.get("config", {}).get("lang", []):
            log.warning(wording.SEARCH_NOT_DANISH)
        expand_search_index(index, groups, self.config.boost)
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
