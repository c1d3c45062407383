"""Raw entity and date mentions in one cleaned body, from a spaCy ``Doc``.

Nothing here decides what a name *is* across the corpus (that is
:mod:`newscorpus.entities.canonical`); this module only records what the model and
rules saw, where, and in which sentence, in a form that can be cached.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import typing as t
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Block, DateSpan, EntityType, Mention, RawExtraction
from ..reading.outlet import AGENCY_DATELINE, CREDIT_AGENCIES, OPENING_CREDIT
from ..reading.sentences import sentence_spans
from ..reading.shape import TRAILING_CREDIT
from ..wordlists import country_names, load_lines, load_words
from .dates import EVENT_TIME, date_tense, weekday_in_a_name
from .nlp import SHIP_PREFIXES
from .people import (
    FIRST_NAMES,
    MORE_FIRST_NAMES,
    ROLE_REACH,
    can_be_surname,
    evidence,
    is_name_token,
    is_role,
    role_phrase,
    split_person,
)

if t.TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Roles whose word also opens organisations' names: "General Motors", "Premier League",
# "Major League Baseball".
ORG_OPENING_ROLES = frozenset({"general", "premier", "major"})
PREVIOUS_WORD = re.compile(r"([\w'’-]+)[ \t]+$")
PREVIOUS_WORD_REACH = 40
# A sentence that refers back to a person: "He said …", "“She was …".
PRONOUN_OPENING = re.compile(r"[\"“‘'(]?(?:He|She)\b")
# The word after a name: its verb ("Kluft won"), unless it is a role's word or one that
# joins the name to more ("Lib Dem leader", "Smith and", "Jones of").
NEXT_WORD = re.compile(r"\s+([a-z][\w'’-]*)")
NOT_A_VERB = frozenset(
    {"and", "or", "of", "in", "at", "for", "with", "to", "on", "from", "by", "as"}
)
# spaCy's labels that name the four kinds of thing we tag; NORP, CARDINAL,
# MONEY, PRODUCT, EVENT and the rest are not entities here.
LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "WEAPON": "WEAPON",
}
# The model sometimes splits one name in two ("Lockheed" ORG + "Martin"
# PRODUCT); neighbours with these labels and one space between are joined.
JOINABLE = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT"}
BLOCK_SEPARATOR = "\n\n"
MILITARY_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, load_words("military-words.txt")))) + r")s?\b",
    re.I,
)
# The most the model reads at once (spaCy's own limit is 1,000,000).
CHUNK_CHARS = 100_000
# A warship by its name or class: named, so a weapon wherever it appears.
NAMED_SHIP = re.compile(rf"^(?:{'|'.join(SHIP_PREFIXES)}) |-class\b")
# How far back in its sentence a date's tense is read, in characters.
TENSE_REACH = 120
COMPOUND_NAMES = frozenset(line.casefold() for line in load_lines("compound-names.txt"))
# "Mountain View, California", "Kanata, Ontario": a town and the state it is in.
STATE_NAMES = frozenset(load_lines("state-names.txt"))
# An organisation's head and the one or two words of its subject: "Ministry of Trade",
# "Centre for Economic" (of "Centre for Economic and Policy Research").
SUBJECT_PHRASE = re.compile(
    r"(?:^|\s)(?P<head>[A-Z][a-z]+) (?:of|for) (?P<subject>[A-Z]\S*(?: [A-Z]\S*)?)$"
)
# Heads that open organisations' names and end places' ("the Union of Rationalist Atheists
# and Agnostics"; "the Soviet Union", so not in org-heads.txt).
SUBJECT_HEADS = frozenset({"Union"})
# The most words after "and" that can still be that subject's: "African Studies".
SHARED_COMPLEMENT_WORDS = 3
ACRONYM_WORD = re.compile(r"[A-Z0-9&]{2,}")
STATE_AFTER = re.compile(
    r"(?:, (?P<state>{})| (?P<state_unmarked>D\.C\.|DC))(?!\w)".format(
        "|".join(re.escape(name) for name in sorted(STATE_NAMES, key=len, reverse=True))
    )
)  # "Washington D.C." is written without its comma as often as with it
DC_WITHOUT_COMMA = re.compile(r"(?P<town>[A-Z][\w .'-]*?) (?P<state>D\.C\.|DC)")
# One or two initials just before a person's name, after a space: "L. Ron Hubbard";
# not the end of "U.S." ("in the U.S. Ron Paul …").
INITIALS_BEFORE = re.compile(r"(?:(?<=\s)|^)(?:[A-Z]\. ){1,2}$")
# The rest of a hyphenated given name after the model's span: "Wong Kwok|-hing"; not a
# word that makes the name a modifier ("Trump-backed", "Blair-era", "Clinton-style").
GIVEN_NAME_REST = re.compile(
    r"-(?!(?:era|style|like|type|esque|born|made|free|wide|led|run|ite|ites|ism)\b)"
    r"[a-z]{2,5}\b(?<!ed)(?![-'’\w])"
)
# How far before a name the initials above are looked for (a few characters: not the
# whole body before every name).
LOOK_BACK = 12
# Four digits, and what says they are not a year around them: more digits of one number,
# a sign ("= 1024", "No. 1650"), a street after a house number.
FOUR_DIGITS = re.compile(r"\d{4}")
NUMBER_BEFORE = re.compile(r"\d[ ./]?$|(?:[=#№]|\bNo\.?)\s*$")
NUMBER_AFTER = re.compile(r"[ ./]?\d")
STREET_AFTER = re.compile(
    r"(?: [A-Z][a-z]+){1,3} (?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Way)\b"
)
LAST_YEAR = 2100
CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|BST|CET|hrs|hours|h)\b")
YEAR_BEFORE = re.compile(r"\b(?:by|in|until|till|to|before|after|from|since|year)\s+$", re.I)
# A given name just before a one-word name the model found alone: "singer-songwriter
# Carly |Simon|", "the visitors. Shane |Horgan|".
GIVEN_BEFORE = re.compile(r"(?:(?<=[\s(\"“‘])|^)(?P<given>[A-Z][a-zà-ÿ'’]+) $")
GIVEN_LOOK_BACK = 20
# A player's initial after a list's separator in a team sheet: "…, A |Troncon".
SHEET_INITIAL = re.compile(r"(?:^|[,;:] )(?P<initial>[A-Z]\.?) $")
SHEET_ITEM = re.compile(r"(?:^|[,;:] )[A-Z]\.? [A-Z][\w'’-]+")
SHEET_ITEMS = 4
# A line-up by surnames: "Ashdown, Griffin, De Zeeuw, …, Faye (Berkovic 83), …, Fuller
# (Yakubu 55)." (six names or more, a substitute and his minute in brackets), or the
# substitutes' line, "Subs not used: Hislop, Quashie, Cisse."
_PLAYER = r"(?:[A-Z]\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_LINED_UP = rf"{_PLAYER}(?: \({_PLAYER} \d{{1,3}}\))?"
LINE_UP = re.compile(
    rf"(?:{_LINED_UP}(?:, {_LINED_UP}){{5,}}"
    rf"|(?i:subs(?:titutes)?(?: not used)?): {_LINED_UP}(?:, {_LINED_UP})*)\.?"
)
LINE_UP_PLAYER = re.compile(rf"(?:^|(?<=[,:] )|(?<=\())(?P<name>{_PLAYER})(?=[,.]| \(| \d|$)", re.M)
# Set scores after a name: "6-2 7-5", "3-1".
SCORE_TAIL = re.compile(r"(?:\s+\d{1,2}\s?[-–]\s?\d{1,2})+$")
# The most words of an organisation's subject after its head: "for the Welfare of Immigrants".
SUBJECT_TOKENS = 6
# Where "for" after the head names a seat, not a subject: "Member of Parliament for …".
LEGISLATURES = frozenset({"parliament", "assembly", "congress", "senate"})
# The model's labels of numbers and times: "the Commerce Department for November".
NUMERIC_ENTITIES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
# Titles that follow a portfolio ("Home Secretary", "Health spokesman").
PORTFOLIO_ROLES = frozenset(
    {"secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "ministers"}
)
# Words of an office before its portfolio: "Shadow Home Secretary", "International Trade
# Secretary".
ROLE_MODIFIERS = frozenset(
    {"shadow", "new", "ex", "junior", "interim", "outgoing", "incoming", "international"}
)
# The games after their host's name: "Sydney| Olympic champion".
OLYMPIC_AFTER = re.compile(r" (?:Olympic|Paralympic)s?\b")
# An agency's or a band's short code, the one name with digits the model may call a
# person's: "MI6", "U2".
SHORT_CODE = re.compile(r"[A-Z]{1,3}\d{1,2}")
# Heads that end a name whose first words share them ("the Public and Commercial Services
# Union", "the Health and Safety Executive"), beside org-heads.txt and place-heads.txt
# (which leave "union" out: "Soviet Union" is a place).
SHARED_HEADS = frozenset(
    {"union", "executive", "organisation", "organization", "office", "society", "alliance"}
)
# One name of a list the model took as one span: "Elliott, Bramble, Bernard".
LIST_PIECE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?![\w'’.-])")
COMPANY_SUFFIXES = frozenset(
    {"inc", "ltd", "llc", "co", "corp", "plc", "sa", "ag", "gmbh", "jr", "sr", "nv", "bv"}
)
# One player: an initial and a surname, with its particle ("M Di Bernardo", "R de Marigny").
SHEET_PLAYER = re.compile(
    r"(?:^|(?<=[,;:] ))(?P<name>[A-Z]\.? "
    r"(?:(?:[Dd]i|[Dd]u|[Dd]a|[Dd]e|[Dd]al|[Dd]el|[Dd]e [Ll]a|[Ll]e|[Ll]a|[Vv]an|[Vv]an [Dd]er"
    r"|[Vv]an [Dd]e|[Vv]on) )?[A-Z][\w'’-]+)(?=[ ,;.(]|$)",
    re.M,
)
# A news dateline's place, in capitals, opening a paragraph: "KHAN YOUNIS, Gaza —",
# "AUSTIN (KXAN) —", "HOUSTON, Texas (KTRK) --", "TAYLORVILLE —".
DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})"
    r"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,3})?(?: \([^()]{1,30}\))?\s*[-–—]{1,2}\s"
)


def is_team_sheet(text: str, sentence: tuple[int, int] | None) -> bool:
    """Whether a sentence is a team sheet: four or more initials and surnames between
    commas or semicolons ("R de Marigny; W Pozzebon, A Masi, L Nitoglia; …")."""
    if sentence is None:
        return False
    first, last = sentence
    return len(SHEET_ITEM.findall(text, first, last)) >= SHEET_ITEMS


def is_line_up(text: str, sentence: tuple[int, int] | None) -> bool:
    """Whether a sentence is a line-up by surnames alone (see ``LINE_UP``)."""
    return sentence is not None and bool(LINE_UP.fullmatch(text[slice(*sentence)].strip()))


COMPASS = frozenset({"North", "South", "East", "West", "Upper", "Lower"})
OPENING_PUNCTUATION = "\"'“‘(["
# A list of places after a word that says so: "towns and cities including Cardiff, Bangor,
# Aberystwyth and Wrexham", "countries such as France and the Netherlands". Its names are
# places, whatever the model thought of each, and found where it saw none.
_PLACE_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # "Wrexham", "U.S"; not "Sydney." ending a sentence
_PLACE_NAME = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}"
_LISTED = rf"(?:the )?{_PLACE_NAME}"
PLACE_LIST = re.compile(
    r"\b(?:towns|cities|countries|states|villages|provinces|regions|capitals|nations|islands)"
    r"\b[^.;:!?\n]{0,30}?\b(?:including|such as|like) "
    rf"(?P<names>{_LISTED}(?:, {_LISTED})*,? (?:and|or) {_LISTED})"
)
LIST_ITEM = re.compile(rf"(?:the )?(?P<name>{_PLACE_NAME})")
# A work's kind just before a title: "his novel, Cloud Atlas", "the film Ray", "the album
# Hot Fuss". What follows is the work's title, not a person, organisation or place.
# After a comma, only a title set off by commas on both sides ("novel, Cloud Atlas,
# makes"), and not after "of" ("the director of the film, Vinod Pande").
_WORKS = (
    r"(?:book|novel|film|movie|album|song|musical|sitcom|documentary|opera|poem"
    r"|painting|biography|memoir|comedy|drama|thriller|biopic|blockbuster)s?"
)
# Not the verb: "to book Ryanair flights", "will film Tom Cruise".
_NOT_A_VERB = "".join(
    rf"(?<!\b{word} )" for word in ("to", "will", "would", "can", "could", "may", "might")
)
WORK_BEFORE = re.compile(rf"{_NOT_A_VERB}\b{_WORKS} $")
_NOT_AFTER_OF = "".join(
    rf"(?<!\bof {word})" for word in ("", "the ", "a ", "an ", "his ", "her ", "their ", "its ")
)
WORK_BEFORE_COMMA = re.compile(rf"{_NOT_AFTER_OF}\b{_WORKS}, $")
WORK_REACH = 30
# Words before an organisation's name that are not part of it: "The Board".
DETERMINERS = frozenset({"The", "A", "An", "This", "That", "Our", "Their", "Its", "His", "Her"})


def body_text(blocks: Sequence[Block]) -> str:
    """The text the model reads: blocks separated by blank lines."""
    return BLOCK_SEPARATOR.join(block.text for block in blocks)


def body_sentences(blocks: Sequence[Block]) -> tuple[tuple[int, int], ...]:
    """Sentence offsets within :func:`body_text`; a block always ends a sentence."""
    return tuple(
        (offset + start, offset + end)
        for offset, block in block_offsets(blocks)
        for start, end in sentence_spans(block.text)
    )


def block_offsets(blocks: Sequence[Block]) -> Iterator[tuple[int, Block]]:
    """Each block with where it starts in :func:`body_text`."""
    offset = 0
    for block in blocks:
        yield offset, block
        offset += len(block.text) + len(BLOCK_SEPARATOR)


def heading_ranges(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Offsets of the subheadings within :func:`body_text`."""
    return [
        (offset, offset + len(block.text))
        for offset, block in block_offsets(blocks)
        if block.kind == "h"
    ]


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)``s of a body, each at most ``limit`` characters, cut between blocks.

    The model's memory grows with the length of what it reads at once; a
    scraped page can be megabytes. A block longer than the limit is cut at a
    space.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind(BLOCK_SEPARATOR, start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def credit_ranges(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Where a body names its wire service as a credit, not as news: "WASHINGTON (Reuters) -",
    "(AP) —", a closing "(Reuters, AFP)" or "— AFP". Names there are not mentions."""
    ranges = []
    for offset, block in block_offsets(blocks):
        for pattern in (AGENCY_DATELINE, OPENING_CREDIT, CREDIT_AGENCIES, TRAILING_CREDIT):
            match = pattern.search(block.text)
            if match:
                name = "names" if "names" in pattern.groupindex else "name"
                ranges.append((offset + match.start(name), offset + match.end(name)))
    return ranges


def is_other_number(text: str, start: int, end: int) -> bool:
    """Whether four digits the model took for a year are another number: part of a phone
    number ("0344 811 0072"), a house number ("1156 High Street"), a setting
    ("default_bits = 1024"), a product's ("RTX 3090": no year past 2100 unless the words
    before it say so, "by 2300")."""
    number = text[start:end]
    if not FOUR_DIGITS.fullmatch(number):
        return False
    before, after = text[max(0, start - 20) : start], text[end : end + 40]
    if CLOCK_AFTER.match(after):
        return False  # "0950 GMT": a time
    return (
        number.startswith("0")
        or bool(NUMBER_BEFORE.search(before) or NUMBER_AFTER.match(after))
        or bool(STREET_AFTER.match(after))
        or (int(number) > LAST_YEAR and not YEAR_BEFORE.search(before))
    )


def referred_to_as_person(
    span: Span, offset: int, text: str, sentences: Sequence[tuple[int, int]], sentence: int
) -> bool:
    """The name (which opens its sentence) is followed by its verb, its sentence names no
    other person, and the next sentence opens with "He" or "She": it refers back to the
    name as a person's ("Kluft won the heptathlon in Athens. She said …"). A club or a
    company is "it" or "they"; "Lib Dem leader Charles Kennedy" is the leader's name, not
    the party's. ``offset`` is where the span's doc starts in ``text``."""
    if not 0 <= sentence < len(sentences) - 1:
        return False
    verb = NEXT_WORD.match(text, offset + span.end_char)
    if not verb or verb.group(1) in NOT_A_VERB or is_role(verb.group(1)):
        return False
    first, last = sentences[sentence]
    if any(
        ent.label_ == "PERSON"
        and ent.start != span.start
        and first <= offset + ent.start_char < last
        for ent in span.doc.ents
    ):
        return False
    return bool(PRONOUN_OPENING.match(text, sentences[sentence + 1][0]))


def dateline_places(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Where a paragraph opens with a dateline's place in capitals."""
    return [
        (offset + match.start("place"), offset + match.end("place"))
        for offset, block in block_offsets(blocks)
        if (match := DATELINE_PLACE.match(block.text))
    ]


def read_doc(docs: Sequence[tuple[int, Doc]], blocks: Sequence[Block]) -> RawExtraction:
    """Entity mentions and date expressions of one body, from the docs of its chunks."""
    text = body_text(blocks)
    sentences = body_sentences(blocks)
    headings = heading_ranges(blocks)
    credits = credit_ranges(blocks)
    places = [match.span("names") for match in PLACE_LIST.finditer(text)]
    datelines = dateline_places(blocks)
    hosts: list[tuple[int, int]] = []
    starts = [start for start, _ in sentences]
    mentions: list[Mention] = []
    dates: list[DateSpan] = []
    military = MILITARY_WORD.search(text) is not None
    for offset, doc in docs:
        covered = 0  # the end of a longer name the model found in parts (its tokens)
        for span, label_ in join_split_names(doc):
            if "\n" in span.text or span.start < covered:
                continue
            start, end = offset + span.start_char, offset + span.end_char
            sentence = sentence_index(starts, start)
            if label_ in ("DATE", "TIME") and (
                is_other_number(text, start, end) or weekday_in_a_name(text, start, end)
            ):
                continue
            if label_ in ("DATE", "TIME"):
                opens = starts[sentence] if 0 <= sentence < len(starts) else 0
                before = text[max(opens, start - TENSE_REACH) : start]
                dates.append(DateSpan(span.text, start, end, sentence, date_tense(before)))
                continue
            if any(first < end and start < last for first, last in credits):
                continue
            if (cut := open_bracket_cut(span)) is not None:
                # "S Jones (Clermont Auvergne": the name ends where its bracket opens.
                if not cut.text.strip():
                    continue
                span, end = cut, offset + cut.end_char
            if (kept := without_numbers(span, label_)) is not span:
                # "Jie Zheng 6-2 7-5": the score is no part of the name; "Windows 2000"
                # is no person's.
                if kept is None:
                    continue
                span, end = kept, offset + kept.end_char
            if (kept := without_portfolio(span)) is not span:
                # "Shadow Home Secretary Yvette Cooper": "Home" is the role's portfolio.
                if kept is None:
                    continue
                span, end = kept, offset + kept.end_char
            if len(span) > 1 and OLYMPIC_AFTER.fullmatch(f" {span[-1].text}"):
                span = span[:-1]  # "Sydney Olympic" as one name: the host, before the games
                end = offset + span.end_char
            label = LABELS.get(label_)
            if label is not None and label != "WEAPON" and OLYMPIC_AFTER.match(text, end):
                # "Sydney Olympic champion", "the Beijing Olympics": the games' host city.
                hosts.append((start, end))
            if is_work_title(text, start, end):
                # "his book Cloud Atlas", "the film Ray": a title, not a name; kept as
                # evidence, so the same title elsewhere is known for one.
                mentions.append(
                    Mention(span.text, start, end, label or "ORG", sentence, evidence="work")
                )
                continue
            if label == "WEAPON" and not military and not is_named_weapon(span.text):
                continue
            if label != "WEAPON" and after_organisation_noun(span):
                label = "ORG"
            named = before_organisation_noun(doc, span)
            if named is not None:
                # "the Haqqani network", "the Islamic State group": an organisation.
                label, end = "ORG", offset + named.end_char
                span = named
            if label == "ORG" and (whole := with_subject(doc, span)) is not None:
                # "Joint Council" of "Joint Council for the Welfare of Immigrants".
                span, end, covered = whole, offset + whole.end_char, whole.end
            if label is None:
                continue
            sentence_span = sentences[sentence] if 0 <= sentence < len(sentences) else None
            start, end, label, sheet = person_span(text, start, end, label, sentence_span)
            in_heading = any(first <= start < last for first, last in headings)
            pieces = [
                # How long the piece is in the text: "North Korea" is written "North" in
                # "North and South Korea".
                (piece, written if (piece.start, piece.text) == (at, part) else len(piece.text))
                for part, at, written in conjoined(text[start:end], start)
                for piece in person_pieces(text, part, at, label)
            ]
            if sheet:
                pieces = [(dataclasses.replace(piece, evidence="person"), n) for piece, n in pieces]
            elif (
                len(pieces) == 1
                and not pieces[0][0].evidence
                and label != "WEAPON"
                and starts_sentence(text, sentences, sentence, pieces[0][0].start)
                and referred_to_as_person(span, offset, text, sentences, sentence)
            ):
                # "Kluft won the heptathlon. She …": the next sentence calls the name "she".
                pieces = [(dataclasses.replace(pieces[0][0], evidence="person"), pieces[0][1])]
            elif len(pieces) > 1 and label != "PERSON" and "," in text[start:end]:
                # "Clichy, Lupoli" as one organisation: the list's label is no name's own.
                pieces = [
                    (dataclasses.replace(piece, evidence=piece.evidence or "listed"), n)
                    for piece, n in pieces
                ]
            for piece, length in pieces:
                if piece.evidence != "person" and any(
                    first <= piece.start and piece.start + length <= last
                    for first, last in places + datelines + hosts
                ):
                    piece = dataclasses.replace(piece, label="PLACE", evidence="place")
                mentions.append(
                    Mention(
                        text=piece.text,
                        start=piece.start,
                        end=piece.start + length,
                        label=piece.label,
                        sentence=sentence,
                        in_heading=in_heading,
                        sentence_initial=starts_sentence(text, sentences, sentence, piece.start),
                        evidence=piece.evidence,
                        role=piece.role,
                    )
                )
    mentions = joined_countries(text, mentions, starts, sentences, headings)
    mentions.extend(listed_places(text, places, mentions, starts, sentences, headings))
    mentions.extend(named_organisations(text, mentions, starts, sentences, headings))
    mentions.extend(sheet_players(text, mentions, starts, sentences))
    mentions.sort(key=lambda mention: mention.start)
    mentions = towns_in_states(text, mentions)
    dates.extend(event_times(text, dates, starts, headings))
    dates.sort(key=lambda span: span.start)
    return RawExtraction(tuple(mentions), tuple(dates), sentences)


def person_span(
    text: str, start: int, end: int, label: EntityType, sentence: tuple[int, int] | None
) -> tuple[int, int, EntityType, bool]:
    """The span of a name with what the model left out of a person's name: the initial
    of a player in a team sheet ("L Orquera, A Troncon; S Dellape", the model took "A"
    for a word), the rest of a hyphenated given name ("Wong Kwok-hing"), initials before
    it ("L. Ron Hubbard"). Its start, end and label, and whether it is a team sheet's."""
    initial = SHEET_INITIAL.search(text, max(0, start - LOOK_BACK), start)
    sheet = (
        label in ("PERSON", "ORG", "PLACE")
        and initial is not None
        and is_team_sheet(text, sentence)
    )
    if sheet:
        start, label = initial.start("initial"), "PERSON"
    elif label in ("PERSON", "ORG", "PLACE") and is_line_up(text, sentence):
        sheet, label = True, "PERSON"
    if label == "PERSON" and (rest := GIVEN_NAME_REST.match(text, end)):
        end = rest.end()
    if label == "PERSON" and (
        initials := INITIALS_BEFORE.search(text, max(0, start - LOOK_BACK), start)
    ):
        start = initials.start()
    elif given := given_name_before(text, start, end, label):
        start, label = given, "PERSON"
    return start, end, label, sheet


def given_name_before(text: str, start: int, end: int, label: EntityType) -> int | None:
    """Where a given name the model left out starts, just before a one-word name it took
    alone ("Carly |Simon|"): a first name from the tables (not a word like "Will"), before
    a word that can be a surname; or ``None``."""
    name = text[start:end]
    if label == "WEAPON" or " " in name or name.isupper() or not is_name_token(name):
        return None
    match = GIVEN_BEFORE.search(text, max(0, start - GIVEN_LOOK_BACK), start)
    if match is None:
        return None
    given = match.group("given").lower()
    known = given in FIRST_NAMES or given in MORE_FIRST_NAMES
    if not known or given in stop_words() or is_role(given) or not can_be_surname(name):
        return None
    return match.start("given")


def towns_in_states(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place written with its state after it ("Mountain View, California", "Irving,
    Texas", "Washington, D.C.") is one place, the town in that state: the town's mention
    becomes the pair's, and the state keeps its own. Not a list of states or countries
    ("Texas, California and Ohio"), nor a person's name ("Smith, Texas's senator")."""
    result = []
    for index, mention in enumerate(mentions):
        if mention.evidence != "work" and (written := DC_WITHOUT_COMMA.fullmatch(mention.text)):
            # The model's own span, "Washington D.C.": named with its comma.
            name = f"{written.group('town')}, {written.group('state')}"
            result.append(dataclasses.replace(mention, text=name, label="PLACE", evidence="place"))
            continue
        match = STATE_AFTER.match(text, mention.end)
        state = mentions[index + 1] if index + 1 < len(mentions) else None
        group = "state" if match is None or match.group("state") else "state_unmarked"
        if (
            match is None
            or mention.label not in ("PLACE", "ORG")
            or mention.evidence in ("person", "work")
            or (mention.text in STATE_NAMES and match.group(group) not in ("D.C.", "DC"))
            or mention.text.casefold() in country_names()
            or text.startswith(("'s", "’s"), match.end())
            # A state the model read as part of a longer name ("Washington Post") is not one.
            or (state is not None and state.start == match.start(group) and state.end > match.end())
        ):
            result.append(mention)
            continue
        # Named the usual way, with its comma ("Washington, D.C."), wherever it is written.
        name = f"{mention.text}, {match.group(group)}"
        result.append(
            dataclasses.replace(
                mention, text=name, end=match.end(), label="PLACE", evidence="place"
            )
        )
    return result


def is_work_title(text: str, start: int, end: int) -> bool:
    """Whether a span is a title after its work's kind: "the film Ray", "his novel,
    Cloud Atlas, …"."""
    before = text[max(0, start - WORK_REACH) : start]
    if WORK_BEFORE.search(before):
        return True
    return bool(WORK_BEFORE_COMMA.search(before)) and text[end : end + 1] == ","


def listed_places(
    text: str,
    lists: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    starts: list[int],
    sentences: Sequence[tuple[int, int]],
    headings: Sequence[tuple[int, int]],
) -> list[Mention]:
    """The names of a list of places (see ``PLACE_LIST``) that the model did not mark."""
    found = []
    for first, last in lists:
        for match in LIST_ITEM.finditer(text, first, last):
            start, end = match.span("name")
            if any(m.start < end and start < m.end for m in mentions):
                continue
            found.append(
                rule_mention(text, start, end, "PLACE", starts, sentences, headings, "place")
            )
    return found


def rule_mention(
    text: str,
    start: int,
    end: int,
    label: EntityType,
    starts: list[int],
    sentences: Sequence[tuple[int, int]],
    headings: Sequence[tuple[int, int]],
    evidence: str = "",
) -> Mention:
    """A mention a rule found in ``text[start:end]``, placed in its sentence."""
    sentence = sentence_index(starts, start)
    return Mention(
        text=text[start:end],
        start=start,
        end=end,
        label=label,
        sentence=sentence,
        in_heading=any(first <= start < last for first, last in headings),
        sentence_initial=starts_sentence(text, sentences, sentence, start),
        evidence=evidence,
    )


@functools.cache
def stop_words() -> frozenset[str]:
    """English function words (spaCy's list; imported only when the model runs)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def organisation_name() -> re.Pattern[str]:
    """Capitalised words ending in an organisation's head word (``data/org-heads.txt``):
    "Northwestern University", "Joint Council"."""
    heads = "|".join(
        sorted(
            (re.escape(w.capitalize()) for w in load_words("org-heads.txt")), key=len, reverse=True
        )
    )
    word = r"[A-Z][\w&'’-]*"
    return re.compile(rf"(?<![\w-])(?P<name>(?:{word} ){{1,4}}(?:{heads}))(?![\w-])")


def named_organisations(
    text: str,
    mentions: Sequence[Mention],
    starts: list[int],
    sentences: Sequence[tuple[int, int]],
    headings: Sequence[tuple[int, int]],
) -> list[Mention]:
    """Organisations the model did not mark, by their head word ("Northwestern
    University"), outside headings: two words or more after an owner's possessive or an
    opening "The" ("The Board" is none), not opening with a function word."""
    found = []
    for match in organisation_name().finditer(text):
        start, end = match.span("name")
        words = match.group("name").split()
        # "The Board", "Saudi Arabia's Civil Defense Authority": the name starts after
        # the article or the owner.
        owner = max((i + 1 for i, w in enumerate(words) if w.endswith(("'s", "’s"))), default=0)
        if owner == 0 and words[0] in DETERMINERS:
            owner = 1
        start += sum(len(word) + 1 for word in words[:owner])
        words = words[owner:]
        if len(words) < 2 or any(m.start < end and start < m.end for m in mentions):
            continue
        if words[0].lower() in stop_words():
            continue  # "Have I Got News": a title's words, not a name
        if any(first <= start < last for first, last in headings):
            continue
        found.append(rule_mention(text, start, end, "ORG", starts, sentences, headings))
    return found


def sheet_players(
    text: str,
    mentions: Sequence[Mention],
    starts: list[int],
    sentences: Sequence[tuple[int, int]],
) -> list[Mention]:
    """The players of a team sheet the model did not mark: each initial and surname
    between its separators ("…; K Morgan (Newport-Gwent), T Shanklin (Cardiff), …"), or
    each surname of a line-up ("…, Faye (Berkovic 83), Berger, …")."""
    found = []
    for sentence, span in enumerate(sentences):
        if is_team_sheet(text, span):
            players = SHEET_PLAYER
        elif is_line_up(text, span):
            players = LINE_UP_PLAYER
        else:
            continue
        for match in players.finditer(text, *span):
            start, end = match.span("name")
            if any(m.start < end and start < m.end for m in mentions):
                continue
            found.append(
                Mention(
                    text=match.group("name"),
                    start=start,
                    end=end,
                    label="PERSON",
                    sentence=sentence,
                    sentence_initial=start == span[0],
                    evidence="person",
                )
            )
    return found


def event_times(
    text: str,
    dates: Sequence[DateSpan],
    starts: list[int],
    headings: Sequence[tuple[int, int]],
) -> list[DateSpan]:
    """Times within a reported event ("in the 20th minute", "the second half") and "the
    weekend", which the model does not mark: kept as time expressions, not dates."""
    found = []
    for match in EVENT_TIME.finditer(text):
        start, end = match.span()
        if any(span.start < end and start < span.end for span in dates):
            continue
        if any(first <= start < last for first, last in headings):
            continue
        found.append(DateSpan(match.group(), start, end, sentence_index(starts, start)))
    return found


@dataclass(frozen=True, slots=True)
class Piece:
    """A name the model's span holds, with its type and the evidence around it."""

    text: str
    start: int
    label: EntityType
    evidence: str
    role: str = ""


def person_pieces(text: str, name: str, start: int, label: EntityType) -> list[Piece]:
    """The span as one name, or cut where a person's name starts after an organisation, a
    place or a role ("NASA Bill Ingalls", "State Rex Tillerson" after "Secretary of")."""
    before = text[max(0, start - ROLE_REACH) : start]
    split = split_person(name, before) if label in ("PERSON", "ORG", "PLACE") else None
    if split is None or _role_opens_the_name(text, name, split.offset):
        after = text[start + len(name) : start + len(name) + ROLE_REACH]
        found = evidence(before, after, name)
        role = role_phrase(before) if found == "person" else ""
        return [Piece(name, start, label, found, role)]
    pieces = []
    prefix = split.prefix.rstrip(" ,").removesuffix("'s").removesuffix("’s")
    if prefix and not split.prefix_is_role and label != "PERSON":
        pieces.append(Piece(prefix, start, label, ""))
    role = role_phrase(before, split.prefix) if split.prefix_is_role else ""
    pieces.append(Piece(name[split.offset :], start + split.offset, "PERSON", "person", role))
    return pieces


def _role_opens_the_name(text: str, name: str, offset: int) -> bool:
    """ "General Motors", "General Dynamics", "Premier League": a role's word that also
    opens organisations' names, before one word the text never writes without it, or
    before an organisation's head ("General Assembly"). A general's surname is written
    alone too ("General Petraeus … Petraeus said")."""
    *opening, role = name[:offset].split() or [""]
    rest = name[offset:]
    if opening not in ([], ["the"], ["The"]) or " " in rest:
        return False  # "the Premier League": the article is no part of the role
    if role.lower() not in ORG_OPENING_ROLES or not role[:1].isupper():
        return False
    if not can_be_surname(rest):
        return True  # "the General Assembly … in the Assembly": a body's head, no surname
    word = re.compile(rf"(?<!\w){re.escape(rest)}(?!\w)")
    # Written alone: not after another capitalised word ("Champions League" is another
    # name's word).
    return all(_after_name_word(text, match.start()) for match in word.finditer(text))


def _after_name_word(text: str, start: int) -> bool:
    """The word before ``start`` is a capitalised word, not a function word ("The")."""
    match = PREVIOUS_WORD.search(text, max(0, start - PREVIOUS_WORD_REACH), start)
    return bool(match) and match[1][:1].isupper() and match[1].lower() not in stop_words()


def join_split_names(doc: Doc) -> list[tuple[Span, str]]:
    """The document's entities, with a name the model cut in two joined again ("Ursula
    von der" and "Leyen", "Robert Wood" and "Johnson Medical School")."""
    joined: list[tuple[Span, str]] = []
    for span in doc.ents:
        if (shared := shared_head(doc, span)) is not None:
            # "the Public and |Commercial Services Union|": one name, headed once.
            if joined and joined[-1][0].start == shared.start:
                joined.pop()  # the model's "Public" alone
            joined.append((shared, span.label_))
            continue
        if joined:
            previous, label = joined[-1]
            if (
                label in JOINABLE
                and span.label_ in JOINABLE
                and previous.end == span.start
                and doc.text[previous.end_char : span.start_char] == " "
                and span.text[:1].isupper()
                and not _two_names(previous, label, span)
            ):
                best = label if label in LABELS else span.label_
                joined[-1] = (doc[previous.start : span.end], best)
                continue
        joined.append((span, span.label_))
    return joined


def _two_names(previous: Span, label: str, span: Span) -> bool:
    """Whether two touching spans are two names, not one cut in two: after a list's comma
    or a "+" ("Smith, |Tait|", "Patti Smith + |Stewart Copeland|"), a person's full name
    and then a place ("Gary Sloane |San Leandro|"), or an organisation and then a
    person's full name ("University of Texas Arlington |Amneh Jafari|")."""
    if previous.text.rstrip().endswith((",", ";", ":", "+", "/")):
        return True
    if label == "PERSON" and span.label_ in ("GPE", "LOC"):
        # Not "Ursula von der" and "Leyen": a name that ends in its particle goes on.
        return len(previous) >= 2 and previous[-1].text[:1].isupper()
    return label == "ORG" and span.label_ == "PERSON" and len(span) >= 2


def open_bracket_cut(span: Span) -> Span | None:
    """The part of a span before a bracket it opens and does not close ("S Jones
    (Clermont Auvergne" in a team sheet), or ``None`` when it has no such bracket."""
    if "(" not in span.text or ")" in span.text:
        return None
    bracket = next((token.i for token in span if token.text.startswith("(")), None)
    return None if bracket is None else span.doc[span.start : bracket]


def without_numbers(span: Span, label: str) -> Span | None:
    """A span without the scores after it ("Jie Zheng 6-2 7-5", "Stamford Bridge 3-1");
    ``None`` for a person's name with a number in it ("Windows 2000", "Graham 86",
    "GSK2586184": a product's, a minute's, a code's: no person's name has digits); the
    span itself otherwise."""
    if score := SCORE_TAIL.search(span.text):
        cut = span.char_span(0, score.start())
        return cut if cut is not None and cut.text.strip() else None
    if label == "PERSON" and any(char.isdigit() for char in span.text):
        # An agency's or band's short code ("MI6", "U2") is left to the type vote.
        return span if SHORT_CODE.fullmatch(span.text) else None
    return span


def without_portfolio(span: Span) -> Span | None:
    """A span without the portfolio words it ends in (``data/portfolios.txt``) when a
    minister's or a spokesman's title follows: "Shadow Home" of "Shadow Home Secretary",
    "Lib Dem" of "Lib Dem Home Affairs spokesman"; ``None`` when nothing is left. Not a
    body named for the portfolio ("Ministry of Defence spokesman", "Home Office
    minister"): the span itself."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in PORTFOLIO_ROLES:
        return span
    keep = span.end
    while keep > span.start and doc[keep - 1].lower_ in load_words("portfolios.txt"):
        keep -= 1
    # "Shadow Home Secretary", "Ex-Home Secretary", "Deputy Health Minister": the office's.
    while (
        keep < span.end
        and keep > span.start
        and (
            doc[keep - 1].lower_ in ROLE_MODIFIERS
            or doc[keep - 1].is_punct
            or is_role(doc[keep - 1].text)
        )
    ):
        keep -= 1
    if keep == span.end or any(token.lower_ in stop_words() for token in span):
        return span  # a body's name: "Department of Homeland Security", "Ministry of Defence"
    return doc[span.start : keep] if keep > span.start else None


def shared_head(doc: Doc, span: Span) -> Span | None:
    """``the Public and |Commercial Services Union|``, ``the Health and |Safety
    Executive|``: the name whose two first words share its head word, when the model
    found only the second half (or the first word apart); the whole name's span, or
    ``None``. Only after "the", with one word before "and"."""
    first = span.start - 2
    if first < 1 or doc[span.start - 1].text != "and" or doc[first - 1].lower_ != "the":
        return None
    word = doc[first]
    if not (word.is_alpha and word.text[:1].isupper()) or word.text.isupper():
        return None  # not a capitalised word, or an acronym: a name of its own ("the PACT")
    if word.ent_type_ and not any(ent.start == ent.end - 1 == first for ent in doc.ents):
        return None  # a word of a longer name of its own
    if word.lower_ in stop_words():
        return None
    return doc[first : span.end] if _ends_in_head(span.text) else None


def joined_countries(
    text: str,
    mentions: list[Mention],
    starts: list[int],
    sentences: Sequence[tuple[int, int]],
    headings: Sequence[tuple[int, int]],
) -> list[Mention]:
    """A country named with "and" ("St Kitts and Nevis", "Trinidad and Tobago") is one
    place, whatever parts of it the model found: its mention replaces theirs."""
    found = list(countries_with_and().finditer(text))
    if not found:
        return mentions
    kept = [
        mention
        for mention in mentions
        if not any(mention.start < match.end() and match.start() < mention.end for match in found)
    ]
    for match in found:
        start, end = match.span()
        kept.append(rule_mention(text, start, end, "PLACE", starts, sentences, headings, "place"))
    return kept


@functools.cache
def countries_with_and() -> re.Pattern[str]:
    """The names with "and" in ``data/compound-names.txt`` that are countries' or
    territories' (Babel writes "St. Kitts & Nevis"), "St" with its full stop or not."""
    countries = country_names()

    def is_country(name: str) -> bool:
        name = name.casefold().replace(" and the ", " & ").replace(" and ", " & ")
        name = re.sub(r"^(?:saint|st) ", "st. ", name)
        return name in countries or f"{name} islands" in countries

    names = sorted((n for n in load_lines("compound-names.txt") if is_country(n)), key=len)
    alternatives = "|".join(re.escape(name) for name in reversed(names)).replace(
        "St\\ ", "St\\.?\\ "
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def is_named_weapon(text: str) -> bool:
    """Whether a weapon mention came from the list of named systems, not a designator."""
    return any(text.startswith(name) for name in load_lines("weapon-names.txt")) or bool(
        NAMED_SHIP.search(text)
    )


def after_organisation_noun(span: Span) -> bool:
    """``corporation Rostec``: a capitalised name in apposition to an organisation noun."""
    if span.start == 0 or not span.text[:1].isupper():
        return False
    return span.doc[span.start - 1].text in load_words("org-nouns.txt")


def before_organisation_noun(doc: Doc, span: Span) -> Span | None:
    """``the Haqqani network``, ``the Islamic State group``: a name (the model's span and
    the capitalised words after it) just before a lower-case organisation noun, with
    "the" before it; the name's span, or ``None``."""
    if span.start == 0 or doc[span.start - 1].lower_ != "the":
        return None
    end = span.end
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    if end < len(doc) and doc[end].text in load_words("org-nouns.txt"):
        return doc[span.start : end]
    return None


def with_subject(doc: Doc, span: Span) -> Span | None:
    """``Joint Council for the Welfare of Immigrants``, ``Council of Europe``: an
    organisation's name the model ended at its head ("Joint Council"), with the
    capitalised "for" or "of" phrase after it; the whole name's span, or ``None``."""
    if span.end + 1 >= len(doc) or span[-1].lower_ not in load_words("org-heads.txt"):
        return None
    joint = doc[span.end].lower_
    if joint not in ("of", "for") or joint == "for" and span[-1].lower_ in LEGISLATURES:
        return None  # "Member of Parliament for Sheffield Brightside": a seat
    end = last = span.end + 1
    while end < len(doc) and end - span.end <= SUBJECT_TOKENS:
        token = doc[end]
        if token.ent_type_ in NUMERIC_ENTITIES:
            break  # "the Commerce Department for November"
        if token.is_alpha and token.text[:1].isupper() and token.lower_ not in stop_words():
            if end + 1 < len(doc) and doc[end + 1].lower_ in ("'s", "’s"):
                break  # "the New York Times of Malcolm's grandfather": someone's
            last = end + 1
        elif token.lower_ not in ("the", "of", "and", "&"):
            break
        end += 1
    return doc[span.start : last] if last > span.end + 1 else None


def conjoined(name: str, start: int) -> list[tuple[str, int, int]]:
    """One span naming two things ("Gazprom and Rosneft") as two names, each with its
    offset and its length in the text; names that are one thing ("Bosnia and
    Herzegovina", "Marks and Spencer", ``data/compound-names.txt``) and anything else as
    it is."""
    if " / " in name:
        # "McCutchan Art Center / Pace Galleries": two names side by side.
        first, joint, second = name.partition(" / ")
        if first[:1].isupper() and second[:1].isupper() and "/" not in second:
            return [
                (first, start, len(first)),
                (second, start + len(first) + len(joint), len(second)),
            ]
    if listed := _comma_list(name, start):
        return listed
    first, joint, second = name.partition(" and ")
    if second.startswith("the ") and second[4:5].isupper():
        # "Parliament and the Council": the second name after its article.
        joint, second = joint + "the ", second[4:]
    subject = _headed_subject(first)
    if (
        not joint
        or " and " in second
        or not (first[:1].isupper() and second[:1].isupper())
        or name.casefold() in COMPOUND_NAMES
        or (
            _ends_in_head(second) and not _ends_in_head(first) and " " in second and subject is None
        )
        or (subject is not None and _shared_complement(subject, second))
    ):
        # "House Science and Technology Committee": the last word heads both halves.
        return [(name, start, len(name))]
    later = (second, start + len(first) + len(joint), len(second))
    head = second.split(" ", 1)
    if first in COMPASS and head[0] in COMPASS and len(head) == 2:
        # "North and South Korea": two names that share their last words; the first is
        # named with the words it shares ("North Korea") and written "North".
        return [(f"{first} {head[1]}", start, len(first)), later]
    return [(first, start, len(first)), later]


def _shared_complement(subject: re.Match[str], second: str) -> bool:
    """Whether "and" joins two words of one name's "of" or "for" phrase ("Ministry of
    Trade and Industry", "School of Oriental and African Studies", "Institute of Economic
    and Social Research"), after an organisation's head (:func:`_headed_subject`): the
    subject is no place ("Bank of England and Barclays"), and the second half a few words
    that name no place, person or company of their own ("University of Texas and Texas
    A&M") and end in no head of their own ("… and Resolution Foundation")."""
    rest = second.split()
    return (
        len(rest) <= SHARED_COMPLEMENT_WORDS
        and not _ends_in_head(second)
        and not any(
            word in STATE_NAMES
            or word in country_names()
            or word.lower() in FIRST_NAMES
            or ACRONYM_WORD.fullmatch(word)
            for word in (*subject["subject"].split(), *rest)
        )
    )


def _headed_subject(name: str) -> re.Match[str] | None:
    """Where a name ends in an organisation's head and its subject ("Institute for Fiscal
    Studies", "Ministry of Trade"): the head and subject found, or ``None``."""
    match = SUBJECT_PHRASE.search(name)
    if match and (
        match["head"].lower() in load_words("org-heads.txt") or match["head"] in SUBJECT_HEADS
    ):
        return match
    return None


def _comma_list(name: str, start: int) -> list[tuple[str, int, int]]:
    """A span that lists one-word names ("Elliott, Bramble, Bernard", "Rowntree, Shaw"),
    each name with its offset and length; ``[]`` for anything else, a town and its
    state ("Boulder, Colorado") and a company's suffix ("Coinbase Global, Inc") among
    them."""
    pieces = [(m.group(), m.start()) for m in LIST_PIECE.finditer(name)]
    rebuilt = ", ".join(piece for piece, _ in pieces)
    # The model's span may end on the list's next comma: "Elliott, Bramble,".
    if len(pieces) < 2 or rebuilt != name.rstrip(", ").replace(", and ", ", "):
        return []
    if pieces[-1][0] in STATE_NAMES or pieces[-1][0].rstrip(".").lower() in COMPANY_SUFFIXES:
        return []
    return [(piece, start + at, len(piece)) for piece, at in pieces]


def _ends_in_head(name: str) -> bool:
    """Whether a name's last word is an organisation's or a place's ("Museum", "Council",
    "Union"): one its first words can share."""
    last = name.split()[-1].lower()
    return (
        last in load_words("org-heads.txt")
        or last in load_words("place-heads.txt")
        or last in SHARED_HEADS
    )


def sentence_index(starts: list[int], offset: int) -> int:
    """The index of the sentence that holds ``offset``."""
    low, high = 0, len(starts)
    while low < high:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle + 1
        else:
            high = middle
    return max(low - 1, 0)


def starts_sentence(
    text: str, sentences: Sequence[tuple[int, int]], sentence: int, start: int
) -> bool:
    """Whether ``start`` is the sentence's first word (after any opening quote)."""
    if not sentences:
        return False
    lead = text[sentences[sentence][0] : start]
    return not re.sub(rf"[{re.escape(OPENING_PUNCTUATION)}\s]", "", lead)
