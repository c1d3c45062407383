"""Articles as search sees them: documents, their fields, and the terms of each field with
their counts and positions (what both the split index, :mod:`.index`, and lunr.py's
single-file index, :mod:`.fullindex`, are made of)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..settings import DEFAULTS
from .terms import content_terms

# "quotes" (each quote with its speaker) can be added; quotes are in the body anyway, and
# a fourth field costs about twice the query time at BBC scale (bench/search.py).
DEFAULT_FIELDS: tuple[tuple[str, int], ...] = DEFAULTS["NEWS_SEARCH_FIELDS"]
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
    # The publication date, as precise as it is known ("2019-05", "2019-05-19"; "" undated).
    published: str = ""
    card: Mapping[str, object] = field(default_factory=dict)
    facets: Mapping[str, tuple[FacetValue, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Facet:
    """A facet's name (the URL parameter) and its heading."""

    name: str
    label: str
    min_documents: int = 1
    # How many of each group's values a result page shows, the most common over the
    # results (0: every value).
    shown: int = 0
    # The values are the documents' years: the browser counts them from the manifest's
    # dates, so the per-document blocks leave them out.
    from_dates: bool = False


index_terms = content_terms


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")


# A document's field texts → each field's terms and how often each occurs, in order of
# first occurrence.
FieldCounts = Callable[[Mapping[str, str]], Mapping[str, Mapping[str, int]]]


def term_counts(text: str) -> dict[str, int]:
    """The index terms of a text with their counts, in order of first occurrence."""
    return dict(Counter(term.lower() for term in index_terms(text)))


def field_counts(texts: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """:func:`term_counts` of each field's text."""
    return {name: term_counts(text) for name, text in texts.items()}


# A document's field texts → each field's terms and where each occurs (its positions
# among the field's terms), in order of first occurrence.
FieldPositions = Callable[[Mapping[str, str]], Mapping[str, Mapping[str, Sequence[int]]]]


def term_positions(text: str) -> dict[str, list[int]]:
    """The index terms of a text with the positions where each occurs (counting terms
    only: stop words are not counted, so "minister of defence" has its two terms next to
    each other, as the same phrase in a query does)."""
    positions: dict[str, list[int]] = defaultdict(list)
    for position, term in enumerate(index_terms(text)):
        positions[term.lower()].append(position)
    return dict(positions)


def field_positions(texts: Mapping[str, str]) -> dict[str, dict[str, list[int]]]:
    """:func:`term_positions` of each field's text."""
    return {name: term_positions(text) for name, text in texts.items()}


def indexed_texts(document: SearchDocument, fields: Sequence[tuple[str, int]]) -> dict[str, str]:
    """The texts of the fields a document is indexed by, in the fields' order."""
    texts = field_texts(document)
    return {name: texts[name] for name, _ in fields}


def looked_up(
    documents: Sequence[SearchDocument],
    fields: Sequence[tuple[str, int]],
    positions: Sequence[Mapping[str, Mapping[str, Sequence[int]]]] | None,
) -> FieldPositions:
    """Term positions by field texts: ``positions`` (each document's, in order), or
    :func:`field_positions` of each document's texts, computed once."""
    texts = [indexed_texts(document, fields) for document in documents]
    if positions is None:
        positions = [field_positions(one) for one in texts]
    found = {tuple(one.items()): at for one, at in zip(texts, positions, strict=True)}
    return lambda one: found[tuple(one.items())]


def counts_of(positions: FieldPositions) -> FieldCounts:
    """Term counts read off term positions."""

    def counts(texts: Mapping[str, str]) -> dict[str, dict[str, int]]:
        found = positions(texts)
        return {
            name: {term: len(at) for term, at in terms.items()} for name, terms in found.items()
        }

    return counts


def field_texts(document: SearchDocument) -> dict[str, str]:
    """The text of each field a document can be indexed by."""
    return {
        "title": document.title,
        "entities": " ".join(document.entities),
        "body": document.body,
        "quotes": " ".join(document.quotes),
    }
