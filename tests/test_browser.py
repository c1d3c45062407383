"""What a person sees: the built site in real headless Chromium."""

from __future__ import annotations

import json

import pytest
from conftest import ARTIFACTS, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed_url(seed_site):
    yield from serve(seed_site)


@pytest.fixture(scope="module")
def bad_url(bad_build):
    yield from serve(bad_build[0])


def test_home_page_shows_every_article_without_console_errors(page, seed_url):
    page.goto(f"{seed_url}/")
    assert page.locator("article.card").count() == 5
    assert page.locator("article.card").first.locator("time").inner_text() == "19 May 2019"
    assert page.console_errors == []


def test_first_tab_reaches_the_skip_link(page, seed_url):
    page.goto(f"{seed_url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"


def test_removed_furniture_is_collapsed_until_opened(page, seed_url):
    page.goto(f"{seed_url}/articles/turkey-to-produce-missile-system-with-russia/")
    removed = page.get_by_text("Skip to more DW sites")
    assert not removed.is_visible()
    page.get_by_text("12 lines of page furniture removed").click()
    assert removed.is_visible()


def test_script_in_an_article_is_shown_and_never_run(page, bad_url, bad_build):
    site, _ = bad_build
    report = json.loads((site / "data" / "build-report.json").read_text(encoding="utf-8"))
    entry = next(a for a in report["articles"] if a["file"] == "script-injection.txt")
    page.goto(f"{bad_url}{entry['url']}")
    assert page.evaluate("window.__injected") is None
    body = page.locator(".story-body").inner_text()
    assert "<script>window.__injected = 2</script>" in body
    assert '<img src=x onerror="window.__injected=3">' in body
    assert page.locator("h1").inner_text().startswith("Council <script>")
    assert page.console_errors == []


def test_an_entity_in_the_text_leads_to_its_page_and_back_to_articles(page, seed_url):
    page.goto(f"{seed_url}/articles/turkey-to-produce-missile-system-with-russia/")
    page.locator(".story-body a.entity", has_text="S-400").first.click()
    page.wait_for_url("**/tags/s-400/")
    assert page.locator("h1").inner_text() == "S-400"
    assert "Weapon system" in page.locator(".facts").inner_text()
    assert page.locator(".passage mark").count() == 12  # NEWS_ENTITY_MENTIONS_SHOWN
    page.get_by_role("link", name="Topics", exact=True).click()
    page.wait_for_url("**/topics/")
    page.get_by_role("link", name="F-35").first.click()
    page.wait_for_url("**/topics/f-35/")
    assert page.locator("#articles-h + ul > li").count() == 4
    assert page.console_errors == []


@pytest.mark.parametrize("width", [360, 1440])
def test_screenshots_for_people_to_look_at(page, seed_url, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name, url in (
        ("home", "/"),
        ("article", "/articles/turkey-to-produce-missile-system-with-russia/"),
        ("topic", "/topics/s-400/"),
        ("entity", "/tags/recep-tayyip-erdogan/"),
        ("timeline", "/timeline/"),
        ("story", "/stories/turkey-to-produce-missile-system-with-russia/"),
        ("quotes", "/quotes/"),
        ("search", "/search/?q=S-400"),
        ("not-found", "/404.html"),
    ):
        page.goto(f"{seed_url}{url}")
        if name == "search":
            page.wait_for_selector("#search-app[data-rendered]", state="attached")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


ARTICLE = "/articles/turkey-to-produce-missile-system-with-russia/"
CITED = "DW, “Turkey to produce missile system with Russia”, 19 May 2019."


def test_the_cite_box_copies_the_citation_with_a_chosen_paragraph(page, seed_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{seed_url}{ARTICLE}")
    page.get_by_text("Cite this article").click()
    citation = page.locator("[data-citation]")
    assert citation.inner_text().startswith(CITED)
    assert f"{seed_url}{ARTICLE}." in citation.inner_text()
    assert "Source file: 003_124761e0aad110e4.txt." in citation.inner_text()
    assert "Paragraph" not in citation.inner_text()

    page.get_by_role("button", name="Cite paragraph 2", exact=True).click()
    opening = " ".join(page.locator("#p2").inner_text().split()[:5])
    text = citation.inner_text()
    assert f"Paragraph 2: “{opening}" in text
    assert text.endswith(f"{seed_url}{ARTICLE}#p2")
    page.get_by_role("button", name="Copy citation").click()
    page.get_by_text("Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert page.console_errors == []


def test_an_article_opened_at_a_paragraph_cites_that_paragraph(page, seed_url):
    page.goto(f"{seed_url}{ARTICLE}#p3")
    page.get_by_text("Cite this article").click()
    assert f"{ARTICLE}#p3" in page.locator("[data-citation]").inner_text()


@pytest.mark.parametrize(("width", "scheme"), [(1440, "light"), (390, "dark")])
def test_a_storys_versions_stand_side_by_side_on_a_desktop_and_stack_on_a_phone(
    browser, seed_url, width, scheme
):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{seed_url}/stories/turkey-to-produce-missile-system-with-russia/")
    row = page.locator("tr.every", has_text="There will be joint production of the S-500").first
    boxes = [cell.bounding_box() for cell in row.locator("td").all()]
    assert len(boxes) == 3
    xs, ys = [b["x"] for b in boxes], [b["y"] for b in boxes]
    if width == 1440:  # one column per version, the shared sentence on one line of the table
        assert xs == sorted(xs) and len(set(xs)) == 3 and max(ys) - min(ys) < 2
        assert not row.locator(".who").first.is_visible()
    else:  # stacked, each cell naming its version
        assert max(xs) - min(xs) < 2 and ys == sorted(ys) and len(set(ys)) == 3
        assert row.locator(".who").first.inner_text() == "DW"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("tr.every a.para").first.click()
    page.wait_for_url("**/articles/turkey-to-produce-missile-system-with-russia/#p4")
    assert page.locator("#p4").is_visible()
    context.close()
