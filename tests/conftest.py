"""Shared fixtures: the project's folders and the seed corpus."""

from __future__ import annotations

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
