"""Work done in a second process, on the machine's second core, while the build goes on.

- :class:`Deferred`: the search index and the research exports take seconds to make and
  no page shows them (pages name the search script, not the index version), and the
  corpus-wide results kept for the next build need not be written before the pages are.
  So they are made and written in a forked child while Pelican writes the pages, and
  collected at the end.
- :class:`Standby`: a child that loads what a step will need (the NLP model) while the
  build does something else (reading the corpus), then runs that step when asked.

Where ``fork`` is not available, or the child fails, the work runs in the build's own
process.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import typing as t
from collections.abc import Callable

from newscorpus.store import MISSING, Store

logger = logging.getLogger(__name__)

T = t.TypeVar("T")


def _run(compute: Callable[[], object], results) -> None:
    """In the child: compute, and send the result back through the pipe."""
    results.send(compute())


class Background(t.Generic[T]):
    """``compute()`` started now in a forked process; :meth:`result` waits for it."""

    def __init__(self, compute: Callable[[], T]) -> None:
        self.compute = compute
        self.process = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self.results, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_run, args=(compute, sender), daemon=True)
        self.process.start()
        sender.close()  # the child holds its own end; a dead child then reads as EOF

    def result(self) -> T:
        """The result: the child's, or computed here if there is no child or it failed."""
        if self.process is None:
            return self.compute()
        try:
            # Received before joining: the child cannot exit while its result is unread.
            return self.results.recv()
        except (EOFError, OSError):
            logger.warning("news explorer: background step failed; computing it again")
            return self.compute()
        finally:
            self.results.close()
            self.process.join()


class Deferred:
    """Corpus-wide steps made after the pages are started: each kept from the last build
    when its inputs are the same, else made in the background, where the store's held
    results are written too. :meth:`result` waits for a step's value."""

    def __init__(self, store: Store, steps: dict[str, tuple[object, Callable[[], object]]]) -> None:
        self.store = store
        self.values: dict[str, object] = {}
        todo = {}
        for name, (inputs, make) in steps.items():
            key = store.key(name, inputs)
            kept = store.load(name, key)
            if kept is MISSING:
                todo[name] = (key, make)
            else:
                self.values[name] = kept

        handed = dict(store.pending)

        def work() -> tuple[dict[str, object], set[tuple[str, str]]]:
            store.pending.update(handed)  # (here already, unless the work runs in this process)
            store.hold()
            made = {name: store.make(name, key, make) for name, (key, make) in todo.items()}
            store.flush()
            return made, store.used

        self.job = Background(work) if todo or handed else None
        store.forget_pending()  # the work writes them

    def result(self, name: str) -> object:
        """The value of step ``name`` (waiting for the background work if it runs)."""
        if self.job is not None:
            made, used = self.job.result()
            self.values.update(made)
            self.job = None
            self.store.note_used(used)
        return self.values[name]


class Standby:
    """A second process that gets ready now (loads a model, imports modules) and runs
    calls later, so that what it prepares is ready by the time the build needs it.

    A call that fails there, and any call once the process is gone, runs here instead.
    """

    def __init__(self, prepare: Callable[[], object]) -> None:
        self.process = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(prepare, theirs), daemon=True)
        self.process.start()
        theirs.close()

    def call(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)``, run in the second process if it is there."""
        if self.process is None:
            return function(*args)
        try:
            self.connection.send((function, args))
        except (pickle.PicklingError, AttributeError, TypeError):
            return function(*args)  # nothing was sent: it cannot be
        except OSError:
            self.close()
            return function(*args)
        try:
            done, value = self.connection.recv()
        except (EOFError, OSError, pickle.UnpicklingError, AttributeError):
            self.close()
            return function(*args)
        return value if done else function(*args)

    def close(self) -> None:
        """End the second process at once, even while it gets ready: it writes nothing."""
        if self.process is None:
            return
        self.connection.close()
        self.process.terminate()
        self.process.join()
        self.process = None


def _serve(prepare: Callable[[], object], connection) -> None:
    """In the child: prepare, then run each call received until told to stop."""
    try:
        prepare()
    except Exception:  # the calls then run in the build's process, which reports the error
        return
    while True:
        try:
            function, args = connection.recv()
        except EOFError:
            return
        try:
            connection.send((True, function(*args)))
        except Exception:
            connection.send((False, None))
