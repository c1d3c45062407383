"""Data classes that flow from a corpus file to the site."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

# Paragraph, subheading, list item, block quote, table row (cells joined by " | ").
BlockKind = Literal["p", "h", "li", "quote", "row"]
CELL_SEPARATOR = " | "
Precision = Literal["day", "month", "year", "none"]
DateStatus = Literal["stated", "inferred", "undated"]


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph-sized piece of the source: a line, or hard-wrapped lines joined."""

    line_numbers: tuple[int, ...]
    text: str
    blank_before: bool = False
    # The text of each source line, when the unit joins several.
    pieces: tuple[str, ...] = ()

    def lines(self) -> tuple[tuple[int, str], ...]:
        """``(line number, text)`` of each source line in the unit."""
        if len(self.line_numbers) == 1:
            return ((self.line_numbers[0], self.text),)
        return tuple(zip(self.line_numbers, self.pieces, strict=True))


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A source line the cleaner took out of the body, and why."""

    line_no: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the cleaned body: a paragraph or a subheading."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Published:
    """When an article was published, as far as the text lets us say."""

    value: dt.date | None
    precision: Precision
    status: DateStatus
    reason: str

    @property
    def iso(self) -> str:
        """``2019-05-19``, ``2019-05``, ``2019`` or ``""`` by precision."""
        if self.value is None:
            return ""
        return {
            "day": self.value.isoformat(),
            "month": self.value.strftime("%Y-%m"),
            "year": f"{self.value.year:04d}",
        }.get(self.precision, "")

    @property
    def label(self) -> str:
        """A human-readable date: ``19 May 2019``, ``May 2019``, ``2019`` or ``Undated``."""
        if self.value is None:
            return "Undated"
        if self.precision == "day":
            return f"{self.value.day} {self.value:%B %Y}"
        if self.precision == "month":
            return f"{self.value:%B %Y}"
        return f"{self.value.year}"


UNDATED = Published(None, "none", "undated", "no dateline or date in the lead paragraph")


@dataclass(frozen=True, slots=True)
class Article:
    """A corpus file after decoding, cleaning and metadata detection."""

    source: str
    headline: str
    headline_derived: bool
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]
    outlet: str
    outlet_reason: str
    published: Published
    lede: str
    warnings: tuple[str, ...] = field(default=())
    # "Updated …" as the article states it; never taken for the publication date.
    updated: Published | None = None
    # The author(s) the byline names ("By Jane Doe and John Roe" -> two names).
    byline: tuple[str, ...] = ()
    # The original's address (sources.csv's url, or a saved page's canonical URL), or "".
    url: str = ""
    # Where the headline and the byline came from, when not from the text's own lines.
    headline_reason: str = ""
    byline_reason: str = ""
    # The wire services the article credits ("Reuters", "AFP"), in order.
    wire: tuple[str, ...] = ()

    @property
    def body_text(self) -> str:
        """The cleaned body as plain text, blocks separated by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)


EntityType = Literal["PERSON", "ORG", "PLACE", "WEAPON"]
ENTITY_TYPES: tuple[EntityType, ...] = ("PERSON", "ORG", "PLACE", "WEAPON")


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the model or a rule found a name in a cleaned body."""

    text: str
    start: int
    end: int
    label: EntityType
    sentence: int
    in_heading: bool = False
    sentence_initial: bool = False
    # What the words around it say: "person" (a role before it, "said" after it, a first
    # name), "place" (listed after "cities including"), "attributive" ("the Trump
    # administration": no vote for a type), "listed" (one of a list the model labelled as
    # one name: no vote either), or "".
    evidence: str = ""
    # The title or role written before a person's name ("Secretary of State"), or "".
    role: str = ""


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression as found in a body, before it is normalised."""

    text: str
    start: int
    end: int
    sentence: int
    # "ahead" or "back" when the words before it say which way it points ("will be
    # delivered in July", "was signed in July"), else "".
    tense: str = ""


@dataclass(frozen=True, slots=True)
class RawExtraction:
    """What the NLP pass found in one body: cached, so a rebuild skips the model."""

    mentions: tuple[Mention, ...]
    dates: tuple[DateSpan, ...]
    sentences: tuple[tuple[int, int], ...]
    # The language of a body the English model did not read ("German"), or "".
    unread_language: str = ""
    # Why reading its names and dates failed (an error of ours on this body), or "".
    failure: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity as it occurs in one article."""

    name: str
    type: EntityType
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression with its normalised value, when the text allows one."""

    text: str
    value: dt.date | None
    precision: Precision
    sentence: int
    start: int
    end: int
    relative: bool
    note: str = ""
    tense: str = ""
    # Resolved against a publication date that is itself inferred (from the story the
    # article belongs to), not stated: as good as that inference.
    on_inferred_date: bool = False

    @property
    def iso(self) -> str:
        """``2019-05-18``, ``2019-05``, ``2019`` or ``""`` when unresolved."""
        return Published(self.value, self.precision, "stated", "").iso

    @property
    def label(self) -> str:
        """``18 May 2019``, ``May 2019``, ``2019`` or ``unresolved``."""
        return (
            Published(self.value, self.precision, "stated", "").label
            if self.value
            else "unresolved"
        )
