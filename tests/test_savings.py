"""Savings planner: the sums, the examples every reader gets (no JavaScript needed), the small
calculator in Khmer and English (Khmer digits typed and shown, the plan kept in the address),
and the page offline."""

from __future__ import annotations

import gzip
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from campaign.build import SiteBuild
from campaign.content.savings import ASSET_JS, SCRIPT
from campaign.content.savings import plan
from campaign.content.savings.view import duration, examples, planner_html
from campaign.languages.dates import format_number

from conftest import PHONE, ROOT, screenshot

KM_DIGITS = "០១២៣៤៥៦៧៨៩"
WESTERN = re.compile(r"[0-9]")


# -- the sums -------------------------------------------------------------------------------

def test_time_needed_rounds_up_to_whole_weeks_or_months():
    assert plan.periods(1_000_000, 250_000) == 4
    assert plan.periods(1_000_000, 300_000) == 4  # 3.33 months: the fourth month finishes it
    assert plan.periods(1_000, 5_000) == 1  # already there after one
    assert plan.months_of(40) == 9 and plan.months_of(20) == 5 and plan.months_of(1) == 1


def test_amounts_to_put_aside_round_up_to_a_sum_people_handle():
    assert plan.per_month(1_000_000, 3, "riel") == 333_400  # riel: to the 100
    assert plan.per_week(1_000_000, 3, "riel") == 77_000  # 13 weeks in 3 months
    assert plan.per_month(10_000, 3, "baht") == 3_334
    assert plan.per_week(10_000, 5, "baht") == 462
    for cur, goal, _ in plan.EXAMPLES:
        for months in (1, 2, 7, 12, 36):
            assert plan.per_month(goal, months, cur) * months >= goal
            assert plan.per_week(goal, months, cur) * months * 52 / 12 >= goal


def test_examples_need_no_fact_that_goes_stale():
    """No exchange rate, fee or interest: each currency is planned on its own."""
    for lang in ("en", "km"):
        assert not re.search(r"\b(exchange|interest|fees?|rates?)\b|%", planner_html(lang), re.I)


# -- the page without JavaScript ---------------------------------------------------------------

@pytest.fixture(scope="module")
def reference():
    b = SiteBuild.start(ROOT / "mkdocs.yml", render=False)
    yield b
    b.close()


def test_examples_are_written_in_the_page_digits():
    km, en = examples("km"), examples("en")
    assert len(km) == len(en) == sum(len(rows) for _, _, rows in plan.EXAMPLES)
    assert en[0] == {"goal": "1,000,000 riel", "save": "25,000 riel each week", "time": "40 weeks (about 9 months)"}
    assert en[2]["time"] == "10 months" and en[-1]["goal"] == "10,000 baht"
    for row in km:
        assert not WESTERN.search(" ".join(row.values())), row
    assert km[0]["goal"].startswith("១,០០០,០០០")
    assert duration(1, "month", "en") == "1 month" and duration(3, "week", "en") == "3 weeks"


@pytest.mark.parametrize("lang", ["km", "en"])
def test_the_page_has_the_planner_the_advice_and_its_script_only(reference, lang):
    md = reference.markdown(lang, "savings.md")
    assert 'class="campaign-savings"' in md and "campaign-savings__examples" in md
    assert md.count("<tr><td>") == len(examples(lang))
    assert 'data-digits="' + (KM_DIGITS if lang == "km" else "0123456789") + '"' in md
    assert "hotlines.md" in reference.body(lang, "savings.md")  # the advice links the hotlines
    assert reference.context(lang, "savings.md")["scripts"] == [SCRIPT]
    assert SCRIPT not in reference.context(lang, "rights.md")["scripts"]
    assert "savings.md" in reference.offline_pages()
    if lang == "km":
        assert reference.project.site.pages[("km", "savings.md")].review_needed


def test_script_is_small_and_offline():
    js = ASSET_JS.read_text(encoding="utf-8")
    assert len(gzip.compress(js.encode(), 9)) < 2048
    for word in ("fetch", "XMLHttpRequest", "import(", "http", "sendBeacon", "WebSocket", "localStorage"):
        assert word not in js


# -- in the browser ---------------------------------------------------------------------------

def _result(page) -> str:
    return page.locator("[data-savings-result]").inner_text()


def _plan_rows(page) -> list[list[str]]:
    return page.evaluate("[...document.querySelectorAll('.campaign-savings__plan tbody tr')]"
                         ".map(tr => [...tr.cells].map(td => td.textContent))")


@pytest.mark.browser
def test_khmer_calculator_takes_khmer_digits_and_answers_in_them(phone, site):
    phone.goto(site.url + "savings/")
    phone.wait_for_load_state("networkidle")
    form = phone.locator("[data-savings-form]")
    assert form.is_visible()
    # typed on a Khmer keyboard: 1,000,000 riel, 250,000 a month
    phone.locator("#savings-goal").press_sequentially("១០០០០០០")
    phone.locator("#savings-amount").press_sequentially("២៥០០០០")
    result = _result(phone)
    assert "១,០០០,០០០" in result and "២៥០,០០០" in result and "៤" in result, result
    assert not WESTERN.search(result), result
    rows = _plan_rows(phone)
    assert len(rows) == 4 and rows[-1][1].startswith("១,០០០,០០០"), rows
    assert not WESTERN.search(str(rows))
    # the plan is in the address, in plain digits, to share; after "#", which no server sees
    assert urlsplit(phone.url).query == ""
    query = parse_qs(urlsplit(phone.url).fragment)
    assert query == {"goal": ["1000000"], "cur": ["riel"], "plan": ["save"], "every": ["month"], "amount": ["250000"]}
    assert phone.get_attribute("[data-savings-link]", "href") == phone.url
    # form controls use the page's font, not the browser's default
    fonts = phone.evaluate("""() => [...document.querySelectorAll('.campaign-savings__input')]
        .map(e => getComputedStyle(e).fontFamily === getComputedStyle(document.body).fontFamily)""")
    assert fonts and all(fonts)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "savings-km")


@pytest.mark.browser
def test_english_calculator_by_when(phone, site):
    phone.goto(site.url + "en/savings/")
    phone.wait_for_load_state("networkidle")
    phone.check("input[name=cur][value=baht]")
    phone.check("input[name=plan][value=time]")
    assert phone.locator("#savings-amount").is_hidden() and phone.locator("#savings-months").is_visible()
    phone.fill("#savings-goal", "10,000")
    phone.fill("#savings-months", "5")
    result = _result(phone)
    assert result == (f"To have 10,000 baht in 5 months, put aside {plan.per_week(10_000, 5, 'baht')} baht each week "
                      f"or {format_number(plan.per_month(10_000, 5, 'baht'), 'en')} baht each month."), result
    assert _plan_rows(phone) == [[f"{k} month{'s' if k > 1 else ''}", f"{format_number(2000 * k, 'en')} baht"]
                                 for k in range(1, 6)]
    assert parse_qs(urlsplit(phone.url).fragment) == {"goal": ["10000"], "cur": ["baht"], "plan": ["time"], "months": ["5"]}
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "savings-en")


@pytest.mark.browser
@pytest.mark.parametrize("prefix,lang,mark", [("", "km", "#"), ("en/", "en", "#"), ("", "km", "?")])
def test_a_shared_plan_opens_with_its_inputs(phone, site, prefix, lang, mark):
    """A shared plan, after "#"; one shared before the plan moved there, after "?", opens too
    and its address is rewritten (the sums leave the part a server sees)."""
    phone.goto(site.url + prefix + f"savings/{mark}goal=1000000&cur=riel&plan=save&every=week&amount=50000")
    phone.wait_for_load_state("networkidle")
    assert urlsplit(phone.url).query == "" and "goal=1000000" in urlsplit(phone.url).fragment
    goal = phone.input_value("#savings-goal")
    assert goal == format_number(1_000_000, lang)
    assert phone.input_value("select[name=every]") == "week"
    assert phone.input_value("#savings-amount") == format_number(50_000, lang)
    result = _result(phone)
    assert format_number(20, lang) in result and format_number(5, lang) in result, result  # 20 weeks, about 5 months
    rows = _plan_rows(phone)
    assert len(rows) == 12  # twenty weeks in at most twelve rows, ending on the twentieth
    assert rows[-1][0].startswith(format_number(20, lang)) and rows[-1][1].startswith(format_number(1_000_000, lang))
    if lang == "en":
        assert result == "If you put aside 50,000 riel each week, you will have 1,000,000 riel in 20 weeks (about 5 months)."
    screenshot(phone, f"savings-shared-{lang}")


@pytest.mark.browser
def test_nonsense_in_the_address_is_ignored(phone, site):
    phone.goto(site.url + "en/savings/#goal=abc&cur=dollar&plan=%3Cb%3E&every=day&amount=")
    phone.wait_for_load_state("networkidle")
    assert phone.input_value("#savings-goal") == ""
    assert phone.evaluate("document.querySelector('[name=cur]:checked').value") == "riel"
    assert _result(phone).startswith("Write the amount")
    assert phone.locator("[data-savings-plan]").is_hidden()


@pytest.mark.browser
@pytest.mark.parametrize("prefix,lang", [("", "km"), ("en/", "en")])
def test_without_javascript_the_examples_are_there(browser, site, prefix, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + prefix + "savings/")
    assert page.locator("[data-savings-form]").is_hidden()
    table = page.locator(".campaign-savings__examples")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == len(examples(lang))
    assert page.locator("article h2").last.is_visible()  # the advice after it
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"savings-nojs-{lang}")
    context.close()


@pytest.mark.browser
def test_the_planner_works_offline_after_a_visit_to_the_home_page_only(browser, site):
    """Saved with the key pages: the page and its script, though the reader never opened it."""
    from test_offline import saved

    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(site.url)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    saved(page, "km", 8)  # the key pages (savings/ among them) and the manifest
    page.wait_for_function("async (u) => !!(await caches.match(u))", arg=site.url + "assets/javascripts/savings.js",
                           polling=200, timeout=30000)
    context.set_offline(True)
    page.goto(site.url + "savings/#goal=1000000&amount=100000")
    assert "១០" in page.locator("[data-savings-result]").inner_text()
    context.close()
