"""The store: results kept between builds under a digest of their inputs."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from news_explorer.background import Deferred
from newscorpus.store import MISSING, Store


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    tags: frozenset[str]


@dataclass(slots=True)
class Record:
    name: str
    items: list[Item]
    parent: Record | None = None


def test_a_result_is_reused_only_for_the_same_inputs(tmp_path):
    calls = []

    def compute(value):
        calls.append(value)
        return {"value": value}

    assert Store(tmp_path).get("step", "a", lambda: compute("a")) == {"value": "a"}
    again = Store(tmp_path)
    assert again.get("step", "a", lambda: compute("never")) == {"value": "a"}
    assert again.hits == ["step"]
    assert again.get("step", "b", lambda: compute("b")) == {"value": "b"}
    assert again.get("other step", "a", lambda: compute("other")) == {"value": "other"}
    assert calls == ["a", "b", "other"]


def test_dataclasses_come_back_equal_and_shared_where_they_were(tmp_path):
    item = Item("S-400", frozenset({"weapon", "air defence"}))
    top = Record("top", [item])
    value = [Record("child", [item, item], top), top]
    Store(tmp_path).get("step", "k", lambda: value)
    back = Store(tmp_path).get("step", "k", lambda: None)
    assert back == value
    child, parent = back
    assert child.parent is parent and child.items[0] is child.items[1] is parent.items[0]
    with pytest.raises(AttributeError):
        child.items[0].name = "changed"  # still frozen


def test_held_results_are_found_at_once_and_written_when_flushed(tmp_path):
    store = Store(tmp_path)
    store.hold()
    assert store.get("step", "k", lambda: "computed") == "computed"
    assert store.get("step", "k", lambda: "again") == "computed"  # found before the flush
    assert Store(tmp_path).load("step", Store.key("step", "k")) is MISSING
    store.flush()
    assert Store(tmp_path).load("step", Store.key("step", "k")) == "computed"
    assert store.pending == {} and not store.held


def test_a_damaged_file_is_computed_again(tmp_path):
    Store(tmp_path).get("step", 1, lambda: "first")
    (path,) = (tmp_path / "step").rglob("*.pickle")
    path.write_bytes(b"\x80not a pickle")
    assert Store(tmp_path).get("step", 1, lambda: "second") == "second"
    assert Store(tmp_path).get("step", 1, lambda: "third") == "second"


def test_no_folder_keeps_nothing():
    results = iter([1, 2])
    store = Store(None)
    assert store.get("step", "k", lambda: next(results)) == 1
    assert store.get("step", "k", lambda: next(results)) == 2
    store.keep("ledger", "output", {"pages": 1})
    assert store.recall("ledger", "output") is MISSING
    assert store.prune() == 0


def test_state_is_carried_by_name_and_outlives_pruning(tmp_path):
    Store(tmp_path).keep("ledger", "/site/output", {"pages": {"index.html": "k1"}})
    Store(tmp_path).keep("ledger", "/other/output", {"pages": {}})
    store = Store(tmp_path)
    assert store.recall("ledger", "/site/output") == {"pages": {"index.html": "k1"}}
    assert store.recall("ledger", "/nowhere") is MISSING
    store.prune()
    assert Store(tmp_path).recall("ledger", "/other/output") == {"pages": {}}


def test_pruning_deletes_what_the_build_did_not_use(tmp_path):
    first = Store(tmp_path)
    for text in ("kept", "edited away", "deleted file"):
        first.get("extraction", text, lambda x=text: x.upper())
    first.get("catalog", "corpus one", lambda: "catalog one")
    build = Store(tmp_path)  # the next build: one file as before, one new
    assert build.get("extraction", "kept", lambda: "computed again") == "KEPT"
    build.get("extraction", "new text", lambda: "NEW TEXT")
    build.get("catalog", "corpus two", lambda: "catalog two")
    assert build.prune() == 3
    after = Store(tmp_path)
    assert after.get("extraction", "kept", lambda: None) == "KEPT"
    assert after.get("extraction", "new text", lambda: None) == "NEW TEXT"
    assert after.get("extraction", "deleted file", lambda: "gone") == "gone"
    assert after.get("catalog", "corpus one", lambda: "gone") == "gone"


def test_a_result_loaded_keeps_the_results_its_making_used(tmp_path):
    def stories(store: Store, texts: list[str]) -> list[str]:
        return [store.get("signature", text, lambda x=text: x.lower()) for text in texts]

    first = Store(tmp_path)
    first.get("stories", ("A", "B"), lambda: stories(first, ["A", "B"]))
    warm = Store(tmp_path)  # nothing changed: the stories are loaded, not made
    assert warm.get("stories", ("A", "B"), lambda: None) == ["a", "b"]
    assert warm.prune() == 0  # each text's signature is the stories' and stays
    edited = Store(tmp_path)  # one text changed: the other's signature is found
    made: list[str] = []

    def signature(text: str) -> str:
        made.append(text)
        return text.lower()

    edited.get("stories", ("A", "C"), lambda: [
        edited.get("signature", text, lambda x=text: signature(x)) for text in ("A", "C")
    ])  # fmt: skip
    assert made == ["C"]
    assert edited.prune() == 2  # the old stories and B's signature


def test_steps_are_made_in_the_background_with_the_held_results_written_there(tmp_path):
    store = Store(tmp_path)
    store.hold()
    store.get("catalog", "catalog inputs", lambda: {"entities": 3})
    deferred = Deferred(store, {"search": ("search inputs", lambda: {"pid": os.getpid()})})
    assert not store.pending and not store.held  # handed to the background
    assert deferred.result("search")["pid"] != os.getpid()
    kept = Store(tmp_path)
    assert kept.get("catalog", "catalog inputs", lambda: None) == {"entities": 3}
    assert kept.get("search", "search inputs", lambda: None) == deferred.result("search")
    assert store.prune() == 0  # both used by this build, one of them in the other process


def test_a_step_kept_for_the_same_inputs_is_not_made_again(tmp_path):
    Store(tmp_path).get("exports", "inputs", lambda: {"articles.json": "[]\n"})

    def fails() -> dict:
        raise AssertionError("made again")

    deferred = Deferred(Store(tmp_path), {"exports": ("inputs", fails)})
    assert deferred.job is None  # nothing to make, nothing to write: no second process
    assert deferred.result("exports") == {"articles.json": "[]\n"}


def test_a_step_whose_inputs_changed_is_made_again(tmp_path):
    Store(tmp_path).get("exports", "old inputs", lambda: "old")
    store = Store(tmp_path)
    deferred = Deferred(store, {"exports": ("new inputs", lambda: "new")})
    assert deferred.result("exports") == "new"
    store.prune()
    assert Store(tmp_path).get("exports", "old inputs", lambda: "gone") == "gone"
    assert Store(tmp_path).get("exports", "new inputs", lambda: None) == "new"
