"""The optional ``sources.csv``: per-file outlet, URL and date that override detection."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from ..model import Published
from . import datelines

FILE_COLUMNS = ("file", "filename", "file name", "file_name", "path")
DATE_COLUMNS = ("published", "date", "published_at")
ISO_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """What a user knows about one corpus file."""

    outlet: str | None
    url: str | None
    published: Published | None


def read_sources(
    text: str, where: str = "sources.csv"
) -> tuple[dict[str, SourceRecord], list[str]]:
    """Parse sources.csv text; return records by file name, and one warning per bad row."""
    reader = csv.DictReader(io.StringIO(text))
    fields = {name.strip().lower(): name for name in reader.fieldnames or []}
    file_column = next((fields[c] for c in FILE_COLUMNS if c in fields), None)
    if file_column is None:
        return {}, [f"{where}: no 'file' column in the header; the file is ignored"]
    date_column = next((fields[c] for c in DATE_COLUMNS if c in fields), None)
    records: dict[str, SourceRecord] = {}
    warnings: list[str] = []
    for row_number, row in enumerate(reader, start=2):
        name = (row.get(file_column) or "").strip()
        if not name:
            warnings.append(f"{where}:{row_number}: no file name; row ignored")
            continue
        published = None
        raw_date = (row.get(date_column) or "").strip() if date_column else ""
        if raw_date:
            published = parse_published(raw_date)
            if published is None:
                warnings.append(f"{where}:{row_number}: cannot read date '{raw_date}'; ignored")
        records[name] = SourceRecord(
            outlet=(row.get(fields.get("outlet", "")) or "").strip() or None,
            url=(row.get(fields.get("url", "")) or "").strip() or None,
            published=published,
        )
    return records, warnings


def parse_published(text: str) -> Published | None:
    """``2019-05-19``, ``2019-05``, ``2019`` or a written date, as a stated date."""
    reason = f"sources.csv '{text}'"
    match = ISO_PARTIAL.match(text)
    try:
        if match:
            year, month, day = match.group("year", "month", "day")
            value = dt.date(int(year), int(month or 1), int(day or 1))
            precision = "day" if day else "month" if month else "year"
            return Published(value, precision, "stated", reason)
    except ValueError:
        return None
    value = datelines.parse_date(text)
    return Published(value, "day", "stated", reason) if value else None
