"""Work done in a second process while the pages are written: kept, made, or made again."""

from __future__ import annotations

import os

from news_explorer.background import Background, Deferred
from newscorpus.memo import MISSING, Memo


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


def test_steps_are_made_in_the_background_and_kept_with_the_memos_pending_results(tmp_path):
    memo = Memo(tmp_path, defer=True)
    memo.store("catalog", "catalog key", {"entities": 3})
    deferred = Deferred(memo, {"search": ("search key", lambda: {"pid": os.getpid()})})
    assert deferred.result("search")["pid"] != os.getpid()
    assert not memo.pending  # written by the child, not again here
    kept = Memo(tmp_path)
    assert kept.load("catalog", "catalog key") == {"entities": 3}
    assert kept.load("search", "search key") == deferred.result("search")


def test_a_step_kept_for_the_same_key_is_not_made_again(tmp_path):
    Memo(tmp_path).store("exports", "key", {"articles.json": "[]\n"})

    def fails() -> dict:
        raise AssertionError("made again")

    deferred = Deferred(Memo(tmp_path, defer=True), {"exports": ("key", fails)})
    assert deferred.job is None  # nothing to make, nothing to write: no second process
    assert deferred.result("exports") == {"articles.json": "[]\n"}


def test_a_step_whose_key_changed_is_made_again(tmp_path):
    Memo(tmp_path).store("exports", "old key", "old")
    deferred = Deferred(Memo(tmp_path, defer=True), {"exports": ("new key", lambda: "new")})
    assert deferred.result("exports") == "new"
    assert Memo(tmp_path).load("exports", "old key") is MISSING
    assert Memo(tmp_path).load("exports", "new key") == "new"
