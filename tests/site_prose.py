"""The prose of a built page as a reader meets it: the article only, one block (paragraph, list item, table
cell, heading) a line, code left out (it is kept apart, to find backticked plan keys)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import ClassVar


class Prose(HTMLParser):
    BLOCKS: ClassVar = {
        "p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "dt", "dd", "figcaption",
        "summary", "details", "table", "ul", "ol", "blockquote", "caption", "section",
    }  # fmt: skip
    SKIP: ClassVar = {"script", "style", "pre", "svg", "template", "noscript"}
    VOID: ClassVar = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.depth_article = 0
        self.blocks: list[str] = [""]
        self.code: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_article += 1
        if tag in self.BLOCKS:
            self.blocks.append("")
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "code" and self.depth_article:
            self.code.append("")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.blocks.append("")
        while tag in self.stack:  # an end tag without its start (HTML allows some) closes nothing
            top = self.stack.pop()
            if top == "article":
                self.depth_article -= 1
            if top == tag:
                break

    def handle_data(self, data):
        if not self.depth_article or self.SKIP.intersection(self.stack):
            return
        if "code" in self.stack:
            self.code[-1] += data
            self.blocks[-1] += " ‹kode› "  # a code span is no word of the sentence around it
            return
        self.blocks[-1] += data


def prose(page: str) -> tuple[list[str], list[str]]:
    """(the article's text blocks, whitespace folded; the text of its code spans)."""
    parser = Prose()
    parser.feed(page)
    blocks = [" ".join(b.split()) for b in parser.blocks]
    return [b for b in blocks if b], parser.code
