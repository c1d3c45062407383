"""The full-text search index: built with lunr.py, split by term for the browser.

One lunr index over the corpus (fields title, entities and body; reference = article
slug) is built here, then cut into *pieces* by term so that a query downloads only the
pieces that hold its terms. A piece holds, for each of its terms, lunr's inverted-index
entry and each document's weight for that term, which is all lunr.js needs to score the
query: the browser (``theme/static/js/search.js``) rebuilds a small lunr index from those
entries and gets the same results and scores as the single-file index.

Files, relative to the search folder (every JSON file compact and deterministic):

- ``manifest.json``: lunr version, fields, search pipeline, document count, and the first
  term of every piece (pieces cover consecutive runs of terms in lunr.js's sort order);
- ``pieces/<n>.json``: ``[term, term index, postings per field]`` where a field's postings
  are ``[document gap, weight × 1000, …]`` with documents numbered in corpus order;
- ``terms.json``: every term, for leading-wildcard and wide fuzzy queries only, and
  ``terms/<bucket>.json``: the terms by length and first or second character, for fuzzy
  queries with edit distance 1 (see :func:`term_buckets`);
- ``cards/<n>.json``: what a result shows for document ``n``;
- ``facets.json``: per facet value, its documents (as gaps).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.pipeline import Pipeline
from lunr.token import Token
from lunr.token_set import TokenSet
from lunr.vector import Vector

from .stemmer import stem
from .terms import content_terms, split_term

FORMAT = 1
# "quotes" (each quote with its speaker) can be added; quotes are in the body anyway, and
# a fourth field costs about twice the query time at BBC scale (bench/search.py).
DEFAULT_FIELDS: tuple[tuple[str, int], ...] = (("title", 10), ("entities", 5), ("body", 1))
DEFAULT_PIECE_BYTES = 6_000  # gzipped
SEARCH_PIPELINE = ("newsTerms", "stemmer")
WEIGHT_SCALE = 1000  # lunr keeps weights to three decimals


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value a document has for a facet: ``key`` goes in the URL, ``label`` on screen."""

    key: str
    label: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One article as search sees it."""

    ref: str
    title: str
    entities: tuple[str, ...]
    body: str
    quotes: tuple[str, ...] = ()
    card: Mapping[str, object] = field(default_factory=dict)
    facets: Mapping[str, tuple[FacetValue, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Facet:
    """A facet's name (the URL parameter) and its heading."""

    name: str
    label: str
    min_documents: int = 1


# --- terms --------------------------------------------------------------------------------


def news_terms(token: Token, i: int | None = None, tokens: list | None = None) -> list[Token]:
    """lunr pipeline function ``newsTerms``: :func:`newscorpus.terms.split_term` on a token."""
    return [token.clone(lambda _s, _m, term=term: term) for term in split_term(str(token))]


def lunr_js_stemmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
    """lunr pipeline function ``stemmer``, as lunr.js runs it (see :mod:`newscorpus.stemmer`)."""
    return token.update(lambda string, _metadata: stem(string))


Pipeline.register_function(news_terms, "newsTerms")
# Serialised under lunr.js's own name so that lunr.js loads its stemmer for queries.
lunr_js_stemmer.label = "stemmer"  # type: ignore[attr-defined]


index_terms = content_terms


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")


# --- the index ----------------------------------------------------------------------------


# A document's field texts → each field's terms and how often each occurs, in order of
# first occurrence.
FieldCounts = Callable[[Mapping[str, str]], Mapping[str, Mapping[str, int]]]


def term_counts(text: str) -> dict[str, int]:
    """The index terms of a text with their counts, in order of first occurrence."""
    return dict(Counter(term.lower() for term in index_terms(text)))


def field_counts(texts: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """:func:`term_counts` of each field's text."""
    return {name: term_counts(text) for name, text in texts.items()}


class CountedBuilder(Builder):
    """lunr.py's Builder, given each field's term counts instead of its text.

    ``Builder.add`` tokenises every document on every build; the counts of an unchanged
    document are the same, so a caller may keep them. The index is the one ``add`` makes
    of the same terms (tested): the same term numbers, postings and field lengths.
    """

    def add_counts(self, ref: str, fields: Mapping[str, Mapping[str, int]]) -> None:
        self._documents[ref] = {}
        self.document_count += 1
        for name in self._fields:
            counts = dict(fields.get(name, {}))
            field_ref = str(FieldRef(ref, name))
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = sum(counts.values())
            for term in counts:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {field: {} for field in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[name][ref] = defaultdict(list)

    def _create_token_set(self) -> None:
        """No token set: the index is built to be serialised, and a serialised index has
        none (lunr.js makes it from the terms when it loads the index)."""
        self.token_set = TokenSet()

    def _create_field_vectors(self) -> None:
        """lunr.py's field vectors, each made in one sort instead of one insertion per term.

        The scores are lunr.py's, computed in the same order (so the same floats).
        """
        idf: dict[str, float] = {}
        k1, b = self._k1, self._b
        vectors = {}
        for field_ref, frequencies in self.field_term_frequencies.items():
            ref = FieldRef.from_string(field_ref)
            length = self.field_lengths[field_ref]
            boost = self._fields[ref.field_name].boost
            doc_boost = self._documents[ref.doc_ref].get("boost", 1)
            average = self.average_field_length[ref.field_name]
            scored = []
            for term, tf in frequencies.items():
                posting = self.inverted_index[term]
                if term not in idf:
                    idf[term] = Idf(posting, self.document_count)
                score = idf[term] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf)
                score *= boost
                score *= doc_boost
                scored.append((posting["_index"], round(score, 3)))
            scored.sort()
            vectors[field_ref] = Vector([number for pair in scored for number in pair])
        self.field_vectors = vectors


def field_texts(document: SearchDocument) -> dict[str, str]:
    """The text of each field a document can be indexed by."""
    return {
        "title": document.title,
        "entities": " ".join(document.entities),
        "body": document.body,
        "quotes": " ".join(document.quotes),
    }


def build_index(
    documents: Sequence[SearchDocument],
    fields: Sequence[tuple[str, int]] = DEFAULT_FIELDS,
    counts: FieldCounts = field_counts,
) -> dict:
    """The serialised lunr index (lunr.js 2.3.9 format), terms in lunr.js's order.

    ``counts`` gives a document's term counts from its field texts (:func:`field_counts`,
    or a function that keeps them between builds).
    """
    builder = CountedBuilder()
    builder.search_pipeline.add(news_terms, lunr_js_stemmer)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for document in documents:
        texts = field_texts(document)
        builder.add_counts(document.ref, counts({name: texts[name] for name, _ in fields}))
    serialised = builder.build().serialize()
    serialised["invertedIndex"].sort(key=lambda entry: js_order(entry[0]))
    return serialised


def dump(data: object) -> bytes:
    """Compact, deterministic JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def gzipped_size(data: bytes) -> int:
    """Bytes sent for ``data`` by a server that compresses at zlib's default level (6), as
    web servers commonly do (the best level, 9, takes longer and saves about 1%)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def gaps(numbers: Iterable[int]) -> list[int]:
    """Sorted numbers as differences from the previous one (the first from zero)."""
    out, previous = [], 0
    for number in sorted(numbers):
        out.append(number - previous)
        previous = number
    return out


@dataclass(frozen=True, slots=True)
class SplitIndex:
    """The index cut into pieces, and the manifest that says which piece holds a term."""

    manifest: dict
    pieces: list[list]
    terms: list[str]


def term_entries(serialised: dict, refs: Sequence[str]) -> list[list]:
    """``[term, index, postings per field]`` for every term, in lunr.js's order."""
    fields = serialised["fields"]
    number = {ref: n for n, ref in enumerate(refs)}
    weights: dict[tuple[int, str, str], int] = {}
    for field_ref, elements in serialised["fieldVectors"]:
        name, _, ref = field_ref.partition("/")
        for i in range(0, len(elements), 2):
            weights[(int(elements[i]), name, ref)] = round(elements[i + 1] * WEIGHT_SCALE)
    entries = []
    for term, posting in serialised["invertedIndex"]:
        index = posting["_index"]
        per_field = []
        for name in fields:
            docs = sorted((number[ref], weights[(index, name, ref)]) for ref in posting[name])
            flat: list[int] = []
            previous = 0
            for doc, weight in docs:
                flat += [doc - previous, weight]
                previous = doc
            per_field.append(flat)
        entries.append([term, index, *per_field])
    return entries


def split_index(
    serialised: dict, refs: Sequence[str], piece_bytes: int = DEFAULT_PIECE_BYTES
) -> SplitIndex:
    """Cut the index into runs of consecutive terms of at most ``piece_bytes`` gzipped.

    A single term whose entry is larger than that gets a piece of its own.
    """
    entries = term_entries(serialised, refs)
    dumped = [dump(entry) for entry in entries]
    sizes = [len(text) + 1 for text in dumped]
    whole = b"[" + b",".join(dumped) + b"]"  # dump(entries), from the entries' dumps
    ratio = max(1.0, sum(sizes) / max(1, gzipped_size(whole)))
    pieces = _cut(entries, sizes, int(piece_bytes * ratio))
    pieces = [part for piece in pieces for part in _fit(piece, piece_bytes)]
    manifest = {
        "format": FORMAT,
        "lunr": serialised["version"],
        "fields": serialised["fields"],
        "pipeline": serialised["pipeline"],
        "documents": len(refs),
        "pieces": [piece[0][0] for piece in pieces],
    }
    return SplitIndex(manifest, pieces, [entry[0] for entry in entries])


def _cut(entries: list[list], sizes: list[int], limit: int) -> list[list[list]]:
    pieces: list[list[list]] = []
    current: list[list] = []
    total = 0
    for entry, size in zip(entries, sizes, strict=True):
        if current and total + size > limit:
            pieces.append(current)
            current, total = [], 0
        current.append(entry)
        total += size
    if current:
        pieces.append(current)
    return pieces


def _fit(piece: list[list], piece_bytes: int) -> list[list[list]]:
    """Halve a piece until every part is within ``piece_bytes`` gzipped (or one term)."""
    if len(piece) == 1 or gzipped_size(dump(piece)) <= piece_bytes:
        return [piece]
    middle = len(piece) // 2
    return _fit(piece[:middle], piece_bytes) + _fit(piece[middle:], piece_bytes)


# --- term lists for fuzzy queries -----------------------------------------------------------

MAX_BUCKET_LENGTH = 25
BUCKET_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def bucket_char(char: str) -> str:
    """A letter or digit stands for itself; any other character is ``_``."""
    return char if char in BUCKET_CHARS else "_"


def bucket_keys() -> list[str]:
    """Every bucket name: ``f<length>-<first char>`` and ``s<length>-<second char>``."""
    chars = [*BUCKET_CHARS, "_"]
    lengths = range(1, MAX_BUCKET_LENGTH + 1)
    return [f"{family}{n}-{c}" for family in "fs" for n in lengths for c in chars]


def term_buckets(terms: Sequence[str]) -> dict[str, list[str]]:
    """The terms by length and first character, and by length and second character.

    A term within one edit of ``q`` either starts like ``q`` (length ±1) or the edit is at
    its start, and then its second character and length are known from ``q``: so a fuzzy
    query with edit distance 1 needs about seven small buckets instead of the term list.
    Lengths count UTF-16 code units, as JavaScript does; 25 stands for 25 or more.
    """
    buckets: dict[str, list[str]] = {key: [] for key in bucket_keys()}
    for term in terms:
        length = min(len(term.encode("utf-16-le")) // 2, MAX_BUCKET_LENGTH)
        buckets[f"f{length}-{bucket_char(term[0])}"].append(term)
        if len(term) > 1:
            buckets[f"s{length}-{bucket_char(term[1])}"].append(term)
    return buckets


# --- facets and cards ---------------------------------------------------------------------


def facet_table(documents: Sequence[SearchDocument], facets: Sequence[Facet]) -> dict:
    """Per facet, its values with the documents that have each (as gaps), most common first.

    Values held by fewer than the facet's ``min_documents`` documents are left out.
    """
    table = []
    for facet in facets:
        docs: dict[FacetValue, set[int]] = defaultdict(set)
        for n, document in enumerate(documents):
            for value in document.facets.get(facet.name, ()):
                docs[value].add(n)
        kept = [value for value in docs if len(docs[value]) >= facet.min_documents]
        values = sorted(kept, key=lambda v: (v.group, -len(docs[v]), v.label.casefold(), v.key))
        table.append(
            {
                "name": facet.name,
                "label": facet.label,
                "values": [[v.key, v.label, v.group, gaps(docs[v])] for v in values],
            }
        )
    return {"facets": table}


def search_files(
    documents: Sequence[SearchDocument],
    facets: Sequence[Facet] = (),
    fields: Sequence[tuple[str, int]] = DEFAULT_FIELDS,
    piece_bytes: int = DEFAULT_PIECE_BYTES,
    full_index: bool = False,
    counts: FieldCounts = field_counts,
) -> dict[str, bytes]:
    """Every file of the search folder: relative path → content."""
    serialised = build_index(documents, fields, counts)
    split = split_index(serialised, [d.ref for d in documents], piece_bytes)
    files = {f"pieces/{n}.json": dump(piece) for n, piece in enumerate(split.pieces)}
    files["terms.json"] = dump(split.terms)
    for key, bucket in term_buckets(split.terms).items():
        files[f"terms/{key}.json"] = dump(bucket)
    files["facets.json"] = dump(facet_table(documents, facets))
    for n, document in enumerate(documents):
        files[f"cards/{n}.json"] = dump({"ref": document.ref, **document.card})
    if full_index:
        files["full-index.json"] = dump(serialised)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    split.manifest["version"] = digest.hexdigest()[:12]
    files["manifest.json"] = dump(split.manifest)
    return files
