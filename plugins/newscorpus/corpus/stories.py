"""Stories: articles that report the same event, from any outlet.

Two articles are one story when the sets of content words of their bodies (stemmed, stop
words out; :func:`newscorpus.search.terms.content_terms`) overlap by at least ``threshold``
(Jaccard), they name at least one entity in common, and, when both are dated, they were
published within ``max_days`` of each other. Articles with the same cleaned text are
exact duplicates and always one story. Candidate pairs come from MinHash LSH
(``datasketch``), so a corpus is not compared pair by pair; the overlap of every
candidate pair is then computed exactly. Stories are the connected groups of such pairs.

Within a story, sentences are matched across articles by the overlap of their content
words, which gives the sentences every version shares, what each one adds, and the
versions side by side: the first version's sentences, in order, each beside the sentence
that says the same in every other version that has one (the longest run of matches in
order, so the rows never cross), and between two such rows what each version says
meanwhile.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Published
from ..search.terms import content_terms
from ..settings import DEFAULTS
from .groups import Groups

DEFAULT_THRESHOLD: float = DEFAULTS["NEWS_STORY_THRESHOLD"]
DEFAULT_MAX_DAYS: int = DEFAULTS["NEWS_STORY_MAX_DAYS"]
# Two sentences say the same when their content words overlap this much (Jaccard), or
# when the shorter one's words (at least MIN_CONTAINED of them) are nearly all in the other.
SENTENCE_MATCH = 0.5
CONTAINED = 0.8
MIN_CONTAINED = 4
NUM_PERM = 128
MINHASH_SCHEME = "affine32"  # datasketch's default, named: signatures are kept between builds
ESTIMATE_MARGIN = 0.1  # MinHash estimates with 128 permutations are within ~0.05 of the truth
MIN_TERMS = 5  # bodies with fewer content words are never matched


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of one version, the paragraph that holds it (1 = first: its anchor on
    the article page) and whether no other version says it."""

    text: str
    paragraph: int
    only_here: bool


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a story's versions side by side.

    ``kind`` is "every" (a sentence each version says, each in its own words), "some"
    (one the first version and some others say) or "between" (what each version says
    between two such rows). ``cells`` hold each version's passages, in the order of the
    versions compared.
    """

    kind: str
    cells: tuple[tuple[Passage, ...], ...]

    def runs(self, column: int) -> list[tuple[int, tuple[Passage, ...]]]:
        """One cell's passages as runs of one paragraph each: (paragraph, passages)."""
        return [
            (paragraph, tuple(run))
            for paragraph, run in itertools.groupby(self.cells[column], lambda p: p.paragraph)
        ]


# The sentences of a story's first article every other one has; per article, the
# sentences no other has; the articles side by side.
Comparison = tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[Row, ...]]


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """What story detection needs to know of one article."""

    slug: str
    title: str
    outlet: str
    published: Published
    text: str
    sentences: tuple[str, ...]
    entities: frozenset[str]
    # The paragraph of each sentence (1 = first); none known: every sentence in the first.
    paragraphs: tuple[int, ...] = ()

    def paragraph(self, index: int) -> int:
        return self.paragraphs[index] if index < len(self.paragraphs) else 1


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles reporting the same event (indices into the input, in its order)."""

    id: str
    members: tuple[int, ...]
    duplicates: tuple[tuple[int, ...], ...]
    similarity: float
    shared: tuple[str, ...]
    unique: tuple[tuple[str, ...], ...]  # per member, in ``members`` order
    # The versions side by side, a cell per member (a copy's cells are empty: its
    # original speaks for it); none when every member has the same text.
    rows: tuple[Row, ...] = ()

    @property
    def originals(self) -> dict[int, int]:
        """Each copy's index, with its original's."""
        return originals_of(self.duplicates)

    @property
    def exact(self) -> bool:
        """Every member has the same cleaned text."""
        return len(self.duplicates) == 1 and len(self.duplicates[0]) == len(self.members)


def originals_of(duplicates: Sequence[Sequence[int]]) -> dict[int, int]:
    """Each copy's index, with its original's: the first of the articles with its text."""
    return {i: same[0] for same in duplicates for i in same[1:]}


def fingerprint(text: str) -> str:
    """Same cleaned text, same fingerprint (white space is not a difference)."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def within_days(a: Published, b: Published, days: int) -> bool:
    """True unless both dates are known and further apart than ``days``."""
    if a.value is None or b.value is None:
        return True
    return abs((a.value - b.value).days) <= days


@dataclass(frozen=True, slots=True)
class Signature:
    """What grouping needs of one text: its content words and their MinHash."""

    terms: frozenset[str]
    minhash: np.ndarray  # NUM_PERM hash values


def signature(text: str) -> Signature:
    """The content words of a text and their MinHash (the costly part of grouping)."""
    from datasketch import MinHash  # imports SciPy: only when grouping has work to do

    terms = frozenset(content_terms(text))
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME)
    minhash.update_batch([t.encode() for t in sorted(terms)])
    return Signature(terms, minhash.hashvalues)


def signatures_of(texts: Sequence[str]) -> list[Signature]:
    """:func:`signature` of each text."""
    return [signature(text) for text in texts]


def candidate_pairs(signatures: Sequence[Signature], threshold: float) -> set[tuple[int, int]]:
    """Pairs of articles whose overlap may reach ``threshold``: found by MinHash LSH, then
    kept when their MinHash estimate is within ``ESTIMATE_MARGIN`` of it."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=lsh_threshold(threshold), num_perm=NUM_PERM)
    hashes = [
        MinHash(num_perm=NUM_PERM, seed=1, hashvalues=s.minhash, scheme=MINHASH_SCHEME)
        for s in signatures
    ]
    for i, (one, minhash) in enumerate(zip(signatures, hashes, strict=True)):
        if len(one.terms) >= MIN_TERMS:
            lsh.insert(i, minhash)
    found = set()
    for i, one in enumerate(signatures):
        if len(one.terms) < MIN_TERMS:
            continue
        for j in lsh.query(hashes[i]):
            if j != i:
                found.add((min(i, j), max(i, j)))
    if not found:
        return found
    pairs = np.array(sorted(found))
    matrix = np.stack([s.minhash for s in signatures])
    estimates = (matrix[pairs[:, 0]] == matrix[pairs[:, 1]]).mean(axis=1)
    keep = pairs[estimates >= threshold - ESTIMATE_MARGIN]
    return {(int(i), int(j)) for i, j in keep}


def lsh_threshold(threshold: float) -> float:
    """The LSH index's own threshold: below the overlap asked for, so few pairs are missed."""
    return max(0.05, threshold * 0.8)


@dataclass(frozen=True, slots=True)
class KnownPairs:
    """The candidate pairs of an earlier run, by signature: what lets a run in which a few
    texts changed look for the pairs of those texts only."""

    threshold: float
    signatures: frozenset[str]  # signature_id of every text of that run
    pairs: frozenset[tuple[str, str]]  # pairs of distinct signatures, each sorted
    bands: tuple[tuple[int, int], ...]  # the LSH index's bands at that threshold


def signature_id(one: Signature) -> str:
    """What :func:`candidate_pairs` sees of a signature, as a short string."""
    return hashlib.blake2b(
        b"%d:" % len(one.terms) + one.minhash.tobytes(), digest_size=12
    ).hexdigest()


def updated_pairs(
    signatures: Sequence[Signature], threshold: float, known: KnownPairs | None = None
) -> tuple[set[tuple[int, int]], KnownPairs]:
    """:func:`candidate_pairs`, and what a later run needs to update them.

    With ``known`` from an earlier run at the same threshold, only the texts it had not
    seen are compared with the others (the pairs are those :func:`candidate_pairs` finds);
    when most texts are new, everything is compared again.
    """
    ids = [signature_id(one) for one in signatures]
    where: dict[str, list[int]] = defaultdict(list)
    for i, one in enumerate(ids):
        where[one].append(i)
    new = [i for i, one in enumerate(ids) if known is None or one not in known.signatures]
    if known is None or known.threshold != threshold or len(new) * 4 > len(signatures):
        pairs = candidate_pairs(signatures, threshold)
        bands = lsh_bands(threshold)
    else:
        bands = known.bands
        pairs = {
            (min(i, j), max(i, j))
            for a, b in known.pairs
            if a in where and b in where
            for i in where[a]
            for j in where[b]
        }
        # Equal signatures always pair (when long enough); a new copy of a known text too.
        for same in where.values():
            if len(same) > 1 and len(signatures[same[0]].terms) >= MIN_TERMS:
                pairs.update(itertools.combinations(same, 2))
        pairs |= pairs_with(signatures, new, threshold, bands)
    by_id = frozenset(tuple(sorted((ids[i], ids[j]))) for i, j in pairs if ids[i] != ids[j])
    return pairs, KnownPairs(threshold, frozenset(ids), by_id, bands)


def lsh_bands(threshold: float) -> tuple[tuple[int, int], ...]:
    """The bands of the LSH index :func:`candidate_pairs` makes for ``threshold``: the
    ranges of MinHash values two texts must share one of to be a candidate pair."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=lsh_threshold(threshold), num_perm=NUM_PERM)
    return tuple((int(start), int(end)) for start, end in index.hashranges)


def pairs_with(
    signatures: Sequence[Signature],
    chosen: Sequence[int],
    threshold: float,
    bands: Sequence[tuple[int, int]],
) -> set[tuple[int, int]]:
    """The pairs :func:`candidate_pairs` finds that include an article of ``chosen``:
    a band of the LSH index (``bands``, :func:`lsh_bands`) in common, and a MinHash
    estimate within the margin."""
    if not chosen:
        return set()
    matrix = np.stack([s.minhash for s in signatures])
    long_enough = np.array([len(s.terms) >= MIN_TERMS for s in signatures])
    found = set()
    for i in chosen:
        if not long_enough[i]:
            continue
        equal = matrix == matrix[i]
        collide = np.zeros(len(signatures), dtype=bool)
        for start, end in bands:
            collide |= equal[:, start:end].all(axis=1)
        keep = collide & long_enough & (equal.mean(axis=1) >= threshold - ESTIMATE_MARGIN)
        keep[i] = False
        found.update((min(i, int(j)), max(i, int(j))) for j in np.flatnonzero(keep))
    return found


def compare_sentences(articles: Sequence[StoryArticle]) -> Comparison:
    """The sentences of the first article every other one also has (in some wording), for
    each article the sentences no other article of the group has, and the articles side
    by side (see :class:`Row`)."""
    terms = [[frozenset(content_terms(s)) for s in a.sentences] for a in articles]
    # Which sentences of one article say the same as which of another, each pair once.
    same = {
        (a, b): [[same_sentence(x, y) for y in terms[b]] for x in terms[a]]
        for a, b in itertools.combinations(range(len(articles)), 2)
    }

    def found_in(n: int, i: int, other: int) -> bool:
        if n < other:
            return any(same[(n, other)][i])
        return any(row[i] for row in same[(other, n)])

    others = range(1, len(articles))
    shared = tuple(
        sentence
        for i, sentence in enumerate(articles[0].sentences)
        if terms[0][i] and all(found_in(0, i, o) for o in others)
    )
    alone = [
        {
            i
            for i in range(len(article.sentences))
            if terms[n][i] and not any(found_in(n, i, o) for o in range(len(articles)) if o != n)
        }
        for n, article in enumerate(articles)
    ]
    unique = tuple(
        tuple(s for i, s in enumerate(article.sentences) if i in alone[n])
        for n, article in enumerate(articles)
    )
    matches: list[dict[int, int]] = [{}] + [in_order(same[(0, o)]) for o in others]
    return shared, unique, side_by_side(articles, matches, alone)


def in_order(same: list[list[bool]]) -> dict[int, int]:
    """The most pairs of sentences that say the same, in the same order in both articles
    (a longest common subsequence): first article's sentence -> second's."""
    n, m = len(same), len(same[0]) if same else 0
    longest = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            longest[i][j] = (
                longest[i + 1][j + 1] + 1
                if same[i][j]
                else max(longest[i + 1][j], longest[i][j + 1])
            )
    pairs, i, j = {}, 0, 0
    while i < n and j < m:
        if same[i][j]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif longest[i + 1][j] >= longest[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def side_by_side(
    articles: Sequence[StoryArticle], matches: list[dict[int, int]], alone: list[set[int]]
) -> tuple[Row, ...]:
    """Rows of the first article's sentences said elsewhere, each beside its match in
    every article that has one (``matches[o]``: first article's sentence -> article o's),
    and between them what each article says meanwhile."""

    def passages(n: int, indices: range | tuple[int, ...]) -> tuple[Passage, ...]:
        article = articles[n]
        return tuple(
            Passage(article.sentences[i], article.paragraph(i), i in alone[n]) for i in indices
        )

    rows: list[Row] = []
    done = [0] * len(articles)  # each article's sentences up to here are in a row

    def between(until: list[int | None]) -> None:
        cells = tuple(
            passages(n, range(done[n], end)) if end is not None else ()
            for n, end in enumerate(until)
        )
        if any(cells):
            rows.append(Row("between", cells))
        for n, end in enumerate(until):
            if end is not None:
                done[n] = end

    for i in range(len(articles[0].sentences)):
        said = {o: found[i] for o, found in enumerate(matches) if i in found}
        if not said:
            continue
        at: list[int | None] = [i, *(said.get(o) for o in range(1, len(articles)))]
        between(at)
        kind = "every" if len(said) == len(articles) - 1 else "some"
        rows.append(
            Row(kind, tuple(passages(n, (j,)) if j is not None else () for n, j in enumerate(at)))
        )
        for n, j in enumerate(at):
            if j is not None:
                done[n] = j + 1
    between([len(a.sentences) for a in articles])
    return tuple(rows)


def same_sentence(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences' content words say the same thing (see SENTENCE_MATCH)."""
    if not a or not b:
        return False
    common = len(a & b)
    if common / len(a | b) >= SENTENCE_MATCH:
        return True
    smaller = min(len(a), len(b))
    return smaller >= MIN_CONTAINED and common / smaller >= CONTAINED


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Articles found to tell one story, before their sentences are compared."""

    members: tuple[int, ...]
    duplicates: tuple[tuple[int, ...], ...]  # articles with one cleaned text, each set once
    similarity: float
    distinct: tuple[int, ...]  # the members that are not a copy of another

    def story_articles(self, articles: Sequence[StoryArticle]) -> list[StoryArticle]:
        """The distinct members, whose sentences are compared."""
        return [articles[i] for i in self.distinct]


def find_stories(
    articles: Sequence[StoryArticle],
    threshold: float = DEFAULT_THRESHOLD,
    max_days: int = DEFAULT_MAX_DAYS,
) -> list[Story]:
    """Every story with at least two articles, ordered by their first article.

    The steps, which a caller keeping results between runs takes one by one:
    :func:`signatures_of`, :func:`candidate_pairs`, :func:`story_groups`,
    :func:`compare_sentences` for each group with two distinct texts or more, then
    :func:`assemble_story`.
    """
    signed = signatures_of([a.text for a in articles])
    groups = story_groups(articles, signed, candidate_pairs(signed, threshold), threshold,
                          max_days)  # fmt: skip
    return [
        assemble_story(
            articles,
            group,
            compare_sentences(group.story_articles(articles)) if len(group.distinct) > 1 else None,
        )  # fmt: skip
        for group in groups
    ]


def story_groups(
    articles: Sequence[StoryArticle],
    signed: Sequence[Signature],
    pairs: set[tuple[int, int]],
    threshold: float = DEFAULT_THRESHOLD,
    max_days: int = DEFAULT_MAX_DAYS,
) -> list[StoryGroup]:
    """The groups of two articles or more: equal cleaned texts, and candidate ``pairs``
    whose overlap reaches ``threshold``, sharing a name, within ``max_days``."""
    groups = Groups(len(articles))
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        if article.text.strip():
            by_text[fingerprint(article.text)].append(i)
    for same in by_text.values():
        for i in same[1:]:
            groups.join(same[0], i)
    scores: dict[tuple[int, int], float] = {}
    for i, j in sorted(pairs):
        score = jaccard(signed[i].terms, signed[j].terms)
        a, b = articles[i], articles[j]
        if (
            score >= threshold
            and a.entities & b.entities
            and within_days(a.published, b.published, max_days)
        ):
            groups.join(i, j)
            scores[(i, j)] = score
    found = []
    for group in (g for g in groups.members() if len(g) > 1):
        duplicates = [same for same in by_text.values() if len(same) > 1 and same[0] in group]
        inner = [s for (i, j), s in scores.items() if i in group and j in group]
        # Copies say what their original says: only distinct texts are compared.
        original = originals_of(duplicates)
        found.append(
            StoryGroup(
                members=tuple(group),
                duplicates=tuple(tuple(d) for d in sorted(duplicates)),
                similarity=round(min(inner), 3) if inner else 1.0,
                distinct=tuple(i for i in group if i not in original),
            )
        )
    return found


def assemble_story(
    articles: Sequence[StoryArticle], group: StoryGroup, comparison: Comparison | None
) -> Story:
    """A group as a story, with the :func:`compare_sentences` of its distinct texts
    (``None`` when there is only one)."""
    if comparison is None:
        first = articles[group.distinct[0]]
        comparison = tuple(s for s in first.sentences if content_terms(s)), ((),), ()
    shared, unique, rows = comparison
    column = {i: n for n, i in enumerate(group.distinct)}
    original = originals_of(group.duplicates)
    return Story(
        id=articles[group.members[0]].slug,
        members=group.members,
        duplicates=group.duplicates,
        similarity=group.similarity,
        shared=shared,
        unique=tuple(unique[column[original.get(i, i)]] for i in group.members),
        rows=tuple(
            Row(row.kind, tuple(row.cells[column[i]] if i in column else () for i in group.members))
            for row in rows
        ),
    )


def inferred_dates(
    articles: Sequence[StoryArticle], stories: Sequence[Story]
) -> dict[int, Published]:
    """A date for each undated article in a story with dated members: the earliest of them.

    The date keeps that member's precision and is marked inferred, with the reason.
    """
    found: dict[int, Published] = {}
    for story in stories:
        dated = [i for i in story.members if articles[i].published.value is not None]
        if not dated:
            continue
        source = min(dated, key=lambda i: (articles[i].published.value, i))
        published = articles[source].published
        for i in story.members:
            if articles[i].published.value is None:
                reason = (
                    f"same story as {articles[source].outlet}'s “{articles[source].title}”, "
                    f"published {published.label}"
                )
                found[i] = Published(published.value, published.precision, "inferred", reason)
    return found
