"""One Jinja2 environment for the HTML fragments the core renders.

Autoescape is on: text from content files lands in HTML only escaped.
Fragments are injected into Markdown, so templates keep each fragment one
block element with no blank line inside (a blank line would end the HTML block).
"""

from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from . import khmer
from .strings import strings


@functools.lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(
        loader=PackageLoader("campaign", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    e.filters["khmer_digits"] = khmer.digits
    return e


def fragment(template: str, lang: str, **context) -> str:
    html = env().get_template(template).render(lang=lang, s=strings(lang), **context)
    # No blank lines: Markdown would end the raw-HTML block there.
    return re.sub(r"\n\s*\n", "\n", html).strip()
