"""Work done in a second process while the pages are written: kept, made, or made again."""

from __future__ import annotations

import functools
import os

from news_explorer.background import Background, Standby


def made_by() -> int:
    return os.getpid()


def test_background_work_runs_in_another_process():
    assert Background(made_by).result() != os.getpid()


def test_a_child_that_dies_has_its_work_done_again_here():
    def dies() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return os.getpid()

    parent = os.getpid()
    assert Background(dies).result() == parent


def ready_flag() -> str | None:
    return os.environ.get("NEWS_TEST_READY")


def test_a_standby_gets_ready_first_then_runs_calls_there():
    standby = Standby(functools.partial(os.environ.__setitem__, "NEWS_TEST_READY", "yes"))
    try:
        assert standby.call(ready_flag) == "yes"
        assert standby.call(made_by) != os.getpid()
        assert ready_flag() is None  # it got ready in the other process
        assert standby.call(lambda: os.getpid()) == os.getpid()  # cannot be sent: run here
        assert standby.call(made_by) != os.getpid()
    finally:
        standby.close()
    assert standby.call(made_by) == os.getpid()  # closed: calls run here


def fails_elsewhere(parent: int) -> int:
    if os.getpid() != parent:
        raise RuntimeError("not here")
    return os.getpid()


def test_a_call_that_fails_in_the_standby_runs_here_and_the_standby_stays():
    standby = Standby(lambda: None)
    try:
        assert standby.call(fails_elsewhere, os.getpid()) == os.getpid()
        assert standby.call(made_by) != os.getpid()
    finally:
        standby.close()


def test_a_standby_that_cannot_get_ready_leaves_every_call_here():
    def cannot() -> None:
        raise ImportError("no such model")

    standby = Standby(cannot)
    try:
        assert standby.call(made_by) == os.getpid()
    finally:
        standby.close()
