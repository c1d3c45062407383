"""Digests: the addresses under which a rebuild finds the last build's results."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from conftest import ROOT
from newscorpus.corpus.catalog import Catalog, EntityRecord, distinct_slugs
from newscorpus.corpus.topics import Topic
from newscorpus.digest import Undigestable, digest
from newscorpus.entities.nlp import DEFAULT_MODEL, installed_version, load_pipeline, model_version


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    tags: frozenset[str]


def test_equal_data_gives_equal_digests_and_any_change_another():
    base = digest(("a", 1, [2.5, None], {"k": (True, b"x")}))
    assert base == digest(("a", 1, [2.5, None], {"k": (True, b"x")}))
    for changed in [("a", 1, [2.5, None], {"k": (False, b"x")}), ("a", 1, [2.5], {"k": 1})]:
        assert digest(changed) != base


def test_shared_and_separate_equal_objects_digest_alike():
    shared = "x" * 50
    assert digest([shared, shared]) == digest(["x" * 50, "".join(["x"] * 50)])


def test_a_dataclass_with_a_set_field_digests_the_same_in_every_process():
    code = (
        "import sys; sys.path.insert(0, 'plugins'); sys.path.insert(0, 'tests')\n"
        "import re\n"
        "from newscorpus.digest import digest\n"
        "from newscorpus.corpus.topics import Topic\n"
        "print(digest(Topic('S-400', 's-400', frozenset('abcdefgh'), (re.compile('S'),))))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1
    topic = Topic("S-400", "s-400", frozenset("abcdefgh"), (re.compile("S"),))
    assert seen == {digest(topic) + "\n"}


def test_referred_objects_are_digested_as_their_reference():
    records = [EntityRecord("NATO", "ORG", "nato", ()), EntityRecord("NATO", "ORG", "nato", ("N",))]
    refer = {EntityRecord: lambda r: (r.name, r.slug)}
    assert digest(records[0], refer) == digest(records[1], refer)
    assert digest(records[0]) != digest(records[1])


def test_what_cannot_be_serialised_is_undigestable():
    with pytest.raises(Undigestable):
        digest([lambda: None])


def test_a_catalog_pickles_its_linked_records_without_recursing():
    records = [EntityRecord(f"Name {n}", "PERSON", f"name-{n}", ()) for n in range(3000)]
    for one, other in zip(records, records[1:] + records[:1], strict=True):
        one.cooccurring = [(other, 2)]
        other.cooccurring.append((one, 2))
    catalog = Catalog({r.name: r for r in records}, [], [], [])
    copy = pickle.loads(pickle.dumps(catalog))
    first = copy.entities["Name 0"]
    assert [(r.name, n) for r, n in first.cooccurring] == [("Name 1", 2), ("Name 2999", 2)]
    assert first.cooccurring[0][0] is copy.entities["Name 1"]


def test_names_that_slugify_alike_get_distinct_pages():
    names = [("AT&T", "at-t"), ("AT-T", "at-t"), ("At T", "at-t"), ("2019", "2019")]
    records = [EntityRecord(name, "ORG", slug, ()) for name, slug in names]
    distinct_slugs(records)
    assert [r.slug for r in records] == ["at-t", "at-t-2", "at-t-3", "2019-entity"]


def test_the_model_version_is_read_without_loading_the_model():
    assert installed_version(DEFAULT_MODEL) == model_version(load_pipeline(DEFAULT_MODEL))
    assert installed_version("no_such_pipeline_package") is None
