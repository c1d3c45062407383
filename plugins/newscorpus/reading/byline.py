"""Who wrote an article: the names its byline states.

A byline sits in the article's head (under the headline, beside the date):
"By Jane Doe and John Roe", "Von Anna Schmidt", "Jane Doe, Reuters", "Helena
Varga in Brussels", "Grant Tinsley, PhD on April 29, 2018". Only names are
kept: two to four capitalised words, none of them a number; a wire agency, a
desk ("Staff", "Redaktion") or a place is not an author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import datelines

OPENER = re.compile(
    r"^\W*(?:(?:written|words|story|posted|reported|text|photos?)\s+by|by|von|vom|par|por|di"
    r"|door|av|af|od|autor(?:in)?|auteur|autore|author|text|texto|redakteur(?:in)?|interview)"
    r"\b\s*:?\s*",
    re.IGNORECASE,
)
# Where the names end: a date, a separator, "in <place>", "on <date>", a role after a comma.
NAMES_END = re.compile(
    r"\s+(?:[|•·/–—-]|\bin\b|\bon\b|\bam\b|\ble\b|\bupdated\b|\bpublished\b|\bstand\b)\s*|\d",
    re.IGNORECASE,
)
NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b)\s*")
NAME_PARTICLES = frozenset(
    {
        "von",
        "van",
        "de",
        "da",
        "del",
        "der",
        "den",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "al",
        "ibn",
        "ten",
    }
)
# Words of a byline that are not a person: desks, staff, roles and degrees.
NOT_A_PERSON = frozenset(
    {
        "staff", "team", "redaktion", "editors", "editorial", "desk", "newsroom", "reporter",
        "reporters", "correspondent", "correspondents", "agencies", "agency", "contributor",
        "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "autor", "autorin",
        "phd", "md", "dr", "prof", "news", "online", "media", "press", "wire", "service",
        # A placeholder, a comment counter, a date's "on" or "Last Modified": no name
        # ("Said" is one: Edward Said).
        "author", "authors", "unknown", "anonymous", "admin", "on", "comment", "comments",
        "kommentar", "kommentare", "modified", "updated",
        # A company or its copyright line.
        "copyright", "gmbh", "kg", "co", "inc", "ltd", "llc", "plc", "ag",
    }
)  # fmt: skip
# "Interview: Julia Lauter", "Fotos: Moritz Pappert": a label, then names; a picture
# credit names a photographer, not an author.
LABEL = re.compile(r"^\W*([^\W\d_]+)\s*:\s*")
PICTURE_LABELS = frozenset(
    {"foto", "fotos", "photo", "photos", "bild", "bilder", "image", "images", "credit", "credits"}
)
NAME_MIN_WORDS, NAME_MAX_WORDS = 2, 4
# Articles that open a title, not a name, when a word in lower case follows ("Die
# Zukunft der Arbeit"); "The Local", "Der Michel" are a site's and a writer's names.
ARTICLES = frozenset({"the", "die", "der", "das"})
# A web address written as words ("Bueltge De", "Ciphacipha Net"): its domain last.
DOMAIN_WORDS = frozenset({"com", "net", "org", "de", "at", "ch", "io", "info", "eu", "uk"})
# Words no name ends with: a particle ("Jean de") or an address's domain ("Bueltge De").
NOT_LAST = NAME_PARTICLES | DOMAIN_WORDS
MAX_AUTHORS = 6


def byline_names(lines: Iterable[str], stopwords: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The distinct author names in the byline lines of an article's head, in order."""
    names: list[str] = []
    for line in lines:
        for name in names_in(line, stopwords):
            if name not in names:
                names.append(name)
    return tuple(names[:MAX_AUTHORS])


def names_in(line: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """The person names one byline line states (``stopwords``: the page's function words,
    which a name is not mostly made of: "Noch Keine Kommentare")."""
    label = LABEL.match(line)
    if label and label.group(1).lower() in PICTURE_LABELS:
        return []
    text = OPENER.sub("", line[label.end() :] if label else line.strip(), count=1)
    for date in datelines.full_dates(text):
        text = text.replace(date.text, " | ")
    text = NAMES_END.split(text, maxsplit=1)[0]
    return [name for part in NAME_SEPARATOR.split(text) if (name := _as_name(part, stopwords))]


def _as_name(part: str, stopwords: frozenset[str]) -> str | None:
    """``Jane Doe`` -> itself; ``Reuters``, ``Staff Reporter``, ``12 Comments`` -> None."""
    tokens = part.strip(" .,:;()").split()
    if not NAME_MIN_WORDS <= len(tokens) <= NAME_MAX_WORDS:
        return None
    function_words = 0
    for token in tokens:
        bare = token.strip(".,'’")
        lower = bare.lower()
        if lower in NOT_A_PERSON or any(char.isdigit() for char in bare):
            return None
        function_words += lower in stopwords and lower not in NAME_PARTICLES
        if not (bare[:1].isupper() or bare.lower() in NAME_PARTICLES):
            return None
    # Some first names and surnames are function words too ("John", "May", "Will");
    # a line made mostly of them is a phrase ("Noch Keine Kommentare").
    if function_words * 2 > len(tokens):
        return None
    if not tokens[0][:1].isupper() or not tokens[-1][:1].isupper():
        return None
    if tokens[-1].lower() in NOT_LAST:
        return None  # "Jean de" is no name; "Bueltge De" is an address
    if tokens[0].lower() in ARTICLES and any(token.islower() for token in tokens[1:]):
        return None  # "Die Zukunft der Arbeit": a title (not "Der Michel", a pen name)
    # "JOHN SMITH" -> "John Smith": capitals are the page's style, not the name.
    return " ".join(
        token.title() if token.isupper() and len(token) > 1 else token for token in tokens
    )
