"""Shared fixtures: the project's folders and the seed corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from newscorpus.model import Article
from newscorpus.parse import parse_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def parse_file(path: Path) -> Article:
    """Parse one file the way the reader does."""
    return parse_article(path.read_bytes(), path.name)


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    """The five seed articles, parsed, keyed by the first three digits of the file name."""
    return {path.name[:3]: parse_file(path) for path in sorted(CORPUS.glob("*.txt"))}


def run_pelican(
    corpus: Path, output: Path, settings: str = "pelicanconf.py", extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """Run a real Pelican build; ``extra`` holds ``KEY=JSON`` setting overrides."""
    overrides = [arg for item in extra for arg in ("-e", item)]
    command = [sys.executable, "-m", "pelican", str(corpus), "-o", str(output), "-s", settings]
    return subprocess.run(
        command + overrides, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def build_site(
    corpus: Path, output: Path, settings: str = "pelicanconf.py", extra: tuple[str, ...] = ()
) -> str:
    """Build ``corpus`` into ``output``, which must succeed; return the console output."""
    result = run_pelican(corpus, output, settings, extra)
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
