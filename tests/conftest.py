"""Shared fixtures: the project's folders and the seed corpus."""

from __future__ import annotations

import functools
import http.server
import os
import random
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from newscorpus.model import Article
from newscorpus.reading.parse import parse_article
from newscorpus.search.documents import SearchDocument

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def paragraphs(article: Article) -> list[str]:
    """An article's body paragraphs, as the keep/drop tests compare them."""
    return article.body_text.split("\n\n")


def squash(text: str) -> str:
    """Collapse runs of whitespace (no-break spaces included) to single spaces."""
    return " ".join(text.split())


def foreign_scripts(html: str) -> list[str]:
    """Every <script> tag in a page except the site's own search modules, search box, filter
    and cite scripts and JSON-LD data."""
    tags = re.findall(r"<script\b[^>]*>", html)
    return [
        tag
        for tag in tags
        if not re.fullmatch(
            r'<script src="[^"]*/theme/js/(?:searchbox|filter|cite)\.js\?v=\w+"[^>]*>', tag
        )
        and not re.fullmatch(r'<script type="module" src="[^"]*/search/js-\w+/main\.js"[^>]*>', tag)
        and tag != '<script type="application/ld+json">'
    ]


def parse_file(path: Path) -> Article:
    """Parse one file the way the reader does."""
    return parse_article(path.read_bytes(), path.name)


def seed_sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))
    return [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 3]


EXTRA_SENTENCES = [
    "The depot took delivery of 400 trucks",
    "Only the S-500 was on the agenda",
    "Two S-400s arrived at the base",
    "The F-35A and the F-35B flew together",
    "Officials from the well-known ministry declined to comment",
    "Erdogan's office issued a statement",
]


def generated_documents(count: int, seed: int = 7) -> list[SearchDocument]:
    """Articles made by recombining the seeds' sentences: many terms, realistic overlap."""
    sentences = seed_sentences()
    rng = random.Random(seed)
    documents = []
    for n in range(count):
        body = ". ".join(rng.sample(sentences, 10) + rng.sample(EXTRA_SENTENCES, 2)) + "."
        documents.append(
            SearchDocument(
                ref=f"article-{n:03d}",
                title=rng.choice(sentences)[:80],
                entities=tuple(rng.sample(["Recep Tayyip Erdogan", "S-400", "NATO", "Ankara"], 2)),
                body=body,
            )
        )
    return documents


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    """The five seed articles, parsed, keyed by the first three digits of the file name."""
    return {path.name[:3]: parse_file(path) for path in sorted(CORPUS.glob("*.txt"))}


def run_pelican(
    corpus: Path,
    output: Path,
    settings: str = "pelicanconf.py",
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run a real Pelican build; ``extra`` holds ``KEY=JSON`` setting overrides and
    ``env`` environment variables (publishconf.py reads SITEURL from there)."""
    # One -e with every override: a second -e would replace the first.
    overrides = ["-e", *extra] if extra else []
    command = [sys.executable, "-m", "pelican", str(corpus), "-o", str(output), "-s", settings]
    return subprocess.run(
        command + overrides,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, **(env or {})},
    )


def build_site(
    corpus: Path,
    output: Path,
    settings: str = "pelicanconf.py",
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> str:
    """Build ``corpus`` into ``output``, which must succeed; return the console output."""
    result = run_pelican(corpus, output, settings, extra, env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The five seeds built into a temporary output folder."""
    output = tmp_path_factory.mktemp("seed-site")
    build_site(CORPUS, output)
    return output


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory) -> Path:
    """The bad-input fixtures plus one seed, copied so a build can't touch the originals."""
    corpus = tmp_path_factory.mktemp("bad-corpus")
    for path in (FIXTURES / "bad").iterdir():
        shutil.copyfile(path, corpus / path.name)
    seed = next(CORPUS.glob("003_*.txt"))
    shutil.copyfile(seed, corpus / seed.name)
    return corpus


@pytest.fixture(scope="session")
def bad_build(bad_corpus, tmp_path_factory) -> tuple[Path, str]:
    """The bad-input corpus built; (output folder, console output)."""
    output = tmp_path_factory.mktemp("bad-site")
    return output, build_site(bad_corpus, output)


# --- the browser -------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI needs /usr/bin/chromium (Debian package 'chromium'); .ci/run installs it"
            )
        pytest.skip("no /usr/bin/chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()
