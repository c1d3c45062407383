"""Lines that recur across the files of a corpus: one site's page template.

Text dumps of pages from one site share the site's menus, taglines, footers and
newsletter prompts, line for line, while each has an article of its own. A short line
(at most ``RECUR_MAX_WORDS`` words) is part of such a template when it recurs in files
of at least ``RECUR_MIN_FILES`` different articles, and at least
``TEMPLATE_MIN_LINES`` such lines recur in exactly the same files (a line in all of
them and in others too, "Home", belongs with them): a template comes as a menu, a
footer, a set of prompts, whereas a line recurring here and there (a
team sheet's substitutes, a columnist's one-line biography, "6 mittelgroße Eier" in
three recipes) is an article's own.

Copies of one story (a wire story saved from several outlets, an article saved twice,
trimmed or not) share their headline and paragraphs, and those are never a template:
files that share at least half the long lines of the longer one carry one article.
The cleaner still keeps a template's line that stands between two paragraphs (a
subheading the site's articles share). Saved web pages are left to their markup's
cues.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .clean import to_units
from .decode import UnreadableFile, decode
from .folder import TEXT_SUFFIXES
from .furniture import line_furniture
from .parse import looks_like_html
from .shape import word_count

RECUR_MIN_FILES = 3
RECUR_MAX_WORDS = 25
TEMPLATE_MIN_LINES = 5
LONG_LINE_WORDS = 8
COPY_MIN_SHARED = 2
COPY_MAX_FILES = 50


def lines_of(raw: bytes) -> tuple[str, ...]:
    """The lines of a text dump as the cleaner reads them (hard-wrapped and split
    paragraphs joined); none for a saved web page or a file that cannot be read."""
    if looks_like_html(raw):
        return ()
    try:
        text, _ = decode(raw)
    except UnreadableFile:
        return ()
    return tuple(unit.text for unit in to_units(text))


def recurring_lines(files: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    """For each file (by name, with its lines), the lines of a template it shares with
    other files; empty for a file in no template."""
    files_with: dict[str, set[str]] = defaultdict(set)
    for name, lines in files.items():
        for line in lines:
            files_with[line].add(name)
    words = {line: word_count(line) for line in files_with}
    article_of = _copies(files, files_with, words)
    # Short lines in files of three articles or more, by the files they are in.
    by_files: dict[frozenset[str], list[str]] = defaultdict(list)
    for line, names in files_with.items():
        if len(names) < RECUR_MIN_FILES or words[line] > RECUR_MAX_WORDS:
            continue
        if len({article_of[name] for name in names}) >= RECUR_MIN_FILES:
            by_files[frozenset(names)].append(line)
    templates = [names for names, lines in by_files.items() if len(lines) >= TEMPLATE_MIN_LINES]
    found: dict[str, set[str]] = {name: set() for name in files}
    for names, lines in by_files.items():
        # A template's own lines, and a line in every page of a template and elsewhere
        # too ("Home" in this site's menu and in others').
        for pages in templates:
            if pages <= names:
                for name in pages:
                    found[name].update(lines)
    return {name: frozenset(lines) for name, lines in found.items()}


def _copies(
    files: Mapping[str, Sequence[str]],
    files_with: Mapping[str, set[str]],
    words: Mapping[str, int],
) -> dict[str, str]:
    """Each file's article: files that share at least half the long lines (eight
    words or more) of the longer one are copies of one article (a trimmed copy too),
    and so are their copies. Shared lines the cleaner's own rules take for furniture
    (a cookie notice, a newsletter prompt) do not count, nor does a long line in more
    than ``COPY_MAX_FILES`` files (a site's, not a story's): pages of one site share
    those, and short articles under them are still different articles. ``words``: each
    line's number of words."""
    long_lines = {
        name: sum(words[line] >= LONG_LINE_WORDS for line in set(lines))
        for name, lines in files.items()
    }
    shared: Counter[tuple[str, str]] = Counter()
    for line, names in files_with.items():
        if not 2 <= len(names) <= COPY_MAX_FILES or words[line] < LONG_LINE_WORDS:
            continue
        if line_furniture(line) is None:
            ordered = sorted(names)
            for i, first in enumerate(ordered):
                for second in ordered[i + 1 :]:
                    shared[first, second] += 1
    parent = {name: name for name in files}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for (first, second), count in sorted(shared.items()):
        most = max(long_lines[first], long_lines[second])
        if count >= max(COPY_MIN_SHARED, most / 2):
            a, b = sorted((root(first), root(second)))
            parent[b] = a
    return {name: root(name) for name in files}


def read_dumps(paths: Iterable[tuple[str, Path]]) -> tuple[tuple[str, bytes], ...]:
    """The bytes of the text dumps among ``(name, path)`` pairs; none for a file that
    cannot be read (its reader says why)."""
    dumps = []
    for name, path in paths:
        if name.lower().endswith(TEXT_SUFFIXES):
            try:
                dumps.append((name, path.read_bytes()))
            except OSError:
                dumps.append((name, b""))
    return tuple(dumps)


def recurring_in(dumps: Iterable[tuple[str, bytes]]) -> dict[str, frozenset[str]]:
    """:func:`recurring_lines` of text dumps given as ``(name, bytes)``."""
    return recurring_lines({name: lines_of(raw) if raw else () for name, raw in dumps})
