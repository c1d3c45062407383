"""Which files of a corpus folder are articles: text dumps and saved web pages."""

from __future__ import annotations

from pathlib import Path

from ..settings import DEFAULTS
from .webpage import HTML_SUFFIXES, not_an_article

TEXT_SUFFIXES = (".txt",)


def corpus_files(folder: Path) -> tuple[list[Path], dict[str, str]]:
    """The article files under ``folder`` in name order, and the other files with the
    reason they are not read (settings files and hidden ones are neither)."""
    settings_files = {DEFAULTS["NEWS_SOURCES_FILE"], DEFAULTS["NEWS_ALIASES_FILE"]}
    read, skipped = [], {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        name = relative.as_posix()
        if name in settings_files or any(part.startswith(".") for part in relative.parts):
            continue
        if name.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
            read.append(path)
        else:
            skipped[name] = not_an_article(path.suffix)
    return read, skipped
