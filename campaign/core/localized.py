"""Text in several languages, and the one fallback rule every content type follows.

A localised field is written once for every language (``venue: Wat Kor``) or per
language (``title: {km: …, en: …, th: …}``), with any configured language code as a key.
A reader asking for a language the text lacks gets it in the first language of
``Languages.order``: the languages the reader's pack prefers (Thai readers get English
before Khmer; the site's ``fallback`` setting can change it), then the site's default
language, then the others in their configured order.
What is missing is a warning that names it; a missing default-language text, where the
content type requires it, is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campaign.core.fields import Fields, suggest
from campaign.core.yamlsource import Scalar
from campaign.languages.pack import pack


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]
    default: str
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    def order(self, lang: str) -> tuple[str, ...]:
        """Where ``lang`` readers' text comes from, best first."""
        mine = self.fallbacks.get(lang, pack(lang).fallback)  # the site's setting, else the pack's
        chain = (lang, *[c for c in mine if c in self.codes], self.default, *self.codes)
        return tuple(dict.fromkeys(chain))


DEFAULT_LANGUAGES = Languages(("km", "en"), "km")


@dataclass(frozen=True)
class Localized:
    """Text per language; the key "" holds text written once for every language."""

    values: tuple[tuple[str, str], ...]
    languages: Languages = DEFAULT_LANGUAGES

    @classmethod
    def of(cls, languages: Languages = DEFAULT_LANGUAGES, **values: str) -> "Localized":
        return cls(tuple((k, v) for k, v in values.items() if v), languages)

    def has(self, lang: str) -> bool:
        return any(k in (lang, "") for k, _ in self.values)

    def lang_of(self, lang: str) -> str:
        """The language of the text ``get(lang)`` returns (for lang="" attributes)."""
        d = dict(self.values)
        if lang in d or "" in d:
            return lang
        return next((k for k in self.languages.order(lang) if k in d), next(iter(d), lang))

    def get(self, lang: str) -> str:
        d = dict(self.values)
        if lang in d:
            return d[lang]
        if "" in d:
            return d[""]
        return d.get(self.lang_of(lang), "")

    def missing(self) -> list[str]:
        """Configured languages this text is not written in."""
        return [lang for lang in self.languages.codes if not self.has(lang)]


def read_localized(f: Fields, key: str, languages: Languages, *, required: bool, label: str,
                   default_required: bool = True, untranslated: dict | None = None) -> Localized | None:
    """``key`` of ``f`` as ``Localized``; problems reported through ``f``.

    ``untranslated`` collects, per language, the labels of texts not written in it, so
    the caller reports one warning per object rather than one per field.
    """
    n = f.node(key)
    if n is None:
        if required:
            f.fail(f.pos, f"{f.what} has no {label}",
                   f"{key}: {{{', '.join(f'{c}: …' for c in languages.codes)}}}")
        return None
    return read_localized_node(f, n, key, f.where(key), languages, label=label,
                               default_required=default_required, untranslated=untranslated)


def read_localized_node(f: Fields, n, key: str, where, languages: Languages, *, label: str,
                        default_required: bool = True, untranslated: dict | None = None) -> Localized | None:
    """A YAML node (a text, or one text per language) as ``Localized``."""
    default = languages.default
    dname = pack(default).name_in(pack("en"))
    example = f"{key}: {{{', '.join(f'{c}: …' for c in languages.codes)}}}"
    if isinstance(n, Scalar):
        text = n.text.strip()
        if not text:
            f.fail(n.pos, f"{label} of {f.what} is empty", "some text")
            return None
        script = pack(default).script
        if default_required and script.splitter and not script.has(text):
            # one text for every language must be readable in the default language
            f.fail(where, f"{f.what} has no {dname} {label} ('{key}' is one text without {dname} script)",
                   example)
            return None
        return Localized((("", text),), languages)
    sub = Fields(n, f.diags, f"{label} of {f.what}", where)
    if sub.map is None:
        return None
    for k in sub.map.keys():
        if k not in languages.codes:
            sub.fail(sub.map.key(k).pos, f"'{k}' is not a language of this site",
                     suggest(k, languages.codes) + " (languages are set in mkdocs.yml)")
    values = []
    for lang in languages.codes:
        text = sub.text(lang, required=False, expected=f"the {label} in {lang}")
        if text is None:
            continue
        values.append((lang, text))
        script = pack(lang).script
        lname = pack(lang).name_in(pack("en"))
        if script.splitter and not script.has(text):
            f.warn(sub.where(lang), f"the {lname} {label} of {f.what} contains no {lname} script",
                   f"{lname} text under {lang}")
    if default_required and sub.node(default) is None:
        f.fail(where, f"{f.what} has no {dname} {label}", f"a line `{default}: …` under {key}")
        return None
    if not values:
        f.fail(where, f"{label} of {f.what} has no text", example)
        return None
    loc = Localized(tuple(values), languages)
    if untranslated is not None:
        for lang in loc.missing():
            untranslated.setdefault(lang, []).append(label)
    return loc


def warn_untranslated(f: Fields, untranslated: dict, languages: Languages) -> None:
    """One warning per language listing what ``f``'s object lacks in it."""
    for lang, labels in untranslated.items():
        shown = pack(languages.order(lang)[1] if len(languages.order(lang)) > 1 else lang)
        f.warn(f.pos, f"{f.what} has no {pack(lang).name_in(pack('en'))} text for "
               f"{', '.join(dict.fromkeys(labels))}; {lang} pages show it in {shown.name_in(pack('en'))}",
               f"a line `{lang}: …` under each of them")
