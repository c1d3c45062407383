"""The build report: every corpus file is an article page or a line saying why not.

Written to ``output/<NEWS_BUILD_REPORT>`` as JSON and summarised on the
console at the end of a build.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from newscorpus.reading.sources import SourceRecord, read_sources
from newscorpus.reading.webpage import not_an_article
from newscorpus.settings import value

from .session import Session, begin, session_of

logger = logging.getLogger(__name__)
# The file name endings the readers take (a .gz that is not a page is refused by its reader).
READ_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".gz"}


def start_build(pelican) -> None:
    """Begin the build's session and read the optional sources.csv."""
    settings = pelican.settings
    session = begin(settings)
    sources_path = session.corpus / value(settings, "NEWS_SOURCES_FILE")
    if sources_path.is_file():
        text = sources_path.read_bytes().decode("utf-8-sig", errors="replace")
        session.sources, warnings = read_sources(text, sources_path.name)
        for warning in warnings:
            note(session, sources_path.name, warning)


def corpus_relative(filename: str, settings: dict) -> str:
    """A file's path relative to the corpus folder, with forward slashes."""
    return Path(os.path.relpath(filename, settings["PATH"])).as_posix()


def source_record(session: Session, source: str) -> SourceRecord | None:
    """The sources.csv row for a file, by relative path or by bare file name."""
    return session.sources.get(source) or session.sources.get(Path(source).name)


def note(session: Session, source: str, message: str) -> None:
    """Record a warning about a settings file (a sources or aliases line), and log it."""
    session.notes.append({"file": source, "message": message})
    logger.warning(message)


def skip(session: Session, source: str, reason: str) -> None:
    """Record a file that produced no page."""
    session.skipped[source] = reason
    logger.warning("%s: skipped: %s", source, reason)


def collect_articles(generator) -> None:
    """Note every article the generator will write, with its warnings."""
    siteurl = generator.settings.get("SITEURL", "")
    session_of(generator.settings).articles = [
        {
            "file": article.source_file,
            "url": f"{siteurl}/{article.url}",
            "headline": article.title,
            "headline_derived": article.headline_derived,
            "outlet": article.outlet,
            "published": article.published_iso,
            "published_status": article.published_status,
            "removed_lines": len(article.furniture),
            "warnings": list(article.warnings),
            # An exact copy of another file: its page is written, but listed once.
            "copy_of": copied.source
            if (copied := getattr(article, "news_copy_of", None))
            else None,
        }
        for article in sorted(
            [*generator.articles, *generator.hidden_articles], key=lambda a: a.source_file
        )
    ]


def unread_files(corpus: Path, seen: set[str], settings_files: set[str]) -> dict[str, str]:
    """Files in the corpus folder that no reader took, with the reason."""
    reasons = {}
    for path in sorted(corpus.rglob("*")):
        relative = path.relative_to(corpus).as_posix()
        if path.is_dir() or relative in seen or relative in settings_files:
            continue
        if any(part.startswith(".") for part in path.relative_to(corpus).parts):
            continue
        if path.suffix.lower() not in READ_SUFFIXES:
            reasons[relative] = not_an_article(path.suffix)
        else:
            reasons[relative] = "not read (see the build log)"
    return reasons


def build_report(settings: dict) -> dict:
    """The report as a JSON-ready dict; keys and lists in a stable order."""
    session = session_of(settings)
    seen = {a["file"] for a in session.articles} | set(session.skipped)
    skipped = dict(session.skipped)
    settings_files = {
        value(settings, "NEWS_SOURCES_FILE"),
        value(settings, "NEWS_ALIASES_FILE") or "",
    }
    skipped.update(unread_files(session.corpus, seen, settings_files))
    warnings = [
        {"file": a["file"], "message": message}
        for a in session.articles
        for message in a["warnings"]
    ] + session.notes
    return {
        "counts": {
            "articles": len(session.articles),
            "warnings": len(warnings),
            "skipped": len(skipped),
        },
        "articles": session.articles,
        "warnings": sorted(warnings, key=lambda w: (w["file"], w["message"])),
        "skipped": [{"file": name, "reason": skipped[name]} for name in sorted(skipped)],
    }


def finish_build(pelican) -> None:
    """Write the JSON report and print its summary."""
    report = build_report(pelican.settings)
    target = Path(pelican.output_path) / value(pelican.settings, "NEWS_BUILD_REPORT")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(summary(report, target))


def summary(report: dict, target: Path) -> str:
    """The console summary: counts, then one line per warning and skipped file."""
    counts = report["counts"]
    lines = [
        f"News corpus: {_count(counts['articles'], 'article')}, "
        f"{_count(counts['warnings'], 'warning')}, {counts['skipped']} skipped "
        f"(report: {_display_path(target)})"
    ]
    lines += [f"  warning  {w['file']}: {w['message']}" for w in report["warnings"]]
    lines += [f"  skipped  {s['file']}: {s['reason']}" for s in report["skipped"]]
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _display_path(path: Path) -> str:
    """The path relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
