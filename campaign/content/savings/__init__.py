"""Savings planner (marker ``campaign:savings``): how much to put aside each week or month
to reach an amount (a debt to repay, money to bring home), and how long it takes.

Without JavaScript the page shows a table of examples drawn at build time; with it, a small
calculator (``assets/savings.js``, under 2 KB compressed) keeps its inputs in the address so a
plan can be shared. Riel or baht, each on its own: no exchange rate, fee or interest rate,
which change and would need a source. The advice around it is the page's own Markdown.
"""

from __future__ import annotations

from pathlib import Path

from campaign.content.base import ContentType, Marker, MarkerCall, register
from campaign.content.savings.view import planner_html

__all__ = ["SavingsType", "SCRIPT", "ASSET_JS"]

SCRIPT = "assets/javascripts/savings.js"
ASSET_JS = Path(__file__).parent / "assets" / "savings.js"


def _planner(call: MarkerCall) -> str:
    return planner_html(call.lang)


@register
class SavingsType(ContentType):
    name = "savings"
    markers = (Marker("savings", _planner, help="a savings planner: examples, and a calculator where JavaScript runs"),)
    assets = {SCRIPT: ASSET_JS}
    # the script is loaded by the page named savings.md only (scripts are chosen by a page's
    # first folder, or its file name at the top)
    scripts = {"savings.md": [SCRIPT]}
