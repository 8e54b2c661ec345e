"""One Python-Markdown extension for what the campaign adds to Markdown, on the web and on paper.

- ``tel``: every hotline number written in text becomes a tap-to-call link (not inside
  links or code, not as part of a longer number);
- ``links="text"``: links print as their text (posters: nobody can tap paper);
- ``links="address"``: links print with their address after them (booklets);
- ``raw_html=False``: HTML written in the Markdown is shown as text, not obeyed, and
  images are dropped, so nothing outside the text can reach a PDF.

MkDocs loads it through ``markdown_extensions`` (the adapter adds it with the hotline
numbers); posters and guides call ``render`` with the same code.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_SKIP = {"a", "code", "pre", "script", "style", "kbd", "samp"}
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _number_pattern(numbers) -> re.Pattern | None:
    numbers = sorted(set(numbers), key=len, reverse=True)
    if not numbers:
        return None
    return re.compile(r"(?<![\w/.\-+])(" + "|".join(map(re.escape, numbers)) + r")(?![\w/\-]|\.\d)")


class _TelLinks(Treeprocessor):
    def __init__(self, md, numbers: dict[str, str]):
        super().__init__(md)
        self.tel = numbers  # number as written → tel: URI
        self.pattern = _number_pattern(numbers)

    def run(self, root):
        if self.pattern is not None:
            self._walk(root)

    def _walk(self, el):
        if el.tag in _SKIP:
            return
        self._split(el, None)
        for child in list(el):
            self._walk(child)
            self._split(el, child)

    def _split(self, parent, child):
        """Link the numbers in ``parent``'s text (child None) or in ``child``'s tail."""
        text = parent.text if child is None else child.tail
        if not text or not self.pattern.search(text):
            return
        pieces = self.pattern.split(text)  # [before, number, between, number, …, after]
        if child is None:
            parent.text, at = pieces[0], 0
        else:
            child.tail, at = pieces[0], list(parent).index(child) + 1
        for number, after in zip(pieces[1::2], pieces[2::2]):
            a = etree.Element("a", {"class": "campaign-tel", "href": self.tel[number]})
            a.text, a.tail = number, after
            parent.insert(at, a)
            at += 1


class _PrintLinks(Treeprocessor):
    def __init__(self, md, mode: str):
        super().__init__(md)
        self.mode = mode

    def run(self, root):
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img":
                    parent.remove(child)  # pictures on paper come from the poster's own field
                elif child.tag == "a":
                    child.tag = "span"
                    href = child.attrib.pop("href", "")
                    child.attrib.clear()
                    if self.mode == "address" and href.startswith(("http://", "https://")):
                        parts = urlsplit(href)
                        src = etree.SubElement(child, "span", {"class": "src"})
                        src.text = " (" + (parts.netloc.removeprefix("www.") + parts.path).rstrip("/") + ")"


class CampaignExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "numbers": [{}, "hotline numbers as written → tel: URIs"],
            "links": ["", "'' (web), 'text' (posters) or 'address' (booklets)"],
            "raw_html": [True, "obey HTML written in the Markdown"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        if not self.getConfig("raw_html"):
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
        if self.getConfig("links"):
            md.treeprocessors.register(_PrintLinks(md, self.getConfig("links")), "campaign-print", 1)
        if self.getConfig("numbers"):
            md.treeprocessors.register(_TelLinks(md, dict(self.getConfig("numbers"))), "campaign-tel", 0)


def tel_numbers(hotlines) -> dict[str, str]:
    """The numbers pages may write, as the tap-to-call extension wants them."""
    return {h.number: h.tel for h in hotlines.items} if hotlines is not None else {}


def render(text: str, *, numbers: dict | None = None, links: str = "", raw_html: bool = False,
           extensions=(), extension_configs: dict | None = None) -> tuple[str, markdown.Markdown]:
    """Markdown → HTML for print (comments dropped; raw HTML shown as text by default)."""
    md = markdown.Markdown(extensions=[*extensions, CampaignExtension(numbers=numbers or {}, links=links,
                                                                       raw_html=raw_html)],
                           extension_configs=extension_configs or {})
    return md.convert(_COMMENT.sub("", text)), md
