"""One build: the store its results are kept in, what it has learnt of the corpus (the
build report's data), the model made ready in a second process, the corpus files'
stamps and the pages written.

The session is made when Pelican starts a build (``initialized``) and travels in
Pelican's settings, which every reader, generator and writer of the build shares; the
build's last step (``finalized``) ends it.
"""

from __future__ import annotations

import logging
import typing as t
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.reading.sources import SourceRecord
from newscorpus.settings import value
from newscorpus.store import Store

if t.TYPE_CHECKING:
    from .background import Standby
    from .unchanged import Ledger

logger = logging.getLogger(__name__)

KEY = "news_session"  # the session's key in Pelican's settings


@dataclass
class Session:
    """What one build has learnt and keeps; see the module's description."""

    store: Store
    corpus: Path = Path("corpus")
    sources: dict[str, SourceRecord] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # file → why it has no page
    notes: list[dict[str, str]] = field(default_factory=list)  # settings files' warnings
    articles: list[dict] = field(default_factory=list)  # the report's article rows
    standby: Standby | None = None  # the model made ready (see warmup)
    stamps_checked: bool = False
    # The corpus files' sizes and modification times, when they are not the last build's.
    stamps: dict[str, list[int]] | None = None
    ledger: Ledger | None = None  # the pages written (see unchanged)
    # Each text dump's lines of a site's template, read once (see reader.recurring_of).
    recurring: dict[str, frozenset[str]] | None = None

    def __repr__(self) -> str:
        # Settings are digested (page keys) and logged: the session is one stable word.
        return "<news build session>"


def store_folder(settings: t.Mapping) -> Path | None:
    """Where the build keeps results for the next one; ``None`` when ``NEWS_CACHE`` is."""
    name = value(settings, "NEWS_CACHE")
    return None if name is None else Path(settings.get("CACHE_PATH", "cache"), name)


def begin(settings: dict) -> Session:
    """A new session for the build with ``settings``."""
    session = Session(Store(store_folder(settings)), corpus=Path(settings["PATH"]))
    settings[KEY] = session
    return session


def session_of(settings: dict) -> Session:
    """The build's session (begun now if the build's start was not signalled)."""
    found = settings.get(KEY)
    return found if isinstance(found, Session) else begin(settings)


def end(pelican) -> None:
    """The build is done: the results it did not use are deleted from the store."""
    session = session_of(pelican.settings)
    session.store.flush()
    removed = session.store.prune()
    if removed:
        logger.info("news explorer: %d results of earlier builds removed from the cache", removed)
