"""One computation in a second process while the build goes on (the machine has two cores).

The search index takes seconds to build and no page needs it (pages name the search
script, not the index version), so it is built in a forked child while Pelican writes the
pages, and collected before the search files are written. Where ``fork`` is not available
the computation simply runs in the build's own process.
"""

from __future__ import annotations

import logging
import multiprocessing
import typing as t
from collections.abc import Callable

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
