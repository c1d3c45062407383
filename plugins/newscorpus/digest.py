"""Stable digests of plain data: the same data gives the same digest in every process.

Used to tell whether what a page shows has changed since the last build, and whether the
inputs of a corpus-wide step are the ones it was last run on. Python's ``hash()`` is
salted per process; the serialisation here is pickle's (fast, and exact for plain data)
without its memo, with set-valued fields sorted, so the digest depends on the data
alone. (Bare sets are pickled in iteration order: pass sorted data.)
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
import typing as t
from collections.abc import Callable, Mapping
from pathlib import Path

# Functions, by the type they apply to, that stand a short reference in for an object
# found inside another (an entity named on an article page is its name and link there,
# not its whole record). A type's subclasses are referred the same way.
Refer = Mapping[type, Callable[[t.Any], object]]


class Undigestable(TypeError):
    """A value of a type this module does not know how to digest."""


def digest(value: object, refer: Refer | None = None) -> str:
    """A hex digest of ``value``: strings, numbers, dates, containers and dataclasses.

    Objects of a type in ``refer`` are digested as what its function returns for them.
    A dataclass with a set-valued field has that field digested in sorted order. A value
    that cannot be serialised raises :class:`Undigestable`.
    """
    return Digester(refer)(value) if refer else _PLAIN(value)


class Digester:
    """:func:`digest` with the same ``refer``, for many values: how each class is
    digested is worked out once."""

    def __init__(self, refer: Refer | None = None) -> None:
        self.refer = refer or {}
        self.handlers: dict[type, Callable[[t.Any], tuple] | None] = {}

    def __call__(self, value: object) -> str:
        sink = _Sink()
        try:
            _Pickler(sink, self.refer, self.handlers).dump(value)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as error:
            raise Undigestable(f"cannot digest {type(value).__qualname__}: {error}") from error
        return sink.hash.hexdigest()


class _Sink:
    """A file-like object that hashes what is written to it."""

    def __init__(self) -> None:
        self.hash = hashlib.blake2b(digest_size=16)

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return len(data)


_PLAIN = Digester()


def _referred(substitute: object) -> object:  # pragma: no cover - never unpickled
    return substitute


def _fields(name: str, values: tuple) -> object:  # pragma: no cover - never unpickled
    return name, values


class _Pickler(pickle.Pickler):
    """pickle's C serialiser (fast, exact), with references and set fields made stable."""

    def __init__(
        self, sink: _Sink, refer: Refer, handlers: dict[type, Callable[[t.Any], tuple] | None]
    ) -> None:
        super().__init__(sink, protocol=5)
        # No memo: an object met twice is written twice, so the digest depends on the
        # data alone, not on which equal values happen to be one object.
        self.fast = True
        self.refer = refer
        self.handlers = handlers

    def reducer_override(self, obj: object):  # noqa: ANN201 - pickle's protocol
        cls = type(obj)
        try:
            handler = self.handlers[cls]
        except KeyError:
            handler = self.handlers[cls] = self._handler(cls)
        return NotImplemented if handler is None else handler(obj)

    def _handler(self, cls: type) -> Callable[[t.Any], tuple] | None:
        for base in cls.__mro__:
            if base in self.refer:
                function = self.refer[base]
                return lambda obj: (_referred, (function(obj),))
        if dataclasses.is_dataclass(cls):
            # Field by field (faster than a slots dataclass's own __getstate__).
            names = _field_names(cls)
            if _set_fields(cls):
                return lambda obj: (
                    _fields,
                    (cls.__qualname__, tuple(_stable(getattr(obj, name)) for name in names)),
                )
            return lambda obj: (
                _fields,
                (cls.__qualname__, tuple(getattr(obj, name) for name in names)),
            )
        return None  # pickle's own reduction: exact for plain classes


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


def _set_fields(cls: type) -> bool:
    """Whether a dataclass declares a set-valued field (``frozenset[str]``, ``set``…)."""
    return any("set" in str(field.type) for field in dataclasses.fields(cls))


def _stable(value: object) -> object:
    """Sets in a fixed order (their iteration order depends on the process's hash seed)."""
    if isinstance(value, set | frozenset):
        return tuple(sorted(value, key=repr))
    return value


def files_digest(paths: list[Path], root: Path) -> str:
    """A digest of files' names (relative to ``root``) and bytes, in name order."""
    sink = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        name = path.relative_to(root).as_posix().encode()
        data = path.read_bytes()
        sink.update(b"%d:%s%d:" % (len(name), name, len(data)) + data)
    return sink.hexdigest()


PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_digest() -> str:
    """A digest of this package's code and word lists: results computed by other rules differ."""
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return files_digest([p for p in files if p.suffix in {".py", ".txt"}], PACKAGE)
