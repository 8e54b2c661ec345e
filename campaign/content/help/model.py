"""Places that help migrants (data/services.yaml): model and loader.

Like hotlines, a place is published only with its source and the date it was checked.
The schema has no field for a person's name or a shelter's address: publishing either
can put people at risk (someone looking for a person who escaped them, staff threatened).
Such a field is refused with that reason, not only as an unknown field.
The schema is documented in the header comment of data/services.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from campaign.content.gazetteer.lookup import read_area, read_province
from campaign.content.gazetteer.model import Area, Gazetteer
from campaign.core.checked import Checked, read_checked
from campaign.core.diagnostics import Diagnostic, Position
from campaign.core.fields import Fields, suggest
from campaign.core.localized import DEFAULT_LANGUAGES, Languages, Localized, read_localized, warn_untranslated
from campaign.core.review import read_review
from campaign.core.slugs import is_id
from campaign.core.yamlsource import Scalar, parse_file

FILE = "data/services.yaml"
OFFERS = ("information", "complaints", "legal-aid", "shelter-referral", "returnee-support", "training",
          "counselling")
FIELDS = ("id", "name", "about", "address", "province", "district", "offers", "hours", "phones", "source",
          "checked", "sample")
TOP_FIELDS = ("review", "khmer_review", "sample", "services")
_PHONE = re.compile(r"^\+?[0-9][0-9-]*[0-9]$")  # as dialled: digits and dashes (a leading + abroad)
# Field names that would hold what must never be published (see the module docstring).
_SENSITIVE = re.compile(r"person|people|staff|contact|manager|director|officer|shelter|home|victim",
                        re.IGNORECASE)
WHY_NOT = ("nothing: people's names and shelter addresses are never published, they can put people "
           f"at risk (see the header of {FILE})")


@dataclass(frozen=True)
class Service:
    id: str
    name: Localized
    province: Area
    district: Area | None  # None: the source does not say where in the province
    offers: tuple[str, ...]
    sources: tuple[str, ...]
    checked: Checked | None
    sample: bool = False  # not yet confirmed: shown as such
    about: Localized | None = None
    address: Localized | None = None  # an office open to the public, never a shelter
    hours: Localized | None = None
    phones: tuple[str, ...] = ()
    pos: Position | None = None

    @staticmethod
    def tel(number: str) -> str:
        """The tel: URI (digits only; dashes are for reading)."""
        return "tel:" + number.replace("-", "")


@dataclass(frozen=True)
class Services:
    items: tuple[Service, ...]
    review_needed: bool
    path: str = FILE

    def get(self, sid: str) -> Service | None:
        return next((s for s in self.items if s.id == sid), None)

    def in_province(self, province_id: str) -> tuple[Service, ...]:
        return tuple(s for s in self.items if s.province.id == province_id)

    def by_province(self, gazetteer: Gazetteer) -> list[tuple[Area, tuple[Service, ...]]]:
        """Provinces with places, in gazetteer order (staff control it)."""
        return [(p, here) for p in gazetteer.provinces if (here := self.in_province(p.id))]

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.items]


def _check_keys(f: Fields) -> None:
    """Unknown fields are errors; one that would publish a person or a shelter says why."""
    if f.map is None:
        return
    for k in f.map.keys():
        if k in FIELDS:
            continue
        if _SENSITIVE.search(k):
            f.fail(f.map.key(k).pos, f"field '{k}' in {f.what} is not allowed", WHY_NOT)
        else:
            f.fail(f.map.key(k).pos, f"unknown field '{k}' in {f.what}", suggest(k, FIELDS))


def _id(f: Fields, seen: dict[str, Position]) -> str | None:
    sid = f.text("id", expected="a short id such as mrc-serei-saophoan")
    if sid and not is_id(sid):
        f.fail(f.where("id"), f"id '{sid}' has characters other than a-z, 0-9 and -",
               "lowercase letters, digits and single dashes")
        return None
    if sid in seen:
        f.fail(f.where("id"), f"duplicate place id '{sid}' (first at line {seen[sid].line})", "a unique id")
        return None
    if sid:
        seen[sid] = f.where("id")
    return sid


def _offers(f: Fields) -> tuple[str, ...]:
    out = []
    for item in f.seq("offers", required=True, expected="a list such as [information, legal-aid]"):
        word = item.text.strip() if isinstance(item, Scalar) else ""
        if word in OFFERS:
            out.append(word)
        else:
            f.fail(item.pos, f"unknown offer '{word}' in {f.what}", suggest(word, OFFERS))
    return tuple(dict.fromkeys(out))


def _phones(f: Fields) -> tuple[str, ...]:
    out = []
    for item in f.seq("phones", expected='a list of numbers in quotes, e.g. ["012-345-678"]'):
        number = item.text.strip() if isinstance(item, Scalar) else ""
        if _PHONE.match(number):
            out.append(number)
        else:
            f.fail(item.pos, f"phone '{number}' of {f.what} is not a phone number",
                   "digits and dashes only, in quotes, as dialled")
    return tuple(out)


def _district(f: Fields, province: Area | None) -> Area | None | bool:
    """The district, None when not given (the site says it is not confirmed), False when wrong."""
    if province is None or f.node("district") is None:
        return None
    return read_area(f, "district", province, "district")


def _service(node, gaz: Gazetteer, languages: Languages, today: dt.date, sample: bool,
             seen: dict, diags: list[Diagnostic]) -> Service | None:
    f = Fields(node, diags, "this place", node.pos)
    if f.map is None:
        return None
    n_errors = sum(d.severity == "error" for d in diags)
    sid = _id(f, seen)
    f.what = f"place '{sid}'" if sid else "this place"
    _check_keys(f)
    untranslated: dict = {}
    name = read_localized(f, "name", languages, required=True, label="name", untranslated=untranslated)
    about = read_localized(f, "about", languages, required=False, label="about", untranslated=untranslated)
    address = read_localized(f, "address", languages, required=False, label="address", untranslated=untranslated)
    hours = read_localized(f, "hours", languages, required=False, label="hours", untranslated=untranslated)
    warn_untranslated(f, untranslated, languages)
    province = read_province(f, gaz)
    district = _district(f, province)
    offers, phones = _offers(f), _phones(f)
    sources = f.web_addresses("source", "the web address of a public page that names this place", f" of {f.what}")
    checked = read_checked(f, "checked", today)
    sample = f.boolean("sample", default=sample)
    if sum(d.severity == "error" for d in diags) > n_errors or not (sid and name and province):
        return None  # left out; the build stops on the errors anyway
    return Service(sid, name, province, district or None, offers, sources, checked, sample, about, address, hours,
                   phones, node.pos)


def read_services(root, display: str, gaz: Gazetteer, languages: Languages = DEFAULT_LANGUAGES,
                  today: dt.date | None = None, diags: list[Diagnostic] | None = None
                  ) -> tuple[Services, list[Diagnostic]]:
    today = today or dt.date.today()
    diags = diags if diags is not None else []
    top = Fields(root, diags, display, Position(display, 1, 1))
    top.check_keys(TOP_FIELDS)
    review = read_review(top, languages.default, display)
    sample = top.boolean("sample")
    seen: dict[str, Position] = {}
    items = [s for node in top.seq("services", required=True, expected="a list of places")
             if (s := _service(node, gaz, languages, today, sample, seen, diags)) is not None]
    return Services(tuple(items), review, display), diags


def load_services(path: Path, gaz: Gazetteer, display: str = FILE, languages: Languages = DEFAULT_LANGUAGES,
                  today: dt.date | None = None) -> tuple[Services, list[Diagnostic]]:
    root, diags = parse_file(path, display)
    if root is None and diags:  # unreadable: the syntax error says it all
        return Services((), True, display), diags
    return read_services(root, display, gaz, languages, today, diags)
