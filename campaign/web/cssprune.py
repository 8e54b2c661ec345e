"""Drop the CSS rules no page can match.

Material's stylesheet (~135 KB) styles every feature the theme has: search,
tabs, blog, code annotations... Our pages use a fraction. After the build,
rules whose selectors name a class, id or data attribute that appears in no
page (nor in our scripts) are removed. Pruning is conservative: a selector is
kept unless it names something provably absent.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from dataclasses import dataclass, field
from typing import Iterable

import tinycss2

from campaign.core import memo

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_ATTR = re.compile(r"\[\s*([\w-]+)")
# Selector text inside these functions may legitimately name absent things.
_NEGATION = re.compile(r":(not|where|is|has)\(")
_TAG = re.compile(r"(?:^|[\s>+~])([a-zA-Z][a-zA-Z0-9]*)")
_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_CLASSES = re.compile(r"""\sclass=["']?([^"'>]*)""")
_IDS = re.compile(r"""\sid=["']?([^"'\s>]+)""")
_ATTRS = re.compile(r"""\s([a-zA-Z_:][-\w:.]*)(?=[\s=>/])""")


@dataclass
class Used:
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=lambda: {"html", "body", "head"})

    def add_html(self, html: str) -> None:
        """Tags, classes, ids and attribute names of a page, with a few regular expressions (an
        HTML parser over thousands of pages took seconds). Text that merely looks like an
        attribute only keeps a rule it need not keep: pruning stays on the safe side."""
        tags, classes, ids, attrs = memo.recall("css-names", html, lambda: _kept_names(html))
        self.tags |= tags
        self.classes |= classes
        self.ids |= ids
        self.attrs |= attrs

    def add_names(self, text: str) -> None:
        """Class names a script may add at run time: every identifier-like word."""
        words = set(re.findall(r"[_a-zA-Z][\w-]*", text))
        self.classes.update(words)
        self.tags.update(w.lower() for w in words)
        self.attrs.update(re.findall(r"data-[\w-]+", text))


def _kept_names(html: str) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """``_names``, kept between builds under the page's SHA-256 and this file's code."""
    inputs = (memo.files_hash(Path(__file__)), hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest())
    text = memo.get("css-names", inputs, lambda: json.dumps([sorted(x) for x in _names(html)]))
    return tuple(frozenset(x) for x in json.loads(text))


def _names(html: str) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    classes = set()
    for value in _CLASSES.findall(html):
        classes.update(value.split())
    return (frozenset(t.lower() for t in _START.findall(html)), frozenset(classes), frozenset(_IDS.findall(html)),
            frozenset(a.lower() for a in _ATTRS.findall(html)))


def _selector_may_match(selector: str, used: Used) -> bool:
    if _NEGATION.search(selector):
        # Drop the arguments of :not()/:is()… before judging (crudely but safely).
        selector = re.sub(r":(not|where|is|has)\([^()]*\)", "", selector)
    bare = re.sub(r"\[[^\]]*\]|::?[\w-]+(\([^)]*\))?|[.#][\w-]+", " ", selector)
    return (all(t.lower() in used.tags for t in _TAG.findall(bare))
            and all(c in used.classes for c in _CLASS.findall(selector))
            and all(i in used.ids for i in _ID.findall(selector))
            and all(a in used.attrs for a in _ATTR.findall(selector)))


def _prune(rules: Iterable, used: Used) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude).strip()
            keep = [s for s in _split_selectors(prelude) if _selector_may_match(s, used)]
            if keep:
                out.append(",".join(keep) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer") and rule.content:
            inner = _prune(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return out


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in prelude:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return [p for p in parts if p]


VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _drop_unused_properties(css: str, referenced: set[str]) -> str:
    """Remove custom-property declarations (``--x: …``) that nothing reads."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            decls = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept = [d for d in decls if d.type == "declaration"
                    and (not d.name.startswith("--") or d.name in referenced)]
            if kept:
                body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                                + ("!important" if d.important else "") for d in kept)
                out.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer") and rule.content:
            inner = _drop_unused_properties(tinycss2.serialize(rule.content), referenced)
            if inner:
                out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + inner + "}")
        else:
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def prune_css(css: str, used: Used, other_text: str = "", other_vars: set[str] = frozenset()) -> str:
    """``other_text`` / ``other_vars``: other CSS, HTML and scripts whose ``var(--x)`` (or the
    names found in them) keep ``--x`` alive."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out = "".join(_prune(rules, used))
    outside = set(VAR.findall(other_text)) | set(other_vars)
    while True:  # variables read other variables: repeat until nothing more goes
        referenced = set(VAR.findall(out)) | outside
        smaller = _drop_unused_properties(out, referenced)
        if len(smaller) == len(out):
            return out
        out = smaller
