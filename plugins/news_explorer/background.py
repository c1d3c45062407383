"""One computation in a second process while the build goes on (the machine has two cores).

The search index takes seconds to build and no page needs it (pages name the search
script, not the index version), so it is built in a forked child while Pelican writes the
pages, and collected before the search files are written. Where ``fork`` is not available
the computation simply runs in the build's own process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import tempfile
import typing as t
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)

T = t.TypeVar("T")


def _run(compute: Callable[[], object], target: str) -> None:
    """In the child: compute, and leave the pickled result in ``target``."""
    with open(target, "wb") as handle:
        pickle.dump(compute(), handle, protocol=pickle.HIGHEST_PROTOCOL)


class Background(t.Generic[T]):
    """``compute()`` started now in a forked process; :meth:`result` waits for it."""

    def __init__(self, compute: Callable[[], T]) -> None:
        self.compute = compute
        self.process = None
        self.target = ""
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        handle, self.target = tempfile.mkstemp(suffix=".pickle")
        os.close(handle)
        context = multiprocessing.get_context("fork")
        self.process = context.Process(target=_run, args=(compute, self.target), daemon=True)
        self.process.start()

    def result(self) -> T:
        """The result: the child's, or computed here if there is no child or it failed."""
        if self.process is None:
            return self.compute()
        self.process.join()
        try:
            if self.process.exitcode == 0:
                with open(self.target, "rb") as handle:
                    return pickle.load(handle)
            logger.warning("news explorer: background step failed; computing it again")
        finally:
            Path(self.target).unlink(missing_ok=True)
        return self.compute()
