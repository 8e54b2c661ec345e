"""One Jinja2 environment for everything the core renders: page fragments, posters, guides.

Autoescape is on, so text from content files lands in HTML only escaped. Templates live
beside the code that uses them (``campaign/<part>/templates/``) and are named
``<part>/<file>``: ``tour/event.html``, ``posters/poster.html``. A project may override
any of them without code, Material's ``fragments/`` way: a file at
``<theme custom_dir>/campaign/<part>/<file>`` is tried first (``use_overrides``).

Fragments are injected into Markdown, so ``one_block`` keeps each one a single block
with no blank line inside (a blank line would end Python-Markdown's raw HTML block).
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape

from campaign.languages import dates
from campaign.languages.catalog import translator

PACKAGE = Path(__file__).resolve().parent.parent
# the overrides folder (none or one) and its files, as the environment was made with them
_overrides: list[tuple[tuple[Path, ...], tuple[str, ...]]] = [((), ())]


def package_dirs() -> dict[str, str]:
    """``<part>`` → its templates folder, for every part of the package that has one."""
    return {p.parent.name: str(p) for p in sorted(PACKAGE.rglob("templates")) if p.is_dir()}


def use_overrides(directory: Path | None) -> None:
    """Templates in ``directory`` (``<part>/<file>``) take precedence over the package's. The
    same folder with the same files keeps the compiled templates (Jinja reloads an edited one;
    a file added or removed makes a new environment, so a new override is not missed)."""
    folders = (directory,) if directory is not None and directory.is_dir() else ()
    state = (folders, tuple(sorted(str(p) for d in folders for p in d.rglob("*"))))
    if state != _overrides[0]:
        _overrides[0] = state
        env.cache_clear()


def overrides(part: str) -> list[Path]:
    """The project's override files for one part (``posters``), for cache keys."""
    return sorted(p for d in _overrides[0][0] for p in (d / part).rglob("*") if p.is_file())


@functools.lru_cache(maxsize=1)
def env() -> Environment:
    loaders = [FileSystemLoader(str(d)) for d in _overrides[0][0]]
    loaders.append(PrefixLoader({name: FileSystemLoader(d) for name, d in package_dirs().items()}))
    e = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return e


def context(lang: str) -> dict:
    """What every template may use: the language, its translator and number formats."""
    return {"lang": lang, "_": translator(lang),
            "n": lambda v: dates.format_number(v, lang), "digits": lambda v: dates.digits(v, lang)}


def render(template: str, lang: str, **values) -> str:
    return env().get_template(template).render(**context(lang), **values)


def one_block(html: str) -> str:
    """HTML safe to put in Markdown as one raw block: no blank line (Markdown would end
    the block there) and no indentation. Every fragment the core renders goes through it."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def fragment(template: str, lang: str, **values) -> str:
    return one_block(render(template, lang, **values))
