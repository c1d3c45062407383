"""The single-file lunr index, as lunr.py builds it.

Written as ``search/full-index.json`` when ``NEWS_SEARCH_FULL_INDEX`` is set, and the
reference the split index is checked against: :func:`term_entries` reads off it what
:func:`newscorpus.search.index.index_entries` computes from the term counts directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.pipeline import Pipeline
from lunr.token import Token
from lunr.token_set import TokenSet
from lunr.vector import Vector

from .documents import (
    DEFAULT_FIELDS,
    WEIGHT_SCALE,
    FieldCounts,
    SearchDocument,
    field_counts,
    field_texts,
    js_order,
)
from .stemmer import stem
from .terms import split_term


def news_terms(token: Token, i: int | None = None, tokens: list | None = None) -> list[Token]:
    """lunr pipeline function ``newsTerms``: :func:`.terms.split_term` on a token."""
    return [token.clone(lambda _s, _m, term=term: term) for term in split_term(str(token))]


def lunr_js_stemmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
    """lunr pipeline function ``stemmer``, as lunr.js runs it (see :mod:`.stemmer`)."""
    return token.update(lambda string, _metadata: stem(string))


Pipeline.register_function(news_terms, "newsTerms")
# Serialised under lunr.js's own name so that lunr.js loads its stemmer for queries.
lunr_js_stemmer.label = "stemmer"  # type: ignore[attr-defined]


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
