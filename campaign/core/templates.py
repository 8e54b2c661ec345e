"""One Jinja2 environment for the HTML fragments the core renders.

Autoescape is on: text from content files lands in HTML only escaped.
Fragments are injected into Markdown, so templates keep each fragment one
block element with no blank line inside (a blank line would end the HTML block).
"""

from __future__ import annotations

import functools

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape

from campaign.languages import khmer
from campaign.strings import strings


_PKG = Path(__file__).parent.parent


@functools.lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(
        loader=ChoiceLoader([FileSystemLoader([str(_PKG / "core/templates"), str(_PKG / "content/hotlines/templates")]),
                             PrefixLoader({"web": FileSystemLoader(str(_PKG / "web/templates"))})]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    e.filters["khmer_digits"] = khmer.digits
    return e


def one_block(html: str) -> str:
    """HTML safe to put in Markdown as one raw block: no blank line (Markdown would end
    the block there) and no indentation. Every fragment the core renders goes through it."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def fragment(template: str, lang: str, **context) -> str:
    return one_block(env().get_template(template).render(lang=lang, s=strings(lang), **context))
