"""Rebuilds: a build that reuses the last one's results gives the output a clean build gives.

Each test builds a small corpus with its own cache, changes something (an article edited,
added or removed, an output page tampered with), rebuilds with that cache, and compares
the output, file by file, with a clean build of the changed corpus into a fresh folder
with a fresh cache.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, build_site

OUTLETS = ["wire_reuters_style.txt", "guardian_style.txt", "aljazeera_style.txt"]
RENDERED = re.compile(r"Pages: (\d+) written, (\d+) unchanged")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*.html")}


def build(corpus: Path, output: Path, cache: Path) -> tuple[int, int]:
    """Build with a given cache; (pages rendered, pages unchanged)."""
    log = build_site(corpus, output, extra=(f'CACHE_PATH="{cache}"',), env={"COLUMNS": "300"})
    found = RENDERED.search(log)
    assert found, log
    return int(found[1]), int(found[2])


def assert_same_as_clean_build(corpus: Path, output: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build(corpus, clean, tmp_path / "clean-cache")
    shutil.rmtree(tmp_path / "clean-cache")
    assert tree(output) == tree(clean)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(path, folder / path.name)
    for name in OUTLETS:
        shutil.copyfile(FIXTURES / "outlets" / name, folder / name)
    return folder


@pytest.fixture
def built(corpus, tmp_path) -> tuple[Path, Path]:
    output, cache = tmp_path / "output", tmp_path / "cache"
    rendered, unchanged = build(corpus, output, cache)
    assert rendered > 30 and unchanged == 0
    return output, cache


def test_a_rebuild_of_an_unchanged_corpus_renders_no_page(corpus, built):
    output, cache = built
    before, times = tree(output), mtimes(output)
    rendered, unchanged = build(corpus, output, cache)
    assert rendered == 0 and unchanged == len(times)
    assert mtimes(output) == times
    assert tree(output) == before


def test_an_edited_article_rewrites_its_pages_and_matches_a_clean_build(corpus, built, tmp_path):
    output, cache = built
    times = mtimes(output)
    edited = corpus / "wire_reuters_style.txt"
    lines = edited.read_text(encoding="utf-8").splitlines()
    lead = next(i for i, line in enumerate(lines) if len(line.split()) > 20)
    # Added to the lead paragraph, so no paragraph after it moves (quotes link to theirs).
    lines[lead] += " Officials said on Tuesday that Brussels would host the talks."
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rendered, unchanged = build(corpus, output, cache)
    assert 0 < rendered < unchanged
    assert_same_as_clean_build(corpus, output, tmp_path)
    page = (output / "tags/brussels/index.html").read_text(encoding="utf-8")
    assert "Brussels would host the talks" in page
    # The other outlets' articles are not rendered again, nor the quotes (none was added);
    # the timeline, which has a new dated event, is.
    after = mtimes(output)
    kept = [name for name in times if name.startswith("articles/") and after[name] == times[name]]
    assert len(kept) >= 6
    assert after["quotes/index.html"] == times["quotes/index.html"]
    assert after["timeline/index.html"] != times["timeline/index.html"]


def test_an_edited_quotation_rewrites_the_quotes_page(corpus, built, tmp_path):
    output, cache = built
    times = mtimes(output)
    edited = corpus / "wire_reuters_style.txt"
    text = edited.read_text(encoding="utf-8")
    assert "we were too slow to respond" in text
    edited.write_text(text.replace("too slow to respond", "far too slow to act"), "utf-8")
    build(corpus, output, cache)
    assert_same_as_clean_build(corpus, output, tmp_path)
    assert "far too slow to act" in (output / "quotes/index.html").read_text(encoding="utf-8")
    assert mtimes(output)["quotes/index.html"] != times["quotes/index.html"]


def test_a_removed_article_loses_its_pages(corpus, built, tmp_path):
    output, cache = built
    report = json.loads((output / "data/build-report.json").read_text("utf-8"))
    url = next(a["url"] for a in report["articles"] if a["file"] == "wire_reuters_style.txt")
    page = output / url.strip("/") / "index.html"
    assert page.is_file()
    (corpus / "wire_reuters_style.txt").unlink()
    build(corpus, output, cache)
    assert not page.exists()
    assert_same_as_clean_build(corpus, output, tmp_path)


def test_an_added_article_matches_a_clean_build(corpus, built, tmp_path):
    output, cache = built
    shutil.copyfile(FIXTURES / "outlets" / "toi_style.txt", corpus / "toi_style.txt")
    build(corpus, output, cache)
    assert_same_as_clean_build(corpus, output, tmp_path)


def test_a_page_changed_by_hand_is_written_again(corpus, built):
    output, cache = built
    page = next((output / "articles").iterdir()) / "index.html"
    original = page.read_bytes()
    page.write_text("tampered", encoding="utf-8")
    rendered, _ = build(corpus, output, cache)
    assert rendered == 1
    assert page.read_bytes() == original


def test_a_deleted_output_page_is_written_again(corpus, built):
    output, cache = built
    page = output / "tags" / "index.html"
    original = page.read_bytes()
    page.unlink()
    build(corpus, output, cache)
    assert page.read_bytes() == original


def test_a_theme_change_renders_every_page(corpus, built, tmp_path):
    output, cache = built
    theme = tmp_path / "theme"
    shutil.copytree(Path(__file__).resolve().parent.parent / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("Built with Pelican", "Built here"),
        encoding="utf-8",
    )
    log = build_site(corpus, output, extra=(f'CACHE_PATH="{cache}"', f'THEME="{theme}"'),
                     env={"COLUMNS": "300"})  # fmt: skip
    found = RENDERED.search(log)
    assert found and int(found[2]) == 0
    assert all("Built here" in p.read_text("utf-8") for p in output.rglob("*.html"))
