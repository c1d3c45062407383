"""Hostile and broken input: a corpus of files that go wrong in every way we know of.

The build must finish; every file must end up as a page or as a line in the build
report with its reason; nothing injected may run or break a page; and nothing may be
written outside the output folder (and the extraction cache the build is given).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, ROOT, build_site, foreign_scripts, serve

SAME_HEADLINE = 50
BIG_BYTES = 5 * 1024 * 1024
LONG_LINE_BYTES = 200 * 1024


def write_generated(corpus: Path, outside: Path) -> None:
    """The files too big or too many to keep in the repository, and the symlink."""
    paragraph = (
        "The committee met again on Tuesday to hear evidence from {n} witnesses about the "
        "budget for the harbour, which the council said would be published in full. "
    )
    with (corpus / "five-megabytes.txt").open("w", encoding="utf-8") as handle:
        handle.write("A five-megabyte article about the harbour budget\n\n")
        number = 0
        while handle.tell() < BIG_BYTES:
            handle.write(paragraph.format(n=number) * 4 + "\n\n")
            number += 1
    line = "The tram line will open in stages, the transport authority said. "
    (corpus / "one-long-line.txt").write_text(
        "Tram line opens in stages\n\n" + line * (LONG_LINE_BYTES // len(line)), encoding="utf-8"
    )
    for number in range(SAME_HEADLINE):
        (corpus / f"flood-{number:02d}.txt").write_text(
            f"Flood warning issued for the valley\n\nReport number {number}: the river rose "
            f"by {number + 10} centimetres overnight, the agency said on Monday.\n",
            encoding="utf-8",
        )
    secret = outside / "secret.txt"
    secret.write_text("Secret outside the corpus\n\nThis text must never be published.\n")
    (corpus / "link-outside.txt").symlink_to(secret)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, Path, str]:
    """(corpus, output, cache, console) of a build of the hostile corpus."""
    base = tmp_path_factory.mktemp("hostile")
    corpus, output, cache, outside = (base / n for n in ("corpus", "output", "cache", "outside"))
    for folder in (corpus, outside):
        folder.mkdir()
    for path in [*(FIXTURES / "bad").iterdir(), *(FIXTURES / "hostile").iterdir()]:
        shutil.copyfile(path, corpus / path.name)
    shutil.copyfile(next(CORPUS.glob("003_*.txt")), corpus / "003-seed.txt")
    write_generated(corpus, outside)
    before = snapshot(ROOT) | snapshot(base, skip=("output", "cache"))
    console = build_site(corpus, output, extra=(f'CACHE_PATH="{cache}"',))
    after = snapshot(ROOT) | snapshot(base, skip=("output", "cache"))
    assert after == before, "the build wrote outside its output and cache folders"
    return corpus, output, cache, console


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under a folder, except build and tool folders."""
    ignored = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}
    ignored |= {"output", "cache", "test-artifacts", ".hypothesis", *skip}
    found = {}
    for directory, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f not in ignored]
        for name in files:
            path = Path(directory, name)
            if path.is_symlink():
                continue
            stat = path.stat()
            found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def report(output: Path) -> dict:
    return json.loads((output / "data" / "build-report.json").read_text(encoding="utf-8"))


def test_the_corpus_is_hostile_enough(hostile):
    corpus, *_ = hostile
    assert len(list(corpus.iterdir())) - 1 - SAME_HEADLINE >= 25  # the seed does not count


def test_every_file_is_a_page_or_a_reason(hostile):
    corpus, output, _, console = hostile
    data = report(output)
    published = {a["file"] for a in data["articles"]}
    skipped = {s["file"]: s["reason"] for s in data["skipped"]}
    assert published | set(skipped) == {p.name for p in corpus.iterdir()}
    assert not published & set(skipped)
    assert "outside the corpus folder (refused)" in skipped["link-outside.txt"]
    assert "binary file (NUL bytes)" in skipped["nul-bytes.txt"]
    assert "no article text" in skipped["punctuation-only.txt"]
    for entry in data["articles"]:
        assert (output / entry["url"].strip("/") / "index.html").is_file(), entry["file"]
    assert "skipped  link-outside.txt: a symbolic link" in console


def test_nothing_from_outside_the_corpus_is_published(hostile):
    _, output, _, _ = hostile
    for path in output.rglob("*"):
        if path.is_file():
            assert b"must never be published" not in path.read_bytes(), path


def article(output: Path, file: str) -> tuple[dict, str]:
    entry = next(a for a in report(output)["articles"] if a["file"] == file)
    html = (output / entry["url"].strip("/") / "index.html").read_text(encoding="utf-8")
    return entry, html


@pytest.mark.parametrize(
    ("file", "kept", "warning"),
    [
        ("latin-1.txt", "Owners of cafés in Zürich", "decoded as Windows-1252"),
        ("utf-16-le-no-bom.txt", "The central library will open on Sundays", "UTF-16-LE"),
        ("control-characters.txt", "Workers will return on Monday.", "control characters"),
        ("invalid-utf8.txt", "after a long debate", "not valid UTF-8"),
        ("right-to-left.txt", "صوت المجلس يوم الاثنين", None),
        ("emoji.txt", "twin pandas were born overnight 🎉", None),
        ("name with spaces.txt", "inspectors found more corrosion", None),
        ("nöñ-ascïi ünïcode 名前.txt", "Der Stadtrat hat am Mittwoch", None),
        ("unbalanced-quotes.txt", "“We will not back down on this", None),
        ("body-only.txt", "Dock workers said they had not been consulted", "headline derived"),
        ("one-long-line.txt", "The tram line will open in stages", None),
        ("five-megabytes.txt", "witnesses about the budget", "names and dates were looked"),
    ],
)
def test_readable_hostile_files_become_pages_with_their_text(hostile, file, kept, warning):
    _, output, _, _ = hostile
    entry, html = article(output, file)
    assert kept in html
    if warning:
        assert any(warning in w for w in entry["warnings"]), entry["warnings"]


def test_long_words_do_not_break_the_page_layout(hostile, browser):
    _, output, _, _ = hostile
    entry, _ = article(output, "long-words.txt")
    for site in serve(output):
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto(site + entry["url"])
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.close()


def test_fifty_files_with_one_headline_get_fifty_pages_and_titles(hostile):
    _, output, _, _ = hostile
    entries = [a for a in report(output)["articles"] if a["file"].startswith("flood-")]
    assert len(entries) == SAME_HEADLINE
    assert len({a["url"] for a in entries}) == SAME_HEADLINE
    titles = set()
    for entry in entries:
        html = (output / entry["url"].strip("/") / "index.html").read_text(encoding="utf-8")
        titles.add(html.split("<title>", 1)[1].split("</title>", 1)[0])
    assert len(titles) == SAME_HEADLINE


INJECTIONS = ["headline-injection.txt", "script-injection.txt"]


@pytest.mark.parametrize("file", INJECTIONS)
def test_injected_markup_is_shown_as_text_and_never_runs(hostile, browser, file):
    _, output, _, _ = hostile
    entry, html = article(output, file)
    assert foreign_scripts(html) == []
    assert "<style>body{display:none}</style>" not in html and "<iframe" not in html
    dialogs: list[str] = []
    for site in serve(output):
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in (entry["url"], "/", "/search/?q=council"):
            page.goto(site + url)
            if "search" in url:
                page.wait_for_selector("#search-app[data-rendered]", state="attached")
            flags = page.evaluate("[window.__hostile, window.__injected, window.__xss]")
            assert flags == [None, None, None], url
        page.goto(site + entry["url"])
        heading = page.locator("h1").inner_text()
        assert heading == entry["headline"]
        assert page.locator("body").is_visible()
        assert dialogs == []
        page.close()


def test_template_syntax_in_an_article_is_not_evaluated(hostile):
    _, output, _, _ = hostile
    _, html = article(output, "headline-injection.txt")
    assert "{{ 7*7 }}" in html and "{% raw %}" in html and "{{ config }}" in html
    assert "49" not in html.split("<h1>", 1)[1].split("</h1>", 1)[0]
