"""Who is a person: the evidence a text gives around a name, and names glued to what
stands before them.

The model reads "Secretary of State Rex Tillerson" as the organisation "State Rex
Tillerson", "NASA Bill Ingalls" as one organisation, and "Dean Kamen" as an
organisation where it saw "the Kamen foundation". What says a name is a person's: a
first name from ``data/first-names.txt``, a title or role before it ("President",
"Defense Secretary", ``data/roles.txt``). Not a verb of saying after it: "Washington
said" and "Boeing said" are a government and a company.
What does not say it is an organisation's: an attributive use ("the Trump
administration"), a possessive ("Trump's aides"), a role after it ("WorldCom chief
Bernie Ebbers": not a person's either).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..reading.sentences import is_abbreviation
from ..wordlists import country_names, load_words, more_given_names

# Common given names, kept by hand: enough alone ("Gordon" folds into "Gordon Brown").
FIRST_NAMES = load_words("first-names.txt")
# Given names from many countries (``bench/first_names.py``): evidence only before a word
# that can be a surname ("Aurelien Rougerie", not "Tate Britain" or "Jackson Five").
MORE_FIRST_NAMES = more_given_names()
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
ROLES = load_words("roles.txt")
PERSONAL_TITLES = load_words("personal-titles.txt")
# Nouns a company's name stands after: "energy giant Gazprom"; not "publisher", which is
# also a person's trade.
ORGANISATION_NOUNS = load_words("org-nouns.txt") - {"publisher"}
# ... and those also said of a person, who has a first name: "Hollywood giant Steven
# Spielberg", "film maker Mike Leigh", "fellow broadcaster Michael Pointon".
SAID_OF_PEOPLE = frozenset({"giant", "maker", "broadcaster"})
# After a name, a noun that makes it a modifier: "the Trump administration".
ATTRIBUTIVE_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:administration|government|campaign|presidency|era|team|family|estate"
    r"|foundation|white house|cabinet|camp|supporters|aides|allies|loyalists|regime|doctrine"
    r"|years|tower|hotel|organization|organisation|brand|trust|show|tweets?)\b)",
    re.IGNORECASE,
)
# The word after a name, when it is written in lower case: "WorldCom chief …".
ROLE_AFTER = re.compile(r"^ (?P<word>[a-z][a-z-]+)\b")
# What is said of a person just after the name: an age ("Valeska Paris, 33,"), or "a
# man", "an Australian woman", "the mother of two".
PERSON_APPOSITIVE = re.compile(
    r"^,\s(?:aged\s)?\d{1,2},|^,\s(?:a|an|the)(?:\s[\w-]+){0,3}?\s(?:man|woman|boy|girl|mother"
    r"|father|son|daughter|wife|husband|widow|widower|grandmother|grandfather|teenager"
    r"|pensioner|mum|dad)\b"
)
# An article just before a name: people are rarely "the X" or "an X".
DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an)\s*$", re.IGNORECASE)
# A name in a list between two people's names: "Chuck Close, Walker Evans, Robert
# Mapplethorpe", "Johnny Depp, Cate Blanchett and Leonardo DiCaprio" (a person's whose
# first name the table does not know).
LISTED_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}),\s*$")
LISTED_AFTER = re.compile(
    r"^(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\b"
)
DETERMINER_OPENING = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
# An initial and a surname, as team sheets and lists of credits write people: "K Morgan",
# "J. Yapp". Not "A" or "I", which are words.
INITIAL_AND_SURNAME = re.compile(r"^(?![AI]\s)(?:[A-Z]\.?\s){1,2}[A-Z][a-z][\w'’-]*$")
# Initials before a name: "L. Ron Hubbard".
LEADING_INITIALS = re.compile(r"^(?:[A-Z]\.\s){1,2}(?=[A-Z])")
NAME_TOKEN = re.compile(r"^(?=[^\W\d_])[\w'’.-]*$")
# The last word of an organisation's or a place's name, never of a person's:
# "Melinda Gates Foundation" is not the person "Melinda Gates Foundation".
NOT_A_SURNAME = frozenset(
    {
        "foundation", "institute", "university", "college", "school", "center", "centre",
        "hospital", "museum", "trust", "fund", "council", "committee", "association",
        "society", "club", "party", "church", "award", "awards", "prize", "stadium", "airport",
        "street", "avenue", "road", "bridge", "park", "hall", "house", "tower", "building",
        "hotel", "company", "group", "library", "theatre", "theater", "festival", "show",
        "county", "island", "islands",
    }
)  # fmt: skip
MAX_NAME_TOKENS = 3
INITIAL = re.compile(r"[A-Z]\.")
ROLE_WORDS = 5
ROLE_REACH = 40
# Roles that qualify any noun, not only a person: "former Yukos boss", "the former
# Soviet Union", "acting Labour leader".
LOOSE_ROLES = frozenset({"former", "acting"})
# Words that open a sentence or a clause before a role, and are no part of it: "But Home
# Secretary", "And WMC chief executive", "Meanwhile Lib Dem leader".
SENTENCE_OPENERS = frozenset(
    {
        "but", "and", "or", "so", "now", "then", "yet", "meanwhile", "also", "however",
        "still", "while", "when", "after", "before", "as", "if", "though", "although",
        "because", "since", "until", "where", "whereas", "the", "a", "an", "his", "her",
        "their", "its", "our", "this", "that", "these", "those",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Split:
    """A span cut in two: ``prefix`` (an organisation or place, or the person's role) and
    the person's name from ``offset`` on."""

    offset: int
    prefix: str
    prefix_is_role: bool


def is_name_token(word: str) -> bool:
    """A capitalised word: "Łukasz", "O'Neill", "Jae-in"."""
    return bool(NAME_TOKEN.match(word)) and word[0].isupper()


def is_role(word: str) -> bool:
    return word.lower().strip(".,") in ROLES


def looks_like_person(name: str) -> bool:
    """``Dean Kamen``: two or three capitalised words, the first a known first name."""
    tokens = name.split()
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS or not all(map(is_name_token, tokens)):
        return False
    first = tokens[0].lower()
    return first in FIRST_NAMES or (first in MORE_FIRST_NAMES and can_be_surname(tokens[-1]))


def can_be_surname(word: str) -> bool:
    """Not a country, a number, or the last word of an organisation's or a place's name."""
    return word.casefold() not in _not_surnames()


@functools.cache
def _not_surnames() -> frozenset[str]:
    heads = load_words("org-heads.txt") | load_words("place-heads.txt")
    return NOT_A_SURNAME | NUMBER_WORDS | heads | country_names()


def split_person(text: str, before: str) -> Split | None:
    """Where a span turns into a person's name after something else: "NASA Bill Ingalls",
    "Defense Secretary James Mattis", "State Rex Tillerson" (after "Secretary of")."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    for k in range(1, len(tokens)):
        offset, first = tokens[k]
        if all(INITIAL.fullmatch(token) for _, token in tokens[:k]):
            continue  # "L. Ron Hubbard", "J. K. Rowling": initials are the name's own
        name = [token for _, token in tokens[k:]]
        if not 1 <= len(name) <= MAX_NAME_TOKENS or not all(is_name_token(t) for t in name):
            continue
        if name[-1].lower().strip("'’s") in NOT_A_SURNAME:
            return None
        after_role = is_role(tokens[k - 1][1])
        # "Mary Ann Smith": a first name after a first name is still one person's name.
        double_first = tokens[k - 1][1].lower() in FIRST_NAMES
        if not (
            after_role or (len(name) >= 2 and first.lower() in FIRST_NAMES and not double_first)
        ):
            continue
        prefix = text[:offset].strip()
        role_before = before.rstrip().endswith((" of", " for")) or is_role(
            (before.split() or [""])[-1]
        )
        return Split(offset, prefix, after_role or role_before)
    return None


def role_phrase(before: str, prefix: str = "") -> str:
    """The title or role written just before a name: "Secretary of State" (from "… said
    Secretary of" and the span's "State"), "Defense Secretary", "President"; or ""."""
    tokens = f"{before} {prefix}".split()
    phrase: list[str] = []
    for token in reversed(tokens[-ROLE_WORDS:]):
        if (
            token.endswith((",", ";", ":", "(", ")"))
            or _ends_sentence(token)
            or not (is_role(token) or token == "of" or is_name_token(token))
        ):
            break
        phrase.insert(0, token)
    while phrase and (
        phrase[0] == "of"
        or phrase[0].lower() in SENTENCE_OPENERS
        or not is_role(phrase[0])
        and not is_name_token(phrase[0])
    ):
        phrase.pop(0)
    while phrase and phrase[-1].lower().rstrip(".") in PERSONAL_TITLES:
        phrase.pop()  # "Manchester United manager Sir": the title is the name's
    return " ".join(phrase) if any(is_role(token) for token in phrase) else ""


def _ends_sentence(token: str) -> bool:
    """A word with the full stop that ends a sentence ("… at the Olympic Stadium. ARU chief
    executive …"), not an abbreviation's ("Gen.", "Lt.") or an initial's ("U.S.")."""
    return token.endswith((".", "!", "?")) and not is_abbreviation(token.rstrip("!?"))


def evidence(before: str, after: str, text: str) -> str:
    """``"person"`` when the words around a name say it is a person's (a role or a title
    before it, a first name), ``"organisation"`` after a company's noun ("oil firm
    Yukos"), ``"attributive"`` when they use it as a modifier (no vote for a type),
    ``"determined"`` after an article ("the", "an": not a person's), else ``""``."""
    if ATTRIBUTIVE_AFTER.match(after):
        return "attributive"
    if DETERMINER_BEFORE.search(before) or DETERMINER_OPENING.match(text):
        # "the Lib Dems", "an Oscar": not a person's; "the Tom Cruise video": a modifier.
        return "attributive" if looks_like_person(text) else "determined"
    if _before_a_role(after):
        return "attributive"
    words_before = before[-ROLE_REACH:].split()
    last = words_before[-1] if words_before else ""
    # Not "said" after it: places and companies say things too ("Washington said").
    if is_role(last) and last.lower() not in LOOSE_ROLES:
        return "person"
    if last.lower().rstrip(".") in PERSONAL_TITLES and last[:1].isupper():
        return "person"  # "Mr Kilroy-Silk", the title outside the model's span
    if last in ORGANISATION_NOUNS and not (last in SAID_OF_PEOPLE and looks_like_person(text)):
        # "energy giant Gazprom", "oil firm Yukos", "band Franz Ferdinand"
        return "organisation"
    named = LEADING_INITIALS.sub("", text)
    if looks_like_person(named) and named.split()[-1].lower() not in NOT_A_SURNAME:
        return "person"
    if INITIAL_AND_SURNAME.match(text):
        return "person"
    if PERSON_APPOSITIVE.match(after):
        return "person"  # "Valeska Paris, 33, …", "…, an Australian woman and …"
    if _listed_among_people(before, after, text):
        return "person"
    return ""


def _before_a_role(after: str) -> bool:
    """A name just before a role, written in lower case: "WorldCom chief Bernie Ebbers",
    "Labour leader Tony Blair": the name of whom the role is, not a person's."""
    match = ROLE_AFTER.match(after)
    return bool(match) and is_role(match.group("word"))


def _listed_among_people(before: str, after: str, text: str) -> bool:
    """A two- or three-word name with a person's name on each side in a list."""
    tokens = text.split()
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS or not all(map(is_name_token, tokens)):
        return False
    previous, following = LISTED_BEFORE.search(before), LISTED_AFTER.match(after)
    return bool(
        previous
        and following
        and looks_like_person(previous.group("name"))
        and looks_like_person(following.group("name"))
    )
