"""A corpus with several pages of one site: the site's template goes, built for real.

The fixture (``tests/fixtures/template_site``) holds four pages of one local paper under
its template (menu, tagline, footer and a line it sets in every article) and one wire
story saved from three other sites; see ``tests/reading/test_recurring.py``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from test_site import page, text_of

SITE = Path(__file__).parent / "fixtures" / "template_site"
TAGLINE = "News for the Kelmar valley since 1901"
PROMPT = "Have a story for us? Call the newsroom on 01632 960 555"
HEADLINES = {
    "post/ferry.txt": "Night ferry to the islands returns on Friday",
    "post/market.txt": "Fish market roof to be mended before winter",
    "post/kayak.txt": "Kayak rentals open early as bookings rise",
    "post/museum.txt": "Keepers' cottages at the point to become a museum",
    "wire/a.txt": "Rail strike called off after overnight talks",
    "wire/b.txt": "Rail strike called off after overnight talks",
    "wire/c.txt": "Rail strike called off after overnight talks",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    corpus = tmp_path_factory.mktemp("template-corpus")
    shutil.copytree(SITE, corpus, dirs_exist_ok=True)
    output = tmp_path_factory.mktemp("template-site")
    build_site(corpus, output)
    return corpus, output


def articles(folder: Path) -> dict[str, dict]:
    rows = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    return {row["source_file"]: row for row in rows}


def test_each_page_keeps_its_headline_and_loses_its_sites_template(built):
    _, site = built
    rows = articles(site / "data")
    assert {name: row["title"] for name, row in rows.items()} == HEADLINES
    html = page(site, rows["post/ferry.txt"]["url"].strip("/"))
    body = re.search(r'<div class="story-body">(.*?)</div>', html, re.S)
    assert body is not None
    text = text_of(body.group(1))
    assert "The night ferry between Kellport and the islands sails again" in text  # keep
    assert TAGLINE not in text and PROMPT not in text  # drop: the site's template
    removed = text_of(html[html.index('<details class="furniture">') :])
    assert f"repeated in other files {TAGLINE}" in removed  # said where it went, and why


def test_the_command_reads_the_same_templates(built, tmp_path):
    corpus, site = built
    out = tmp_path / "exports"
    result = subprocess.run(
        [sys.executable, "-m", "newscorpus", str(corpus), "--out", str(out), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert {name: row["title"] for name, row in articles(out).items()} == HEADLINES
