"""The search index, built in Python: terms, the lunr.js stemmer port, and the split by term."""

from __future__ import annotations

import bisect
import gzip
import json

import pytest
from conftest import generated_documents
from hypothesis import given
from hypothesis import strategies as st
from newscorpus.search.documents import Facet, FacetValue, SearchDocument, index_terms, js_order
from newscorpus.search.fullindex import build_index, term_entries
from newscorpus.search.index import (
    MAX_BUCKET_LENGTH,
    bucket_char,
    bucket_keys,
    dump,
    facet_table,
    gaps,
    index_entries,
    index_manifest,
    search_files,
    split_index,
    term_buckets,
)
from newscorpus.search.stemmer import stem
from newscorpus.search.terms import split_term, terms

# --- terms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("S-400", ("s-400",)),
        ("S-400s", ("s-400s",)),
        ("S-400's", ("s-400",)),
        ("S-500’s", ("s-500",)),
        ("(S-400),", ("s-400",)),
        ("F-35A.", ("f-35a",)),
        ("MiG-29K", ("mig-29k",)),
        ("COVID-19", ("covid-19",)),
        ("S\u2011400", ("s-400",)),  # non-breaking hyphen
        ("S-400/S-500", ("s-400", "s-500")),
        ("well-known", ("well", "known")),
        ("2019-05-18", ("2019", "05", "18")),
        ("18-year-old", ("18", "year", "old")),
        ("Erdogan's", ("erdogan",)),
        ("Erdogan’s", ("erdogan",)),
        ("O’Neill", ("o'neill",)),
        ("U.S.", ("u.s",)),
        ("--", ()),
        ("“Russia", ("russia",)),
        ("Москва", ("москва",)),
        ("تركيا", ("تركيا",)),
        ("🚀", ()),
    ],
)
def test_words_split_into_terms_with_designators_whole(word, expected):
    assert split_term(word) == expected


def test_designators_stem_to_their_singular_and_keep_apart_from_numbers():
    indexed = index_terms("Turkey's S-400s, the S-400 and an S-500; 400 jets and F-35s.")
    assert indexed.count("s-400") == 2
    assert "s-500" in indexed and "400" in indexed and "f-35" in indexed
    assert "s" not in indexed and "turkey" in indexed


def test_stop_words_are_not_indexed_but_are_still_split():
    indexed = index_terms("The minister and the well-known plan")
    assert indexed == ["minist", "well", "known", "plan"]
    assert terms("The minister") == ["the", "minister"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Where lunr.py's own stemmer differs from lunr.js's (it gives "boi", "attornei").
        ("boy", "boy"),
        ("attorneys", "attorney"),
        ("always", "alway"),
        ("try", "tri"),
        ("lay", "lay"),
        ("yield", "yield"),
        # Ordinary Porter steps.
        ("missiles", "missil"),
        ("production", "product"),
        ("relational", "relat"),
        ("generalization", "gener"),
        ("defence", "defenc"),
        ("s-400s", "s-400"),
        ("at", "at"),
    ],
)
def test_stemmer_follows_lunr_js(word, expected):
    assert stem(word) == expected


# --- the index and its pieces -------------------------------------------------------------


@pytest.fixture(scope="module")
def documents() -> list[SearchDocument]:
    return generated_documents(80)


@pytest.fixture(scope="module")
def serialised(documents) -> dict:
    return build_index(documents)


def test_index_uses_slugs_as_references_and_the_lunr_js_pipeline(serialised, documents):
    assert serialised["version"] == "2.3.9"
    assert serialised["fields"] == ["title", "entities", "body"]
    assert serialised["pipeline"] == ["newsTerms", "stemmer"]
    refs = {ref.partition("/")[2] for ref, _ in serialised["fieldVectors"]}
    assert refs == {d.ref for d in documents}
    terms_ = [term for term, _ in serialised["invertedIndex"]]
    assert terms_ == sorted(terms_, key=lambda t: t.encode("utf-16-be"))
    assert "s-400" in terms_ and "s-500" in terms_


def split_lunr(serialised: dict, refs: list[str], piece_bytes: int):
    """The pieces of a lunr.py index, as the site's files are cut."""
    manifest = index_manifest(serialised["fields"], len(refs))
    return split_index(term_entries(serialised, refs), manifest, piece_bytes)


def test_term_entries_made_from_the_counts_are_those_of_lunrs_own_index(serialised, documents):
    refs = [d.ref for d in documents]
    assert index_entries(documents) == term_entries(serialised, refs)


def test_term_entries_agree_with_lunr_with_empty_fields_and_other_boosts():
    fields = (("title", 3), ("quotes", 2), ("body", 1))
    documents = [
        SearchDocument("a", "", (), "S-400 S-400 deliveries", quotes=("no stepping back",)),
        SearchDocument("b", "Turkey", (), "", quotes=()),
        SearchDocument("c", "Turkey and Russia", (), "Turkey turkey, Ankara said."),
    ]
    serialised = build_index(documents, fields=fields)
    assert index_entries(documents, fields) == term_entries(serialised, ["a", "b", "c"])
    assert index_entries([], fields) == []


def test_the_manifest_describes_lunrs_index(serialised, documents):
    manifest = index_manifest(serialised["fields"], len(documents))
    assert manifest["lunr"] == serialised["version"]
    assert manifest["pipeline"] == serialised["pipeline"]
    assert manifest["documents"] == len(documents)


def test_split_pieces_cover_every_term_once_in_order(serialised, documents):
    refs = [d.ref for d in documents]
    split = split_lunr(serialised, refs, piece_bytes=1500)
    assert len(split.pieces) > 10
    flat = [entry for piece in split.pieces for entry in piece]
    assert flat == term_entries(serialised, refs)
    # Each piece starts at a prefix of its first term that sorts after the piece before,
    # and every term is found in its own piece by the starts: the manifest's sections,
    # then the section's directory.
    starts = split.starts
    sections, size = split.manifest["sections"], split.manifest["sectionPieces"]
    assert sections == starts[::size] and split.manifest["pieceCount"] == len(split.pieces)
    directory = split.directory()
    assert [
        s for k in range(len(directory)) for s in json.loads(directory[f"directory/{k}.json"])
    ] == starts
    for n, piece in enumerate(split.pieces):
        assert piece[0][0].startswith(starts[n])
        assert n == 0 or js_order(starts[n]) > js_order(split.pieces[n - 1][-1][0])
        for entry in piece:
            section = bisect.bisect_right([js_order(x) for x in sections], js_order(entry[0])) - 1
            within = json.loads(directory[f"directory/{section}.json"])
            found = bisect.bisect_right([js_order(x) for x in within], js_order(entry[0])) - 1
            assert section * size + found == n
    assert sum(map(len, starts)) < sum(len(piece[0][0]) for piece in split.pieces)
    assert split.terms == [entry[0] for entry in flat]
    assert split.files == [dump(piece) for piece in split.pieces]
    for piece in split.pieces:
        size = len(gzip.compress(json.dumps(piece, separators=(",", ":")).encode()))
        assert len(piece) == 1 or size <= 1500


def test_pieces_hold_exactly_lunrs_postings_and_weights(serialised, documents):
    refs = [d.ref for d in documents]
    split = split_lunr(serialised, refs, piece_bytes=2000)
    entries = {entry[0]: entry for piece in split.pieces for entry in piece}
    vectors = {
        ref: dict(zip(v[::2], v[1::2], strict=True)) for ref, v in serialised["fieldVectors"]
    }
    for term, posting in serialised["invertedIndex"]:
        entry = entries[term]
        assert entry[1] == posting["_index"]
        for f, field in enumerate(serialised["fields"]):
            flat = entry[2 + f]
            docs, weights = [], []
            number = 0
            for gap, weight in zip(flat[::2], flat[1::2], strict=True):
                number += gap
                docs.append(refs[number])
                weights.append(weight / 1000)
            assert sorted(docs) == sorted(posting[field])
            for ref, weight in zip(docs, weights, strict=True):
                assert weight == vectors[f"{field}/{ref}"][posting["_index"]]


def test_a_small_corpus_is_one_piece(documents):
    files = search_files(documents[:5], piece_bytes=20_000)
    manifest = json.loads(files["manifest.json"])
    assert manifest["documents"] == 5
    assert manifest["pieceCount"] == 1 and len(manifest["sections"]) == 1
    assert sorted(name for name in files if name.startswith("pieces/")) == ["pieces/0.json"]


def test_search_files_are_deterministic(documents):
    first = search_files(documents, full_index=True)
    second = search_files(list(documents), full_index=True)
    assert first == second
    assert (
        json.loads(first["manifest.json"])["version"]
        == json.loads(second["manifest.json"])["version"]
    )


def test_cards_are_per_document_in_corpus_order():
    docs = [
        SearchDocument("b-slug", "B", (), "text b", card={"title": "B"}),
        SearchDocument("a-slug", "A", (), "text a", card={"title": "A"}),
    ]
    files = search_files(docs)
    assert json.loads(files["cards/0.json"]) == {"ref": "b-slug", "title": "B"}
    assert json.loads(files["cards/1.json"]) == {"ref": "a-slug", "title": "A"}


def test_facet_lists_are_documents_per_value():
    dw = FacetValue("dw", "DW")
    other = FacetValue("other", "Other")
    rare = FacetValue("rare", "Rare")
    docs = [
        SearchDocument(
            str(n), "t", (), "b", facets={"outlet": (dw if n % 3 == 0 else other,), "x": (rare,)}
        )
        for n in range(7)
    ]
    docs[0] = SearchDocument("0", "t", (), "b", facets={"outlet": (dw, rare)})
    table = facet_table(docs, [Facet("outlet", "Outlet", min_documents=2)])
    values = table["facets"][0]["values"]
    assert values == [["other", "Other", "", gaps([1, 2, 4, 5])], ["dw", "DW", "", [0, 3, 3]]]


def test_gaps():
    assert gaps([5, 1, 9]) == [1, 4, 4]
    assert gaps([]) == []


# --- term buckets for fuzzy queries -------------------------------------------------------


def one_edit_away(word: str, alphabet: str = "abcxyz0_") -> set[str]:
    """Every string one deletion, insertion, substitution or swap away from ``word``."""
    out = set()
    for i in range(len(word) + 1):
        out.update(word[:i] + c + word[i:] for c in alphabet)
        if i < len(word):
            out.add(word[:i] + word[i + 1 :])
            out.update(word[:i] + c + word[i + 1 :] for c in alphabet)
        if i < len(word) - 1:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    out.discard(word)
    return {w for w in out if w}


def client_buckets(term: str) -> set[str]:
    """The buckets engine.js fetches for ``term~1`` (its ``candidates``)."""
    length = len(term)
    first, second = (bucket_char(c) for c in term[:2])

    def key(family: str, n: int, c: str) -> str:
        return f"{family}{max(1, min(n, MAX_BUCKET_LENGTH))}-{c}"

    return {
        key("f", length - 1, first),
        key("f", length, first),
        key("f", length + 1, first),
        key("s", length, second),
        key("f", length - 1, second),
        key("s", length + 1, first),
        key("s", length, first),
    }


@given(st.text(alphabet="abcxyz0_", min_size=2, max_size=8))
def test_every_term_one_edit_away_is_in_the_buckets_a_fuzzy_query_fetches(word):
    candidates = sorted(one_edit_away(word))
    buckets = term_buckets(candidates)
    fetched = {t for key in client_buckets(word) for t in buckets[key]}
    assert set(candidates) <= fetched


def test_buckets_cover_every_term_and_exist_even_when_empty():
    buckets = term_buckets(["s-400", "erdogan", "ünal", "x" * 40])
    assert set(buckets) == set(bucket_keys())
    assert buckets["f5-s"] == ["s-400"] and buckets["s5-_"] == ["s-400"]
    assert buckets["f4-_"] == ["ünal"] and buckets["s4-n"] == ["ünal"]
    assert buckets[f"f{MAX_BUCKET_LENGTH}-x"] == ["x" * 40]


def test_a_quotes_field_can_be_added():
    document = SearchDocument("a", "Title", (), "He said so.", quotes=("Erdogan no stepping back",))
    serialised = build_index([document], fields=(("title", 10), ("quotes", 2), ("body", 1)))
    assert serialised["fields"] == ["title", "quotes", "body"]
    posting = dict(serialised["invertedIndex"])["step"]
    assert posting["quotes"] == {"a": {}} and posting["body"] == {}


def test_the_index_from_kept_term_counts_is_the_index_lunr_builds_from_the_text():
    """CountedBuilder (counts kept between builds) against lunr.py's own Builder.add."""
    from lunr.builder import Builder
    from newscorpus.search.documents import DEFAULT_FIELDS, index_terms, js_order
    from newscorpus.search.fullindex import news_terms

    documents = generated_documents(40)
    builder = Builder()
    builder.search_pipeline.add(news_terms)
    builder.ref("ref")
    for name, boost in DEFAULT_FIELDS:
        builder.field(name, boost=boost)
    for document in documents:
        builder.add(
            {
                "ref": document.ref,
                "title": index_terms(document.title),
                "entities": index_terms(" ".join(document.entities)),
                "body": index_terms(document.body),
            }
        )
    expected = builder.build().serialize()
    expected["invertedIndex"].sort(key=lambda entry: js_order(entry[0]))
    built = build_index(documents)
    assert built["invertedIndex"] == expected["invertedIndex"]
    assert built["fieldVectors"] == expected["fieldVectors"]
    assert built["fields"] == expected["fields"]


def test_term_positions_count_terms_only_so_a_phrase_skips_stop_words_as_its_query_does():
    from newscorpus.search.documents import term_positions

    positions = term_positions("The Minister of Defence met the minister.")
    assert positions["minist"] == [0, 3]
    assert positions["defenc"] == [1]


def test_positions_files_follow_the_pieces_and_their_postings():
    documents = [
        SearchDocument(
            "a", "Joint production", (), "They agreed on joint production of the S-400."
        ),
        SearchDocument("b", "Production", (), "Production joint venture, joint production."),
    ]
    files = search_files(documents, fields=(("title", 10), ("body", 1)))
    pieces = [name for name in files if name.startswith("pieces/")]
    assert sorted(pieces) == sorted(
        n.replace("positions/", "pieces/") for n in files if n.startswith("positions/")
    )
    rows = {
        term: where
        for name in files
        if name.startswith("positions/")
        for term, where in json.loads(files[name])
    }
    # Stop words are not counted: a's body is "agre joint product s-400"; b's is
    # "product joint ventur joint product" ("joint" at 1 and 3: as gaps, 1 and 2).
    assert rows["joint"] == [[[0]], [[1], [1, 2]]]
    assert rows["product"] == [[[1], [0]], [[2], [0, 4]]]


def test_facets_are_files_by_block_of_documents_and_by_bucket_of_values():
    from newscorpus.search.index import facet_files, facet_key_hash

    dw, other = FacetValue("dw", "DW"), FacetValue("other", "Other")
    docs = [
        SearchDocument(
            str(n),
            "t",
            (),
            "b",
            published="2019-05" if n == 3 else "",
            facets={"outlet": (dw if n % 3 == 0 else other,)},
        )
        for n in range(7)
    ]
    description, files = facet_files(docs, [Facet("outlet", "Outlet")], block_docs=3)
    assert description["names"] == [["outlet", "Outlet", 0, False]]
    assert description["runs"] == [[0, "", 0, 0]] and description["values"] == 2
    # Values numbered most common first: "other" (4 documents) is 0, "dw" (3) is 1.
    labels = json.loads(files["facets/labels/0.json"])
    assert labels == [[0, "other", "Other", ""], [0, "dw", "DW", ""]]
    blocks = [json.loads(files[f"facets/tier-0/{k}.json"]) for k in range(3)]
    assert [len(block) for block in blocks] == [3, 3, 1]
    assert blocks[1][0] == [1]  # document 3: "dw"
    assert blocks[1][1] == [0]
    assert not any(name.startswith("facets/tier-1/") for name in files)
    # The dates are runs in document order (facet_files takes the documents as numbered).
    assert description["dates"] == [["", 3], ["2019-05", 1], ["", 3]]
    values = json.loads(files["facets/values/0.json"])
    assert ["outlet", "dw", "DW", "", gaps([0, 3, 6])] in values
    assert facet_key_hash("outlet", "dw") != facet_key_hash("outlet", "wd")


def test_the_index_numbers_documents_in_date_order_with_the_undated_last():
    docs = [
        SearchDocument("undated", "t", (), "alpha", published=""),
        SearchDocument("may", "t", (), "alpha", published="2019-05-19"),
        SearchDocument("year", "t", (), "alpha", published="2019"),
        SearchDocument("april", "t", (), "alpha", published="2019-04"),
        SearchDocument("may-too", "t", (), "alpha", published="2019-05-19"),
    ]
    files = search_files(docs)
    refs = [json.loads(files[f"cards/{n}.json"])["ref"] for n in range(5)]
    assert refs == ["year", "april", "may", "may-too", "undated"]
    manifest = json.loads(files["manifest.json"])
    assert manifest["facets"]["dates"] == [
        ["2019", 1], ["2019-04", 1], ["2019-05", 2], ["", 1]
    ]  # fmt: skip


def test_values_of_a_facet_showing_its_most_common_are_in_tiers_by_their_documents():
    from newscorpus.search.index import facet_files, tiers

    # 1/64 of 3,000 documents is 47, 1/512 is 6; a value of fewer is in the last tier.
    assert tiers(3000, 2) == [47, 6, 2]
    assert tiers(100, 2) == [2]
    putin, lavrov = FacetValue("putin", "Putin", "PERSON"), FacetValue("lavrov", "Lavrov", "PERSON")
    peskov = FacetValue("peskov", "Peskov", "PERSON")
    docs = [
        SearchDocument(
            str(n),
            "t",
            (),
            "b",
            facets={
                "entity": (putin,) + ((lavrov,) if n < 10 else ()) + ((peskov,) if n < 3 else ()),
                "year": (FacetValue("2019", "2019"),),
            },
        )
        for n in range(3000)
    ]
    facets = [Facet("year", "Year", from_dates=True), Facet("entity", "Names", 2, shown=8)]
    description, files = facet_files(docs, facets, block_docs=1000)
    assert description["tiers"] == [47, 6, 2]
    # Putin (3,000 documents) is tier 0, Lavrov (10) tier 1, Peskov (3) tier 2; the year's
    # values are in no block (the browser counts them from the dates).
    assert description["runs"] == [[0, "", 0, 0], [1, "PERSON", 1, 2]]
    assert json.loads(files["facets/tier-0/0.json"])[:2] == [[1], [1]]
    assert json.loads(files["facets/tier-1/0.json"])[:2] == [[2], [2]]
    assert json.loads(files["facets/tier-2/0.json"])[2:4] == [[3], []]
    assert json.loads(files["facets/tier-2/2.json"]) == [[]] * 1000


def test_many_facet_values_spread_over_buckets_each_value_in_the_bucket_of_its_hash():
    from newscorpus.search.index import facet_files, facet_key_hash

    docs = [
        SearchDocument(
            str(n), "t", (), "b", facets={"entity": (FacetValue(f"e{n}", f"Entity {n}"),)}
        )
        for n in range(2000)
    ]
    description, files = facet_files(docs, [Facet("entity", "Mentions")])
    buckets = description["valueBuckets"]
    assert buckets > 1
    for b in range(buckets):
        for value in json.loads(files[f"facets/values/{b}.json"]):
            assert facet_key_hash(value[0], value[1]) % buckets == b


def test_the_search_modules_are_copied_under_a_folder_named_after_their_contents(tmp_path):
    import re
    import shutil

    from conftest import ROOT
    from news_explorer.site_search import search_scripts

    scripts = search_scripts(ROOT / "theme")
    folders = {name.split("/")[0] for name in scripts}
    assert len(folders) == 1 and re.fullmatch(r"js-[0-9a-f]{12}", folders.pop())
    names = {name.split("/")[1] for name in scripts}
    assert "main.js" in names
    for name, data in scripts.items():
        text = data.decode()
        # Every module a module imports is there, and each stays small enough to read.
        for imported in re.findall(r'^import .* from "\./([\w.]+)";$', text, re.M):
            assert imported in names, (name, imported)
        assert text.count("\n") < 300, name
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme" / "search", theme / "search")
    (theme / "search" / "dom.js").write_text("// changed\n", encoding="utf-8")
    changed = search_scripts(theme)
    assert {name.split("/")[0] for name in changed} != {name.split("/")[0] for name in scripts}


def test_a_long_article_s_card_holds_its_first_paragraphs_and_the_rest_its_own_file():
    from newscorpus.search.index import CARD_HEAD_CHARS

    lead = "Turkey will take delivery of the S-400 system in July, officials said."
    later = [
        f"Paragraph {n} says more about the deal and the sanctions it risks." for n in range(60)
    ]
    docs = [
        SearchDocument("long", "T", (), "b", card={"paragraphs": [lead, *later]}),
        SearchDocument("short", "T", (), "b", card={"paragraphs": [lead]}),
    ]
    files = search_files(docs)
    long_card = json.loads(files["cards/0.json"])
    rest = json.loads(files["cards/0-rest.json"])
    assert (
        long_card["paragraphs"][0] == lead and "Paragraph 59" not in files["cards/0.json"].decode()
    )
    assert long_card["paragraphs"] + rest == [lead, *later]
    assert long_card["rest"] == len(rest)
    assert sum(map(len, long_card["paragraphs"][:-1])) < CARD_HEAD_CHARS
    assert json.loads(files["cards/1.json"]) == {"ref": "short", "paragraphs": [lead]}
    assert "cards/1-rest.json" not in files
