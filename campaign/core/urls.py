"""The one rule for page addresses: the default language at the site root, others under /<lang>/."""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from typing import Callable


def language_prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def page_url(rel: str, lang: str, default: str) -> str:
    """Site-relative URL with directory URLs: ``rights.md`` in en → ``en/rights/``."""
    p = PurePosixPath(rel)
    parts = list(p.parent.parts) if p.stem in ("index", "README") else [*p.parent.parts, p.stem]
    path = "/".join(parts)
    return language_prefix(lang, default) + (path + "/" if path else "")


def absolute(site_url: str, path: str) -> str:
    """``path`` (site-relative) under the public address ``site_url``."""
    return (site_url if site_url.endswith("/") else site_url + "/") + path.lstrip("/")


def relative_from(page_path: str) -> Callable[[str], str]:
    """A function giving, for a site-relative path, the link to write in the page at ``page_path``
    (so links work at any address and under any sub-path)."""
    here = page_path if page_path.endswith("/") or not page_path else posixpath.dirname(page_path) + "/"

    def url_for(target: str) -> str:
        rel = posixpath.relpath("/" + target, "/" + here)
        return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel

    return url_for


def site_path(site_url: str) -> str:
    """The sub-path the site is served under ("/" or "/campaign/")."""
    from urllib.parse import urlsplit

    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"
