"""The full-text search index, cut by term for the browser.

The corpus is indexed as lunr indexes it (fields title, entities and body; reference =
article slug), and the index is cut into *pieces* by term so that a query downloads only
the pieces that hold its terms. A piece holds, for each of its terms, lunr's
inverted-index entry and each document's weight for that term, which is all lunr.js
needs to score the query: the browser (``theme/search/``) rebuilds a small
lunr index from those entries and gets the same results and scores as the single-file
index (:mod:`newscorpus.search.fullindex`, which lunr.py builds and the tests compare with).

Files, relative to the search folder (every JSON file compact and deterministic):

- ``manifest.json``: lunr version, fields, search pipeline, document count, and where
  every 64th piece starts (pieces cover consecutive runs of terms in lunr.js's sort
  order), and ``directory/<k>.json`` where the pieces of each run of 64 start;
- ``pieces/<n>.json``: ``[term, term index, postings per field]`` where a field's postings
  are ``[document gap, weight × 1000, …]`` with documents numbered in date order
  (:func:`in_date_order`);
- ``terms.json``: every term with its piece, for leading-wildcard and wide fuzzy
  queries only, and ``terms/<bucket>.json``: the terms by length and first or second
  character with their pieces, for fuzzy queries (see :func:`term_buckets`);
- ``positions/<n>.json``: where the terms of piece ``n`` occur in each document, for
  phrase queries only (``[term, per field [positions per document, as gaps]]``);
- ``cards/<n>.json``: what a result shows for document ``n``, and ``cards/<n>-rest.json``
  the paragraphs of a long one past its first (:func:`card_files`);
- ``facets/tier-<t>/<k>.json``, ``facets/labels/<n>.json`` and
  ``facets/values/<b>.json``: the facet values of a block of documents, their labels, and
  the documents of a bucket of facet values (see :func:`facet_files`); the manifest's
  ``facets.dates`` say which documents have which date.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..settings import DEFAULTS
from .documents import (
    DEFAULT_FIELDS,
    WEIGHT_SCALE,
    Facet,
    FacetValue,
    FieldCounts,
    FieldPositions,
    SearchDocument,
    counts_of,
    field_counts,
    field_texts,
    js_order,
    looked_up,
)

FORMAT = 1
DEFAULT_PIECE_BYTES: int = DEFAULTS["NEWS_SEARCH_PIECE_BYTES"]
SEARCH_PIPELINE = ("newsTerms", "stemmer")
LUNR_VERSION = "2.3.9"  # the lunr.js version the index is written for (lunr.py's target)
BM25_K1, BM25_B = 1.2, 0.75  # lunr's scoring parameters (its defaults, which we keep)


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
    # Each piece as its file holds it: the JSON of its entries (``dump(piece)``).
    files: list[bytes] = field(default_factory=list)
    # Where each piece starts (:func:`separators`): the manifest holds every
    # SECTION_PIECES-th, ``directory/<k>.json`` the starts of section ``k``'s pieces.
    starts: list[str] = field(default_factory=list)

    def piece_of(self) -> dict[str, int]:
        """Each term's piece number."""
        return {entry[0]: n for n, piece in enumerate(self.pieces) for entry in piece}

    def directory(self) -> dict[str, bytes]:
        """``directory/<k>.json``: where the pieces of section ``k`` start."""
        return {
            f"directory/{k // SECTION_PIECES}.json": dump(self.starts[k : k + SECTION_PIECES])
            for k in range(0, len(self.starts), SECTION_PIECES)
        }


def index_entries(
    documents: Sequence[SearchDocument],
    fields: Sequence[tuple[str, int]] = DEFAULT_FIELDS,
    counts: FieldCounts = field_counts,
) -> list[list]:
    """What :func:`term_entries` reads off lunr.py's index of ``documents``, made straight
    from their term counts: the same term numbers and the same weights (the same floats,
    computed in lunr.py's order), without building lunr's index, vectors and JSON."""
    k1, b = BM25_K1, BM25_B
    names = [name for name, _ in fields]
    per_document = []  # each document's fields: (term counts, field length)
    number: dict[str, int] = {}  # term -> lunr's term index (order of first occurrence)
    holders: Counter[str] = Counter()  # term -> (document, field) pairs that hold it
    totals = [0] * len(names)
    for document in documents:
        texts = field_texts(document)
        found = counts({name: texts[name] for name in names})
        fields_counts = [(found.get(name, {}), sum(found.get(name, {}).values())) for name in names]
        for f, (field_terms, length) in enumerate(fields_counts):
            totals[f] += length
            holders.update(field_terms.keys())
            for term in field_terms:
                number.setdefault(term, len(number))
        per_document.append(fields_counts)
    size = len(documents)
    averages = [total / size for total in totals] if size else totals
    idf = {
        term: math.log(1 + abs((size - held + 0.5) / (held + 0.5)))
        for term, held in holders.items()
    }
    postings: dict[str, list[list[int]]] = {term: [[] for _ in names] for term in number}
    for n, fields_counts in enumerate(per_document):
        for f, (field_terms, length) in enumerate(fields_counts):
            if not field_terms:
                continue
            boost = fields[f][1]
            norm = k1 * (1 - b + b * (length / averages[f]))
            for term, tf in field_terms.items():
                score = idf[term] * ((k1 + 1) * tf) / (norm + tf) * boost
                postings[term][f].append(n)
                postings[term][f].append(round(round(score, 3) * WEIGHT_SCALE))
    entries = []
    for term in sorted(number, key=js_order):
        entries.append([term, number[term], *(_as_gaps(flat) for flat in postings[term])])
    return entries


def _as_gaps(flat: list[int]) -> list[int]:
    """``[document, weight, …]`` in document order, documents as gaps from the previous."""
    previous = 0
    for i in range(0, len(flat), 2):
        flat[i], previous = flat[i] - previous, flat[i]
    return flat


def index_manifest(fields: Sequence[str], documents: int) -> dict:
    """The manifest's description of the index: what lunr.js needs to query the pieces."""
    return {
        "format": FORMAT,
        "lunr": LUNR_VERSION,
        "fields": list(fields),
        "pipeline": list(SEARCH_PIPELINE),
        "documents": documents,
    }


def split_index(
    entries: list[list], manifest: dict, piece_bytes: int = DEFAULT_PIECE_BYTES
) -> SplitIndex:
    """Cut the term entries into runs of consecutive terms of at most ``piece_bytes``
    gzipped; the manifest (:func:`index_manifest`) gets where every SECTION_PIECES-th
    piece starts (:func:`separators`), and :meth:`SplitIndex.directory` where the others
    do: the manifest every query fetches grows 64 times slower than the index.

    A single term whose entry is larger than that gets a piece of its own. Each entry is
    written to JSON once: a piece's file is its entries' JSON joined.
    """
    dumped = [dump(entry) for entry in entries]
    sizes = [len(text) + 1 for text in dumped]
    ratio = max(1.0, sum(sizes) / max(1, gzipped_size(_joined(dumped))))
    runs = [
        part
        for run in _cut(sizes, int(piece_bytes * ratio))
        for part in _fit(run, dumped, piece_bytes)
    ]
    pieces = [entries[run.start : run.stop] for run in runs]
    starts = separators([piece[0][0] for piece in pieces], [piece[-1][0] for piece in pieces])
    manifest = {
        **manifest,
        "pieceCount": len(pieces),
        "sectionPieces": SECTION_PIECES,
        "sections": starts[::SECTION_PIECES],
    }
    files = [_joined(dumped[run.start : run.stop]) for run in runs]
    return SplitIndex(manifest, pieces, [entry[0] for entry in entries], files, starts)


SECTION_PIECES = 64


def separators(starts: Sequence[str], ends: Sequence[str]) -> list[str]:
    """Where each piece starts, as the shortest start of its first term that sorts after
    the previous piece's last term ("abol" after "abode"): a term of the index is in the
    last piece whose separator sorts before it or equals it, as with the whole first
    terms, and the manifest every query fetches is smaller."""
    out = []
    for n, first in enumerate(starts):
        cut = len(first)
        if n:
            while cut > 1 and js_order(first[: cut - 1]) > js_order(ends[n - 1]):
                cut -= 1
        out.append(first[:cut] if n else first)
    return out


def _joined(dumped: Sequence[bytes]) -> bytes:
    """The JSON array of items already written to JSON (what ``dump`` makes of the list)."""
    return b"[" + b",".join(dumped) + b"]"


def _cut(sizes: list[int], limit: int) -> list[range]:
    """Runs of consecutive entries whose sizes add up to at most ``limit`` (or one entry)."""
    runs: list[range] = []
    start, total = 0, 0
    for i, size in enumerate(sizes):
        if i > start and total + size > limit:
            runs.append(range(start, i))
            start, total = i, 0
        total += size
    if start < len(sizes):
        runs.append(range(start, len(sizes)))
    return runs


def _fit(run: range, dumped: list[bytes], piece_bytes: int) -> list[range]:
    """Halve a run until every part is within ``piece_bytes`` gzipped (or one term)."""
    if len(run) == 1 or gzipped_size(_joined(dumped[run.start : run.stop])) <= piece_bytes:
        return [run]
    middle = len(run) // 2
    return _fit(run[:middle], dumped, piece_bytes) + _fit(run[middle:], dumped, piece_bytes)


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


def positions_files(
    documents: Sequence[SearchDocument],
    split: SplitIndex,
    fields: Sequence[str],
    positions: FieldPositions,
) -> list[bytes]:
    """For each piece, where its terms occur: ``[term, per field [positions per document,
    as gaps]]``, documents in the order of the piece's postings. Only a phrase query
    fetches these, and only for the pieces of its terms."""
    where: dict[str, list[list[list[int]]]] = {term: [[] for _ in fields] for term in split.terms}
    for document in documents:
        texts = field_texts(document)
        found = positions({name: texts[name] for name in fields})
        for f, name in enumerate(fields):
            for term, at in found.get(name, {}).items():
                where[term][f].append(gaps(at))
    return [dump([[entry[0], where[entry[0]]] for entry in piece]) for piece in split.pieces]


FACET_BLOCK_DOCS = 64
FACET_BUCKET_BYTES = 16_000  # raw JSON of one bucket of facet values (about 5 KB gzipped)
FACET_LABELS_PER_FILE = 32
# The values of a facet that shows only its most common ones are in tiers by how many
# documents have each (see tiers): a value in 1/64 of the documents or more, in 1/512, …
TIER_FACTOR = 8
# The most a query's counts fetch of the first tier's blocks, gzipped: a query whose results
# span more blocks than that has its counts estimated from an even sample of them.
FACET_SAMPLE_BYTES = 10_000


def facet_key_hash(name: str, key: str) -> int:
    """FNV-1a (32 bits) of ``name``, a NUL and ``key`` as UTF-16 code units (files.js
    computes the same to find a value's bucket)."""
    data = f"{name}\0{key}".encode("utf-16-le")
    value = 0x811C9DC5
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def in_date_order(documents: Sequence[SearchDocument]) -> list[SearchDocument]:
    """The documents as the index numbers them: dated ones oldest first (a date known to
    its year only before that year's months, a month before its days, as the strings
    sort), then the undated, each in the given order otherwise.

    Numbered so, a document's date needs no per-document data in the browser: the
    manifest's :func:`date_runs` say which documents have which month, a sort by date is a
    sort by number and a range of months is a range of numbers.
    """
    return sorted(documents, key=lambda document: (not document.published, document.published))


def date_runs(documents: Sequence[SearchDocument]) -> list[list]:
    """``[month, how many documents]`` for each run of documents dated in the same month
    (``"2019-05"``; ``"2019"`` for a date known to its year only; ``""`` undated), in
    document order: a run per month, not per day, so the manifest stays small however
    many days the corpus spans."""
    runs: list[list] = []
    for document in documents:
        month = document.published[:7]
        if runs and runs[-1][0] == month:
            runs[-1][1] += 1
        else:
            runs.append([month, 1])
    return runs


def tiers(documents: int, least: int = 1) -> list[int]:
    """How many documents a value needs to be in each tier, most first: ``documents / 64``,
    ``/ 512`` and so on by TIER_FACTOR, down to ``least`` (the last tier).

    A query's counts are made tier by tier: a value of tier ``t + 1`` has fewer documents
    in all than tier ``t``'s threshold, so once every list shown ends on a count of at
    least that threshold, no later tier can change it and its blocks are not fetched. A
    broad query's most named are in the first tier, whose blocks are small; a narrow
    query fetches more tiers but only the blocks of its few documents.
    """
    thresholds = []
    threshold = documents / TIER_FACTOR**2
    while threshold > least:
        thresholds.append(math.ceil(threshold))
        threshold /= TIER_FACTOR
    return [*thresholds, least]


def facet_files(
    documents: Sequence[SearchDocument],
    facets: Sequence[Facet],
    block_docs: int = FACET_BLOCK_DOCS,
) -> tuple[dict, dict[str, bytes]]:
    """The facets as files no first query has to fetch whole, and their description for
    the manifest (``documents`` in the index's order, :func:`in_date_order`).

    Every facet value gets a number: facet by facet, group by group (an entity's type),
    most common first, so each (facet, group) is a run of numbers the manifest lists, and
    the values a result page shows (the most common) sit in the first label files.

    - ``facets/tier-<t>/<k>.json``: for documents ``k × block_docs`` onwards, each one's
      value numbers (as gaps) of tier ``t`` (:func:`tiers`; a facet that shows every value
      has all of them in tier 0). A query's counts are made from the blocks of its
      results, tier by tier as far as its lists need, and from at most ``sampleBlocks``
      blocks of the first tier (about FACET_SAMPLE_BYTES): the counts of a query whose
      results span more are estimated from an even sample of those blocks, and the page
      says so. A facet ``from_dates`` (the year) has none: the browser counts it from the
      manifest's dates;
    - ``facets/labels/<n>.json``: ``[facet number, key, label, group]`` of values
      ``n × FACET_LABELS_PER_FILE`` onwards, fetched for the values shown only;
    - ``facets/values/<b>.json``: ``[facet, key, label, group, documents as gaps]`` of the
      values whose :func:`facet_key_hash` falls in bucket ``b``: a filter fetches its own.
    """
    table = facet_table(documents, facets)["facets"]
    values = [
        [number, facet["name"], key, label, group, docs]
        for number, facet in enumerate(table)
        for key, label, group, docs in facet["values"]
    ]
    least = min((facet.min_documents for facet in facets if facet.shown), default=1)
    thresholds = tiers(len(documents), least)

    def tier(value: list) -> int:
        if not facets[value[0]].shown:
            return 0
        held = len(value[5])
        return next((t for t, n in enumerate(thresholds) if held >= n), len(thresholds) - 1)

    # Within a facet's group, the first tier most common first (what broad queries show);
    # the later tiers by their first document, so that the rare values a narrow query
    # shows (those of a few documents, often of one story) have their labels together.
    def order(tiered_value: tuple[int, list]) -> tuple:
        value_tier, (number, _, key, label, group, docs) = tiered_value
        return (number, group, value_tier, docs[0] if value_tier else -len(docs),
                label.casefold(), key)  # fmt: skip

    tiered = sorted(((tier(v), v) for v in values), key=order)
    tier_of = [t for t, _ in tiered]
    values = [v for _, v in tiered]
    runs: list[list] = []
    for value_number, (value, value_tier) in enumerate(zip(values, tier_of, strict=True)):
        number, group = value[0], value[4]
        if not runs or runs[-1][:2] != [number, group]:
            runs.append([number, group, value_number, value_tier])
        runs[-1][3] = max(runs[-1][3], value_tier)
    size = sum(len(dump(value[1:])) for value in values)
    buckets = max(1, math.ceil(size / FACET_BUCKET_BYTES))
    by_bucket: list[list] = [[] for _ in range(buckets)]
    for value in values:
        by_bucket[facet_key_hash(value[1], value[2]) % buckets].append(value[1:])
    files = {f"facets/values/{b}.json": dump(bucket) for b, bucket in enumerate(by_bucket)}
    for first in range(0, max(len(values), 1), FACET_LABELS_PER_FILE):
        labels = [value[:5] for value in values[first : first + FACET_LABELS_PER_FILE]]
        labels = [[number, key, label, group] for number, _, key, label, group in labels]
        files[f"facets/labels/{first // FACET_LABELS_PER_FILE}.json"] = dump(labels)
    used = max(tier_of, default=0) + 1
    rows: list[list[list[int]]] = [[[] for _ in documents] for _ in range(used)]
    for value_number, value in enumerate(values):
        if facets[value[0]].from_dates:
            continue
        document = 0
        for gap in value[5]:
            document += gap
            rows[tier_of[value_number]][document].append(value_number)
    for tier in range(used):
        for k in range(0, max(len(documents), 1), block_docs):
            block = [gaps(numbers) for numbers in rows[tier][k : k + block_docs]]
            files[f"facets/tier-{tier}/{k // block_docs}.json"] = dump(block)
    first_tier = [data for name, data in files.items() if name.startswith("facets/tier-0/")]
    average = sum(gzipped_size(data) for data in first_tier) / max(1, len(first_tier))
    description = {
        "names": [
            [facet["name"], facet["label"], spec.shown, spec.from_dates]
            for facet, spec in zip(table, facets, strict=True)
        ],
        "runs": runs,
        "values": len(values),
        "valueBuckets": buckets,
        "blockDocs": block_docs,
        "labelsPerFile": FACET_LABELS_PER_FILE,
        "tiers": thresholds[:used],
        "sampleBlocks": max(1, math.floor(FACET_SAMPLE_BYTES / max(average, 1))),
        "dates": date_runs(documents),
    }
    return description, files


# A card holds its article's first paragraphs up to about this many characters; the rest
# are in a file of their own that a result fetches only when its passages are there.
CARD_HEAD_CHARS = 1200


def card_files(n: int, document: SearchDocument) -> dict[str, bytes]:
    """``cards/<n>.json``: what a result shows for document ``n``, with its first paragraphs
    (``paragraphs``, at least one, then up to CARD_HEAD_CHARS characters); when there are
    more, their number (``rest``) and ``cards/<n>-rest.json`` with them. A result whose
    query words all stand in the first paragraphs (most do: a lead says what an article is
    about) takes its passages from there, and ten results cost ten small files."""
    card = {"ref": document.ref, **document.card}
    paragraphs = list(card.get("paragraphs", ()))
    head, length = 0, 0
    while head < len(paragraphs) and (head == 0 or length < CARD_HEAD_CHARS):
        length += len(paragraphs[head])
        head += 1
    if head == len(paragraphs):
        return {f"cards/{n}.json": dump(card)}
    card["paragraphs"], card["rest"] = paragraphs[:head], len(paragraphs) - head
    return {f"cards/{n}.json": dump(card), f"cards/{n}-rest.json": dump(paragraphs[head:])}


def search_files(
    documents: Sequence[SearchDocument],
    facets: Sequence[Facet] = (),
    fields: Sequence[tuple[str, int]] = DEFAULT_FIELDS,
    piece_bytes: int = DEFAULT_PIECE_BYTES,
    full_index: bool = False,
    positions: Sequence[Mapping[str, Mapping[str, Sequence[int]]]] | None = None,
) -> dict[str, bytes]:
    """Every file of the search folder: relative path → content.

    ``positions`` are each document's term positions (:func:`field_positions` of its
    :func:`indexed_texts`), in the order of ``documents``; computed when not given.
    """
    lookup = looked_up(documents, fields, positions)
    documents = in_date_order(documents)
    counts = counts_of(lookup)
    entries = index_entries(documents, fields, counts)
    names = [name for name, _ in fields]
    manifest = index_manifest(names, len(documents))
    split = split_index(entries, manifest, piece_bytes)
    files = {f"pieces/{n}.json": piece for n, piece in enumerate(split.files)}
    for n, piece in enumerate(positions_files(documents, split, names, lookup)):
        files[f"positions/{n}.json"] = piece
    files.update(split.directory())
    # The term lists give each term's piece: a fuzzy query finds its pieces without the
    # directory.
    piece_of = split.piece_of()
    files["terms.json"] = dump([[term, piece_of[term]] for term in split.terms])
    for key, bucket in term_buckets(split.terms).items():
        files[f"terms/{key}.json"] = dump([[term, piece_of[term]] for term in bucket])
    facet_description, facet_contents = facet_files(documents, facets)
    files.update(facet_contents)
    split.manifest["facets"] = facet_description
    for n, document in enumerate(documents):
        files.update(card_files(n, document))
    if full_index:
        from .fullindex import build_index  # lunr.py, only when the single file is asked for

        files["full-index.json"] = dump(build_index(documents, fields, counts))
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    split.manifest["version"] = digest.hexdigest()[:12]
    files["manifest.json"] = dump(split.manifest)
    return files
