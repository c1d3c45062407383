"""Where the build keeps what the next build reuses, under ``CACHE_PATH``."""

from __future__ import annotations

from pathlib import Path

from newscorpus.settings import value


def kept_folder(settings: dict, *parts: str) -> Path | None:
    """A folder of results kept between builds, under ``CACHE_PATH``; ``None`` when
    ``NEWS_EXTRACTION_CACHE = None`` turns caching off."""
    if value(settings, "NEWS_EXTRACTION_CACHE") is None:
        return None
    return Path(settings.get("CACHE_PATH", "cache"), *parts)


def extraction_folder(settings: dict) -> Path | None:
    """Where extraction results are cached; ``NEWS_EXTRACTION_CACHE = None`` turns it off."""
    return kept_folder(settings, value(settings, "NEWS_EXTRACTION_CACHE"))


def shelf_folder(settings: dict, kind: str) -> Path | None:
    """Where per-article results of one kind are kept."""
    return kept_folder(settings, "news-shelf", kind)


def memo_folder(settings: dict) -> Path | None:
    """Where corpus-wide results are kept."""
    return kept_folder(settings, "news-memo")
