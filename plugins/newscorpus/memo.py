"""Results of corpus-wide steps kept between builds, keyed by a digest of their inputs.

Each step (story grouping, quotes, the catalog, the search index…) has one slot: the
digest of the inputs it last ran on and its result. A build whose inputs are the same
loads the result instead of computing it; any other build computes it and takes the slot.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import pickle
import tempfile
import typing as t
from collections.abc import Callable
from pathlib import Path

from .digest import code_digest, digest

logger = logging.getLogger(__name__)

T = t.TypeVar("T")
MISSING = object()  # what a lookup returns when nothing is kept for the key
# What reading a damaged, truncated or outdated pickle can raise.
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
              AttributeError, ImportError, IndexError)  # fmt: skip


def inputs_key(*inputs: object) -> str:
    """The key of a result's inputs (and of this package's code, so a changed rule never
    serves a result the old rules computed)."""
    return digest((code_digest(), inputs))


def read_pickle(path: Path) -> object:
    """The object pickled in ``path``, or ``MISSING`` when it is absent or unreadable."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except UNREADABLE:
        return MISSING


def read_pickles(path: Path) -> t.Iterator[object]:
    """The pickles written one after another to ``path``, read as they are asked for;
    ``MISSING`` (and no more) once the file ends early or is unreadable."""
    try:
        with path.open("rb") as handle:
            while True:
                yield pickle.load(handle)
    except EOFError:
        return
    except UNREADABLE:
        yield MISSING


def write_pickle(path: Path, *values: object) -> None:
    """Pickle ``values``, one after another, to ``path`` atomically: a killed build never
    leaves half a file. A value that cannot be pickled is not kept, with a warning."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            for value in values:
                _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(temporary, path)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as error:
        os.unlink(temporary)
        logger.warning("%s: not kept for the next build (%s)", path.name, error)


class _Pickler(pickle.Pickler):
    """pickle's C pickler, with dataclasses written as a call of their constructor.

    A slots dataclass's own pickling looks its fields up for every object, which
    dominates keeping and loading a corpus's worth of mentions and passages.
    """

    def reducer_override(self, obj: object):  # noqa: ANN201 - pickle's protocol
        cls = type(obj)
        names = _field_names(cls)
        if names is None:
            return NotImplemented
        return cls, tuple(getattr(obj, name) for name in names)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, in its constructor's order; ``None`` for other classes,
    for a dataclass that says how to pickle itself and for one with fields the
    constructor does not take."""
    if not dataclasses.is_dataclass(cls) or cls.__reduce__ is not object.__reduce__:
        return None
    if not all(field.init and not field.kw_only for field in dataclasses.fields(cls)):
        return None
    return tuple(field.name for field in dataclasses.fields(cls))


class Memo:
    """One pickle file per step under ``folder``; ``None`` keeps nothing.

    With ``defer``, results are written only by :meth:`flush` (a caller with something
    more urgent to do first); until then they are found here.
    """

    key = staticmethod(inputs_key)

    def __init__(self, folder: Path | None, *, defer: bool = False) -> None:
        self.folder = folder
        self.hits: list[str] = []
        self.defer = defer
        self.pending: dict[str, tuple[str, object]] = {}

    def get(self, step: str, key: str, compute: Callable[[], T]) -> T:
        """The result of ``step`` for inputs digested as ``key``: loaded, or computed."""
        found = self.load(step, key)
        if found is not MISSING:
            return t.cast(T, found)
        value = compute()
        self.store(step, key, value)
        return value

    def load(self, step: str, key: str) -> object:
        """The kept result of ``step`` if it was computed for ``key``, else ``MISSING``."""
        if self.folder is None:
            return MISSING
        if step in self.pending:
            kept, value = self.pending[step]
            return value if kept == key else MISSING
        # The key is pickled first: a slot kept for other inputs is never loaded whole.
        pickles = read_pickles(self.folder / f"{step}.pickle")
        if next(pickles, MISSING) != key:
            return MISSING
        found = next(pickles, MISSING)
        if found is not MISSING:
            self.hits.append(step)
        return found

    def store(self, step: str, key: str, value: object) -> None:
        """Keep ``value`` as the result of ``step`` for ``key``."""
        if self.folder is None:
            return
        if self.defer:
            self.pending[step] = (key, value)
        else:
            write_pickle(self.folder / f"{step}.pickle", key, value)

    def flush(self) -> None:
        """Write the results kept since the last flush."""
        for step, (key, value) in self.pending.items():
            assert self.folder is not None
            write_pickle(self.folder / f"{step}.pickle", key, value)
        self.pending.clear()


class Shelf:
    """Results keyed by a digest of their inputs, one pickle file each, under ``folder``.

    Unlike :class:`Memo`, every key keeps its own file (one per article read), so a
    corpus where one file changed finds every other one.
    """

    key = staticmethod(inputs_key)

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The stored result for ``key``, or ``compute()`` stored under it."""
        found = self.load(key)
        if found is not MISSING:
            return t.cast(T, found)
        value = compute()
        self.store(key, value)
        return value

    def load(self, key: str) -> object:
        """The result stored for ``key``, else ``MISSING``."""
        return MISSING if self.folder is None else read_pickle(self.path(key))

    def store(self, key: str, value: object) -> None:
        """Keep ``value`` under ``key``."""
        if self.folder is not None:
            write_pickle(self.path(key), value)
