"""The pages of a corpus explorer as a person sees them, at a phone's and a desktop's width,
in the light and the dark colour scheme: the home overview and its chart's text
alternative, a paginated index with its filter box, a paragraph reached from an entity
page, and the cite control. The seeds are built with the listing limits turned down, so
the split index pages exist on five articles.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, build_site, serve

pytestmark = pytest.mark.browser

SMALL = ("NEWS_INDEX_SHOWN=3", "NEWS_TIMELINE_MOST=2", "NEWS_ARCHIVE_MOST=2")
VIEWS = [(390, "light"), (390, "dark"), (1440, "light"), (1440, "dark")]
ARTICLE = "/articles/turkey-to-produce-missile-system-with-russia/"
# The page background each scheme asks for (site.css's --bg).
BACKGROUND = {"light": "rgb(253, 252, 250)", "dark": "rgb(21, 21, 23)"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    output = tmp_path_factory.mktemp("views-site")
    build_site(CORPUS, output, extra=SMALL)
    yield from serve(output)


@pytest.fixture(params=VIEWS, ids=[f"{w}-{s}" for w, s in VIEWS])
def view(request, browser):
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, width, scheme, errors
    context.close()


def fits(page, width: int) -> bool:
    """Nothing on the page runs past the screen's width (no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_home_overview_and_its_charts_numbers(view, base):
    page, width, scheme, errors = view
    page.goto(f"{base}/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == BACKGROUND[scheme]
    assert page.get_by_text("A collection of 5 news articles").is_visible()
    assert "Articles5" in page.locator("dl.numbers").inner_text().replace("\n", "")
    chart = page.locator("svg.chart").first
    assert chart.is_visible() and chart.get_attribute("role") == "img"
    label = chart.get_attribute("aria-labelledby")
    assert label and page.locator(f"#{label.split()[0]}").count() == 1  # its text alternative
    table = page.locator("details.chart-table").first
    assert not table.locator("table").is_visible()
    table.locator("summary").click()
    assert "May 2019" in table.locator("table").inner_text()
    assert fits(page, width)
    assert errors == []


def test_a_paginated_index_filters_as_one_types(view, base):
    page, width, _, errors = view
    page.goto(f"{base}/tags/")
    page.locator("nav.letters a, .letters a").first.click()  # one letter of one type
    assert "/entities/" in page.url
    items = page.locator("main li:has(a.entity-link)")
    total = items.count()
    assert total >= 1
    page.get_by_label("Filter this list").fill("zzzz")
    assert all(not items.nth(n).is_visible() for n in range(total))
    assert "0 of" in page.locator(".filter-status").inner_text()
    page.get_by_label("Filter this list").fill("")
    assert items.first.is_visible()
    assert fits(page, width)
    assert errors == []


def test_a_mention_on_an_entity_page_opens_its_paragraph(view, base):
    page, width, _, errors = view
    page.goto(f"{base}/tags/recep-tayyip-erdogan/")
    mention = page.locator(f'main a[href*="{ARTICLE}#p"]').first
    anchor = mention.get_attribute("href").rsplit("#", 1)[1]
    mention.click()
    page.wait_for_url(f"**{ARTICLE}#{anchor}")
    paragraph = page.locator(f"#{anchor}")
    assert paragraph.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    box = paragraph.bounding_box()
    assert -2 <= box["y"] < 900  # scrolled to it
    assert fits(page, width)
    assert errors == []


def test_the_cite_control_cites_the_chosen_paragraph(view, base):
    page, width, _, errors = view
    page.goto(f"{base}{ARTICLE}")
    page.get_by_text("Cite this article").click()
    citation = page.locator("[data-citation]")
    assert citation.inner_text().startswith("DW, “Turkey to produce missile system with Russia”")
    page.get_by_role("button", name="Cite paragraph 3", exact=True).click()
    assert citation.inner_text().endswith(f"{ARTICLE}#p3")
    assert fits(page, width)
    assert errors == []
