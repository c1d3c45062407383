"""The one store of everything a build keeps for the next: results addressed by their inputs.

Every kept result is found by its kind ("extraction", "article", "catalog" …) and a
digest of its inputs and of this package's code, so a changed rule never serves a result
the old rules computed: :meth:`Store.get` loads it, or computes and keeps it. A few kinds
carry state from one build to the next instead (the page ledger, the corpus files'
stamps, the story pairs already compared): :meth:`Store.recall` and :meth:`Store.keep`
hold the last value under a name.

One serialisation (pickle, with dataclasses written as calls of their constructor) and
one atomic write for all of them. After a build, :meth:`Store.prune` deletes the results
it did not use, so the folder holds one build's worth. A result is kept with the
results its making looked up or kept (a corpus's stories with each article's
signature): a build that loads it uses those too, so they are not pruned.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import pickle
import tempfile
import typing as t
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .digest import code_digest, digest

logger = logging.getLogger(__name__)

T = t.TypeVar("T")
MISSING: t.Final = object()  # what a lookup returns when nothing is kept
# What reading a damaged, truncated or outdated pickle can raise.
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
              AttributeError, ImportError, IndexError)  # fmt: skip
STATE = "state"  # the folder of the values carried from build to build, never pruned


class Store:
    """Results kept under ``folder`` (``None`` keeps nothing: every result is computed).

    Until :meth:`flush`, results are held in memory while :attr:`held` is set (a
    build with more urgent work, such as writing pages, lets a second process write
    them).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.held = False
        self.pending: dict[tuple[str, str], object] = {}
        self.used: set[tuple[str, str]] = set()  # what this build looked up or kept
        self.traces: list[set[tuple[str, str]]] = []  # of the results being made
        self.hits: list[str] = []  # kinds of results loaded, in order

    @staticmethod
    def key(kind: str, inputs: object) -> str:
        """The address of a result of ``kind`` computed from ``inputs`` by this code."""
        return digest((code_digest(), kind, inputs))

    def get(self, kind: str, inputs: object, compute: Callable[[], T]) -> T:
        """The result of ``kind`` for ``inputs``: loaded, or computed and kept."""
        key = self.key(kind, inputs)
        found = self.load(kind, key)
        if found is not MISSING:
            return t.cast(T, found)
        return self.make(kind, key, compute)

    def get_each(
        self,
        kind: str,
        inputs: Sequence[object],
        compute: Callable[[list[int]], Iterable[object]],
    ) -> tuple[list[str], list[object]]:
        """The keys and results of ``kind`` for each of ``inputs``: those kept are loaded,
        the others made by one call of ``compute`` with their positions (a batch for the
        model), each kept as it comes."""
        keys = [self.key(kind, one) for one in inputs]
        found = [self.load(kind, key) for key in keys]
        missing = [i for i, one in enumerate(found) if one is MISSING]
        if missing:
            for i, one in zip(missing, compute(missing), strict=True):
                self.put(kind, keys[i], one)
                found[i] = one
        return keys, found

    def make(self, kind: str, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept at ``key`` with the results it looked up or kept itself
        (its steps': a later build that loads it uses them too, and keeps them)."""
        self.traces.append(set())
        try:
            value = compute()
        finally:
            steps = self.traces.pop()
        self.put(kind, key, value, steps)
        return value

    def load(self, kind: str, key: str) -> object:
        """The result kept at ``key``, else ``MISSING``."""
        if self.folder is None:
            return MISSING
        self.use({(kind, key)})
        if (kind, key) in self.pending:
            steps, value = self.pending[kind, key]
        else:
            found = read_pickle(self.path(kind, key))
            if not (isinstance(found, tuple) and len(found) == 2):
                return MISSING  # absent, unreadable or not written by this store
            steps, value = found
            if kind not in self.hits:
                self.hits.append(kind)
        self.use(steps)
        return value

    def put(
        self, kind: str, key: str, value: object, steps: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Keep ``value`` at ``key`` (now, or at :meth:`flush` while held), with the
        results of the ``steps`` that made it."""
        if self.folder is None:
            return
        self.use({(kind, key)})
        kept = (tuple(sorted(steps)), value)
        if self.held:
            self.pending[kind, key] = kept
        else:
            write_pickle(self.path(kind, key), kept)

    def use(self, results: Iterable[tuple[str, str]]) -> None:
        """Note results as used by this build, and by every result being made."""
        self.used.update(results)
        for trace in self.traces:
            trace.update(results)

    def path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def recall(self, kind: str, name: object) -> object:
        """The value last kept under ``name`` by :meth:`keep`, else ``MISSING``."""
        if self.folder is None:
            return MISSING
        return read_pickle(self.state_path(kind, name))

    def keep(self, kind: str, name: object, value: object) -> None:
        """Carry ``value`` to the next build under ``name`` (written now)."""
        if self.folder is not None:
            write_pickle(self.state_path(kind, name), value)

    def state_path(self, kind: str, name: object) -> Path:
        assert self.folder is not None
        return self.folder / STATE / f"{kind}-{digest(name)}.pickle"

    def hold(self) -> None:
        """Keep results in memory from now on, until :meth:`flush`."""
        self.held = True

    def flush(self) -> None:
        """Write the results held since :meth:`hold`."""
        for (kind, key), value in self.pending.items():
            write_pickle(self.path(kind, key), value)
        self.pending.clear()
        self.held = False

    def forget_pending(self) -> None:
        """Another process wrote the held results (it had a copy of them)."""
        self.pending.clear()
        self.held = False

    def note_used(self, used: Iterable[tuple[str, str]]) -> None:
        """Results another process of this build looked up or kept."""
        self.used.update(used)

    def prune(self) -> int:
        """Delete the results this build did not use; the number deleted."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for kind in sorted(os.listdir(self.folder)):
            if kind == STATE or not (self.folder / kind).is_dir():
                continue
            for path in (self.folder / kind).glob("*/*.pickle"):
                if (kind, path.stem) not in self.used:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


def read_pickle(path: Path) -> object:
    """The object pickled in ``path``, or ``MISSING`` when it is absent or unreadable."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except UNREADABLE:
        return MISSING


def write_pickle(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically: a killed build never leaves half a file.
    A value that cannot be pickled is not kept, with a warning."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
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
