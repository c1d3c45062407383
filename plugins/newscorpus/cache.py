"""Extraction results on disk, keyed by a hash of everything that produced them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import DateMention, DateSpan, Mention, RawExtraction


def content_key(*parts: str) -> str:
    """A stable hash of the text and of the model and rules that read it."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """One small JSON file per article under ``folder``; ``None`` disables it."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[RawExtraction, tuple[DateMention, ...]] | None:
        """The cached result, or ``None`` when missing or unreadable."""
        if self.folder is None:
            return None
        try:
            data = json.loads(self.path(key).read_text("utf-8"))
            return raw_from_json(data["raw"]), tuple(date_from_json(d) for d in data["dates"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, raw: RawExtraction, dates: tuple[DateMention, ...]) -> None:
        """Store a result atomically, so a killed build never leaves half a file."""
        if self.folder is None:
            return
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"raw": raw_to_json(raw), "dates": [date_to_json(d) for d in dates]}
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)


def raw_to_json(raw: RawExtraction) -> dict:
    return {
        "mentions": [
            [
                m.text,
                m.start,
                m.end,
                m.label,
                m.sentence,
                m.in_heading,
                m.sentence_initial,
                m.evidence,
                m.role,
            ]  # fmt: skip
            for m in raw.mentions
        ],
        "dates": [[d.text, d.start, d.end, d.sentence, d.tense] for d in raw.dates],
        "sentences": [list(span) for span in raw.sentences],
    }


def raw_from_json(data: dict) -> RawExtraction:
    return RawExtraction(
        tuple(Mention(*row) for row in data["mentions"]),
        tuple(DateSpan(*row) for row in data["dates"]),
        tuple((start, end) for start, end in data["sentences"]),
    )


def date_to_json(mention: DateMention) -> list:
    value = mention.value.isoformat() if mention.value else None
    return [mention.text, value, mention.precision, mention.sentence, mention.start, mention.end,
            mention.relative, mention.note, mention.tense, mention.on_inferred_date]  # fmt: skip


def date_from_json(row: list) -> DateMention:
    text, value, precision, sentence, start, end, relative, note, tense, on_inferred = row
    day = dt.date.fromisoformat(value) if value else None
    return DateMention(
        text, day, precision, sentence, start, end, relative, note, tense, on_inferred
    )
