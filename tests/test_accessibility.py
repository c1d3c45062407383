"""Accessibility in a real browser: axe-core (from npm) on every kind of page, in light and
dark colour schemes, and the whole site from the keyboard alone."""

from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS, FIXTURES, ROOT, build_site, serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RESULTS = "#search-app[data-rendered] .result"

PAGES = {
    "home": "/",
    "article": "/articles/turkey-to-produce-missile-system-with-russia/",
    "entity": "/tags/recep-tayyip-erdogan/",
    "topic": "/topics/s-400/",
    "timeline": "/timeline/",
    "search": "/search/?q=S-400",
    "story": "/stories/turkey-to-produce-missile-system-with-russia/",
    "quotes": "/quotes/",
    "entities": "/tags/",
    "outlets": "/outlets/",
    "archives": "/archives/",
    "data": "/data/",
    "not found": "/404.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seeds and the markup fixture, built and served."""
    corpus = tmp_path_factory.mktemp("a11y-corpus")
    for path in [*CORPUS.glob("*.txt"), *(FIXTURES / "search").glob("*.txt")]:
        shutil.copyfile(path, corpus / path.name)
    output = tmp_path_factory.mktemp("a11y-site")
    build_site(corpus, output)
    yield from serve(output)


def open_page(page, url: str) -> None:
    page.goto(url)
    if "/search/" in url:
        page.wait_for_selector(RESULTS)


def axe_violations(page) -> list[str]:
    """axe-core's violations on the open page, one readable line per failing element."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(browser, site, name, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        open_page(page, site + PAGES[name])
        assert axe_violations(page) == []
    finally:
        context.close()


def test_dark_scheme_is_honoured(browser, site):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site + PAGES["article"])
        colours[scheme] = page.evaluate(
            "[getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        context.close()
    assert colours["light"] != colours["dark"]


def focus_state(page) -> dict:
    """What has the focus, and whether it is drawn: an outline, or on screen at all."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return {
            tag: el.tagName.toLowerCase(),
            id: el.id,
            text: (el.textContent || el.value || '').trim().slice(0, 40),
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
          };
        }"""
    )


@pytest.mark.parametrize("name", ["home", "article", "topic", "search"])
def test_keyboard_alone_reaches_every_control_with_a_visible_focus(page, site, name):
    open_page(page, site + PAGES[name])
    page.locator("body").focus()
    page.keyboard.press("Tab")
    first = focus_state(page)
    assert first["text"] == "Skip to content" and first["visible"] and first["outline"]
    stops = page.evaluate(
        "document.querySelectorAll('a[href], button, input, select, summary, [tabindex=\"0\"]')"
        ".length"
    )
    seen = []
    for _ in range(stops + 2):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state["tag"] == "body":
            break
        assert state["visible"] and state["outline"], state
        seen.append(state)
    assert len(seen) >= min(stops - 1, 10)


def test_the_skip_link_moves_focus_to_the_content(page, site):
    page.goto(site + PAGES["article"])
    page.locator("body").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('content').contains(document.activeElement)")
    assert inside
