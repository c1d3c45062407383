"""One entity per real thing: names cleaned, aliases and surnames folded, types voted.

Works over the whole corpus at once, because the evidence is spread across it:
"Erdogan" in one article is "Recep Tayyip Erdogan" in another, and a name the
model once calls a place is a person in its other twenty mentions.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ENTITY_TYPES, Entity, EntityType, Mention, RawExtraction
from ..wordlists import country_names, load_lines, load_words
from .mentions import COMPANY_SUFFIXES, COMPASS, STATE_NAMES
from .nlp import designator_pattern
from .people import (
    FIRST_NAMES,
    MORE_FIRST_NAMES,
    NOT_A_SURNAME,
    ROLES,
    is_name_token,
    looks_like_person,
)

# Tie-break for the type vote: a designator rule outranks the model.
PERSON_EVIDENCE = 3
EVIDENCE_TYPES: dict[str, EntityType] = {
    "person": "PERSON",
    "place": "PLACE",
    "organisation": "ORG",
}
# Evidence of one kind only, this often, decides a name's type, whatever the model's labels
# ("energy giant Gazprom" five times, and the model's PLACE thirty): a company's noun or a
# list of places before a name. The words around a person's name are less sure ("Chelsea
# said"), and outweigh the model only three to one.
DECISIVE_EVIDENCE = {"place": 2, "organisation": 2}
# A name the model calls a person's is borne out when this share of its mentions shows a
# person's evidence ("oil firm Yukos" once in a hundred does not).
PERSON_SUPPORT = 0.1
# ... or, for a name of two words or more, when the model itself calls it a person's this
# often ("Lleyton Hewitt" eight times, a place once in a team sheet); a single word so
# labelled may still be a club or a band ("Everton", "Abba").
PERSON_MAJORITY = 0.8
# ... or so often of the times it is written in full, at least this many times.
WRITTEN_IN_FULL = 2
# A company's legal form ends no person's name ("Leadplex LLC"); "Jr" and "Sr" do.
LEGAL_FORMS = COMPANY_SUFFIXES - {"jr", "sr"}
# A company's initials: "BT", "IBM", "EDF".
ACRONYM = re.compile(r"[A-Z]{2,5}")
# A short organisation name in this many times more articles than the one longer name it
# could stand for is a name of its own (see fold_short_names).
OWN_NAME_SPREAD = 3
# The share of a name's mentions after a work's noun that makes it a title (see
# ``work_titles``).
WORK_SHARE = 0.2
# A journal abbreviation this long is no word alone ("Dermatol", "Immunol"; "Med" is one).
JOURNAL_WORD_CHARS = 6
# Uses that say nothing of what a name is: "Foster's takeover offer", "the Lib Dems".
NEUTRAL_USES = frozenset({"attributive", "determined"})
TYPE_PRIORITY = {name: rank for rank, name in enumerate(("WEAPON", *ENTITY_TYPES))}
EDGE_PUNCTUATION = " \t\"“”‘’'()[]{},;:!?*|/\\–—-®™©"
INNER_POSSESSIVE = re.compile(r"['’]s\s")
# Plural nouns whose possessive is part of a name ("People's Army", "Children's Society").
COLLECTIVE_OWNERS = {
    "people",
    "women",
    "men",
    "children",
    "workers",
    "peoples",
    "citizens",
    "veterans",
    "farmers",
    "teachers",
    "nurses",
    "writers",
    "journalists",
}
# "Brentford v Manchester United" is a match, not a name.
FIXTURE = re.compile(r"\s(?:v|vs)\.?\s")
# A dash or a colon between two names: "Manchester United: Carroll" (a team sheet).
SPACED_DASH = re.compile(r"\s[-–—+]\s|:\s|\s\+$")
POSSESSIVE = re.compile(r"['’]s?$")
FUNCTION_WORDS = frozenset(["of", "the", "and", "for", "in", "on", "at", "to", "a", "an"])
# Words no name ends in: "Instagram as" (of "on Instagram as Priyanka Chopra …").
TRAILING_FUNCTION_WORDS = re.compile(
    rf"(?:\s+(?:{'|'.join(sorted(FUNCTION_WORDS | {'as', 'by', 'with', 'from'}))}))+$"
)
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)")
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][a-z]+\b")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
QUANTITY = re.compile(r"[\d\s.,%$£€¥+-]+\w{0,3}")
INITIAL_SKIP_WORDS = {"of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "on", "in"}
MAX_NAME_WORDS = 8
# A compass point said alone is the rest of a name left unsaid ("the North", "North and
# South Korea"): no place or organisation is named "North" ("North East", a region, is).
COMPASS_POINTS = frozenset({"north", "south", "east", "west"})
# Prepositions the model takes into a name that opens a sentence: "Across Wales", "Inside
# Number 10". None starts a name.
LEADING_PREPOSITIONS = frozenset(
    {"across", "throughout", "inside", "outside", "within", "among", "amongst", "despite",
     "towards", "toward", "beyond", "around", "during", "via", "from"}
)  # fmt: skip
# A prefix that makes a word a stance or a former role: "Pro-Beijing", "Ex-minister".
PREFIXED = re.compile(r"(?:pro|anti|pan|ex|non|post|pre|neo)-\w", re.IGNORECASE)
# A verb's "-ing" form: "Taking", "Entering".
GERUND = re.compile(r"[A-Z][a-z]+ing")
# After a people's name, words that still name the people: "Indigenous Peoples".
PEOPLE_WORDS = frozenset({"people", "peoples", "community", "communities"})


@dataclass(frozen=True, slots=True)
class CanonicalCorpus:
    """Per-article canonical entities, and every surface form seen for each name."""

    entities: tuple[tuple[Entity, ...], ...]
    aliases: Mapping[str, tuple[str, ...]]


@functools.lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """What two spellings of one name share: no case, accents, full stops or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s.'’\-‐‑]+", "", plain.casefold())


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name as :func:`name_key` sees them, for surname matching."""
    return tuple(name_key(word) for word in name.split())


# The words a curation line may use for a type.
TYPE_WORDS: dict[str, EntityType] = {
    "person": "PERSON", "people": "PERSON",
    "organisation": "ORG", "organization": "ORG", "org": "ORG",
    "place": "PLACE", "location": "PLACE",
    "weapon": "WEAPON",
}  # fmt: skip
CURATION_LINE = re.compile(r"(drop|type|split)\s*:\s*(.*)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Curation:
    """What a user has said about names, on top of the rules (all keys are
    :func:`name_key` values): spellings joined into one name, names that are not entities,
    types fixed by hand, and spellings kept apart from any longer name."""

    joins: Mapping[str, str] = field(default_factory=dict)
    drops: frozenset[str] = frozenset()
    types: Mapping[str, EntityType] = field(default_factory=dict)
    apart: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()


def load_curation(extra: Path | None = None) -> Curation:
    """The curation of ``data/aliases.txt`` and of a user's file (whose lines win).

    A line is ``Canonical = alias | alias`` (one entity), ``drop: Name | Name`` (not an
    entity), ``type: Name | Name = person`` (organisation, place, weapon) or
    ``split: Name | Name`` (a spelling that stands for itself: never folded into a
    longer name, nor joined by the alias table). A line that is none of these is kept in
    :attr:`Curation.problems`, with its number, and otherwise ignored.
    """
    lines = [("", 0, line) for line in load_lines("aliases.txt")]
    if extra is not None and extra.is_file():
        text = extra.read_bytes().decode("utf-8-sig", errors="replace")
        lines += [
            (extra.name, number, line.split("#", 1)[0].strip())
            for number, line in enumerate(text.splitlines(), 1)
        ]
    joins: dict[str, str] = {}
    drops: set[str] = set()
    types: dict[str, EntityType] = {}
    apart: set[str] = set()
    problems: list[str] = []
    for source, number, line in lines:
        if not line:
            continue
        command = CURATION_LINE.fullmatch(line)
        verb = command.group(1).lower() if command else "join"
        rest = command.group(2) if command else line
        names, _, value = (part.strip() for part in rest.partition("="))
        keys = [name_key(strip_article(n.strip())) for n in names.split("|") if n.strip()]
        if verb == "join" and keys and value:
            canonical = names.split("|")[0].strip()
            for alias in value.split("|"):
                if alias.strip():
                    keys.append(name_key(strip_article(alias.strip())))
            joins.update(dict.fromkeys(keys, canonical))
        elif verb == "drop" and keys and not value:
            drops.update(keys)
        elif verb == "type" and keys and value.lower() in TYPE_WORDS:
            types.update(dict.fromkeys(keys, TYPE_WORDS[value.lower()]))
        elif verb == "split" and keys and not value:
            apart.update(keys)
        else:
            problems.append(f"{source}, line {number}: not understood: {line!r}")
    for key in apart:
        joins.pop(key, None)
    return Curation(joins, frozenset(drops), types, frozenset(apart), tuple(problems))


def strip_article(name: str) -> str:
    """``the United States`` -> ``United States``."""
    return re.sub(r"^(?:the|The|THE)\s+", "", name)


@functools.lru_cache(maxsize=262144)
def surface_form(text: str) -> str:
    """A mention as a reader would name it: no edge punctuation, article or possessive."""
    text = " ".join(text.split())
    text = SPACED_DASH.split(text, maxsplit=1)[0]
    # "Bank of England's Monetary Policy Committee": the owner is the name; but in "the
    # Korean People's Army" or "Women's Institute" the possessive is part of it.
    owner = INNER_POSSESSIVE.split(text, maxsplit=1)
    if len(owner) > 1 and owner[0].split()[-1].lower() not in COLLECTIVE_OWNERS:
        text = owner[0]
    text = strip_article(text.strip(EDGE_PUNCTUATION))
    first, _, rest = text.partition(" ")
    if rest and first.lower() in LEADING_PREPOSITIONS:
        text = rest  # "Across Wales", opening a sentence
    text = text[:-1] if text.endswith("s'") else POSSESSIVE.sub("", text)
    text = text.strip(EDGE_PUNCTUATION)
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1]
    if text.count("(") > text.count(")"):
        # "World Health Organisation (WHO": the span ran into a bracket it did not close.
        text = text[: text.rindex("(")].strip(EDGE_PUNCTUATION)
    # "Francesca Schiavone of", "Office of the", "Scientology on French": the span ran on
    # into the next words (a nationality's adjective after a function word is one).
    text = TRAILING_FUNCTION_WORDS.sub("", text)
    words = text.split()
    if len(words) > 2 and words[-2] in FUNCTION_WORDS and _is_group(words[-1]):
        text = TRAILING_FUNCTION_WORDS.sub("", " ".join(words[:-1]))
    return text


def entity_name(mention: Mention) -> tuple[str, EntityType] | None:
    """The mention's name and type with titles and generic words dropped; ``None`` if junk."""
    return clean_name(mention.text, mention.label)


@functools.lru_cache(maxsize=262144)
def clean_name(text: str, label: EntityType) -> tuple[str, EntityType] | None:
    """:func:`entity_name` for a surface and label; the same few names recur corpus-wide."""
    words = surface_form(text).split()
    titled = len(words) > 1 and words[0].lower().rstrip(".") in load_words("personal-titles.txt")
    if titled:
        # "Mr Balls" is a person whatever the model thought.
        label = "PERSON"
    if len(words) > 1 and PREFIXED.match(words[0]) and words[0].split("-", 1)[1].islower():
        words = words[1:]  # "Pan-democrat Lam Cheuk-ting", "Ex-minister Ed Balls"
    if len(words) == 1 and PREFIXED.match(words[0]):
        return None  # "Pro-Beijing", "Anti-Trump": a stance, not a name
    while (
        label != "WEAPON"
        and len(words) > 1
        and (words[-1].isalpha() and words[-1].islower() or words[-1] == "&")
    ):
        # "George sighs and apologises", "Illinois city", "Associated Press news agency":
        # the span ran on into the words after the name.
        words = words[:-1]
    if _is_group(words[0]) and (len(words) == 1 or " ".join(words[1:]).lower() in PEOPLE_WORDS):
        # "Welsh", "Britons", "Muslims", "Islam", "Indigenous Peoples": a people or a faith.
        return None
    if _is_journal_title(words):
        # "Br J Dermatol", "N Engl J Med": a journal cited, not a name of the site's types.
        return None
    if label != "WEAPON" and _is_event_name(words):
        # "Google Science Fair", "Operation Clambake": an event or a vehicle.
        return None
    if (
        label == "PERSON"
        and len(words) == 1
        and words[0].lower() in load_words("platform-sites.txt")
    ):
        # "Twitter gave Mohamed…": a platform's name is a company's, not a person's.
        label = "ORG"
    person = (
        label == "PERSON"
        and looks_like_person(" ".join(words))
        and words[-1].lower() not in NOT_A_SURNAME
    )
    if (label in ("ORG", "PERSON") and words and _is_place_name(words) and not person) or (
        label == "ORG" and _is_country(words)
    ):
        # "Adler Planetarium", "Museum of Flight", "the White House": a building or site
        # ("Michael Bay" and "Ben Castle", with a first name, are people).
        # A country the model took for an organisation (its team, its government) is
        # shown as the place ("Jordan" taken for a person may be Michael Jordan).
        label = "PLACE"
    elif label in ("PERSON", "PLACE") and words and _is_org_name(words):
        # "House Armed Services Committee", "Manchester United", "Senate".
        label = "ORG"
    if label == "PERSON":
        honorifics = load_words("honorifics.txt") | load_words("personal-titles.txt")
        while len(words) > 1 and words[0].lower().rstrip(".") in honorifics:
            words = words[1:]
    if label == "WEAPON":
        nouns = load_words("weapon-nouns.txt")
        while len(words) > 1 and words[-1].lower() in nouns:
            words = words[:-1]
        words[-1:] = [singular_weapon(words[-1])] if words else []
    name = " ".join(words)
    return None if is_junk(name, label, titled=titled) else (name, label)


def _is_country(words: list[str]) -> bool:
    """A country's or territory's English name (Babel): "Slovakia", "Mauritius"."""
    return " ".join(words).casefold() in country_names()


def _is_group(word: str) -> bool:
    """A nationality, a people or a faith (``data/groups.txt``), or its plural; or a
    country's people by the shape of the word ("Antiguan", "Belizean")."""
    key = word.casefold().replace("’", "'").removesuffix("'s")
    groups = _group_words()
    return key in groups or (key.endswith("s") and key[:-1] in groups)


@functools.cache
def _group_words() -> frozenset[str]:
    return load_words("groups.txt") | _demonyms()


@functools.cache
def _demonyms() -> frozenset[str]:
    """Words for a country's people made from its name the regular ways: Kenya-n,
    Belize-an, Brazil-ian, Japan-ese, Pakistan-i, Mexic(o)-an, Malt(a)-ese. A name of two
    countries joined by "&" gives each ("Antigua & Barbuda": "Antiguan")."""
    stems = set()
    for name in country_names():
        parts = name.split(" & ") if " & " in name else [name]
        stems.update(part for part in parts if part.isalpha())
    endings = ("n", "an", "ian", "ese", "i")
    return frozenset(
        form
        for stem in stems
        for form in (
            *(stem + ending for ending in endings),
            *(stem[:-1] + ending for ending in ("an", "ian", "ese")),
        )
    )


def _is_place_name(words: list[str]) -> bool:
    """A building's or site's name: its last word (or, in "Museum of Flight", its first)
    is a word like "Museum", "Stadium", "Base"; or it is the White House."""
    heads = load_words("place-heads.txt")
    if len(words) < 2:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower() in heads or " ".join(words).lower() == "white house"


def _is_journal_title(words: list[str]) -> bool:
    """A journal's abbreviated title (``data/journal-abbreviations.txt``): two words or
    more, each an abbreviation or a single capital, one at least an abbreviation; or one
    abbreviation no word is spelt like ("Immunol", not "Med")."""
    keys = [word.rstrip(".").lower() for word in words]
    abbreviations = load_words("journal-abbreviations.txt")
    if len(keys) == 1:
        return keys[0] in abbreviations and len(keys[0]) >= JOURNAL_WORD_CHARS
    shorts = [key for key in keys if key in abbreviations and len(key) > 1]
    return bool(shorts) and all(key in shorts or len(key) == 1 for key in keys)


def _is_event_name(words: list[str]) -> bool:
    """An event's, an operation's or a vehicle's name (``data/event-names.txt``): its
    last word is one like "Fair" or "Championship", or it opens like "Operation …"."""
    if len(words) < 2:
        return False
    heads, openers = _event_words()
    lowered = [word.lower() for word in words]
    return lowered[-1] in heads or any(
        lowered[: len(opener)] == list(opener) and len(words) > len(opener) for opener in openers
    )


@functools.cache
def _event_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    heads: set[str] = set()
    openers: list[tuple[str, ...]] = []
    for line in load_lines("event-names.txt"):
        kind, *rest = line.lower().split()
        if kind == "head":
            heads.update(rest)
        elif kind == "opens" and rest:
            openers.append(tuple(rest))
    return frozenset(heads), tuple(openers)


def _is_org_name(words: list[str]) -> bool:
    """An organisation's name: its last word (or, in "Ministry of Defence", the word before
    "of") is a word like "Committee", "Party", "United" (``data/org-heads.txt``)."""
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower().strip(".") in load_words("org-heads.txt")


def singular_weapon(word: str) -> str:
    """``S-400s`` -> ``S-400``, ``Patriots`` -> ``Patriot``; anything else unchanged."""
    if not word.endswith("s"):
        return word
    named = {line for line in load_lines("weapon-names.txt")}
    if word[:-1] in named or re.match(designator_pattern(), word) and word[-2].isdigit():
        return word[:-1]
    return word


# Roles that are also surnames: "Mervyn King", "John Major", "Erik Prince".
ROLE_SURNAMES = frozenset(
    {"king", "bishop", "judge", "major", "marshal", "pope", "prince", "sheriff"}
)
# "al-Qaeda", "al-Assad": a name that starts with the Arabic article in lower case.
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|an)-[A-Z]")


def _named_person(words: Sequence[str], label: EntityType) -> bool:
    """A person's name that ends in a role's word: a first name or a personal title opens
    it, or the model's person ends in a role that is also a surname ("Mervyn King")."""
    if len(words) < 2:
        return False
    first = words[0].lower().rstrip(".")
    if first in FIRST_NAMES or first in load_words("personal-titles.txt"):
        return True
    return label == "PERSON" and words[-1].lower() in ROLE_SURNAMES


# A sentence's end inside a name: not an initial's full stop ("L. Ron Hubbard", "George W. Bush").
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])\.\s|[!?]\s")


def is_junk(name: str, label: EntityType, *, titled: bool = False) -> bool:
    """Names that never are entities: quantities, menu words, fragments, lower-case text;
    ``titled``: the name came after a personal title ("Mr King")."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return True
    if label != "WEAPON" and (sum(char.isalpha() for char in name) < 2 or QUANTITY.fullmatch(name)):
        return True
    if not (name[0].isupper() or name[0].isdigit() or ARABIC_ARTICLE.match(name)):
        return True
    if SENTENCE_BREAK.search(name) or '"' in name or FIXTURE.search(name) or "_" in name:
        return True  # "_": a program's word ("PACKAGE_NAME"), no name's
    last = words[-1].lower().strip(".")
    if (
        label != "WEAPON"
        and (last in ROLES or (last.endswith("s") and last[:-1] in ROLES - ROLE_SURNAMES))
        and not (titled or _named_person(words, label))
    ):
        # "State Department Spokesperson", "NASA Administrator", "Police Officers": a title,
        # not a name; but "Mr King", "Mervyn King" and "John Major" are people.
        return True
    if label != "PERSON" and len(words) == 1 and name_key(name) in COMPASS_POINTS:
        return True  # "the North retaliated": not a name alone (but "Kanye West" is "West")
    return name_key(name) in load_words("not-names.txt")


def acronyms(extractions: Sequence[RawExtraction], texts: Sequence[str]) -> dict[str, str]:
    """``North Atlantic Treaty Organization (NATO)``: acronym key -> full name."""
    found: dict[str, str] = {}
    for extraction, text in zip(extractions, texts, strict=True):
        for mention in extraction.mentions:
            match = ACRONYM_AFTER.match(text, mention.end)
            named = entity_name(mention)
            if match and named and initials(named[0]) == match.group(1).replace("&", ""):
                found.setdefault(name_key(match.group(1)), named[0])
    return found


def initials(name: str) -> str:
    """``North Atlantic Treaty Organization`` -> ``NATO``."""
    words = [word for word in re.split(r"[\s-]+", name) if word.lower() not in INITIAL_SKIP_WORDS]
    return "".join(word[0].upper() for word in words if word[:1].isalpha())


@dataclass(slots=True)
class Named:
    """A mention with its cleaned name, type and (once folded) canonical key."""

    mention: Mention
    name: str
    label: EntityType
    key: str
    # A surname of a person the article names in full (see ``surnames_of_people``).
    surname: bool = False


def canonicalise(
    extractions: Sequence[RawExtraction],
    texts: Sequence[str],
    curation: Curation,
) -> CanonicalCorpus:
    """Fold every article's raw mentions into canonical entities, corpus-wide, as the
    rules and then the user's ``curation`` say."""
    found_acronyms = acronyms(extractions, texts)
    table = {
        **{k: v for k, v in found_acronyms.items() if k not in curation.apart},
        **curation.joins,
    }
    counts = word_counts(texts)
    articles: list[list[Named]] = []
    for extraction, text in zip(extractions, texts, strict=True):
        named = []
        for mention in extraction.mentions:
            found = entity_name(mention)
            if found is not None:
                spelled = drop_leading_word(found[0], counts) if found[1] == "PERSON" else found[0]
                name = table.get(name_key(spelled), spelled)
                if not {name_key(name), name_key(spelled)} & curation.drops:
                    named.append(Named(mention, name, found[1], name_key(name)))
        surnames = surnames_of_people(named, text)
        for item in named:
            item.surname = name_key(item.name) in surnames
        articles.append(named)

    keep = supported_names(articles, counts) | (curation.types.keys() - curation.drops)
    keep -= work_titles(articles) - curation.types.keys()
    articles = [
        [n for n in named if n.key in keep and n.mention.evidence != "work"] for named in articles
    ]
    # Both fold people into people of the same type: one vote serves them.
    people_types = {**vote_types(articles), **curation.types}
    fold_middle_initials(articles, people_types, curation.apart)
    fold_short_forms(articles, people_types, curation.apart)
    fold_country_prefixes(articles, curation.apart)
    fold_short_names(articles, {**vote_types(articles), **curation.types}, curation.apart)
    fold_towns(articles, {**vote_types(articles), **curation.types}, curation.apart)
    display = display_names(articles, set(curation.joins.values()))
    types = {**countries_as_places(vote_types(articles), display), **curation.types}

    aliases: dict[str, set[str]] = defaultdict(set)
    result: list[tuple[Entity, ...]] = []
    for named in articles:
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for item in named:
            grouped[item.key].append(item.mention)
            aliases[display[item.key]].add(surface_form(item.mention.text))
        entities = [
            Entity(display[key], types[key], tuple(sorted(mentions, key=lambda m: m.start)))
            for key, mentions in grouped.items()
        ]
        entities.sort(key=lambda e: (ENTITY_TYPES.index(e.type), -len(e.mentions), e.name))
        result.append(tuple(entities))
    return CanonicalCorpus(
        tuple(result),
        {name: tuple(sorted(forms - {name})) for name, forms in sorted(aliases.items())},
    )


@dataclass(frozen=True, slots=True)
class WordCounts:
    """How often the corpus writes a word in lower case, and capitalised mid-sentence."""

    lower: Counter[str]
    capitalised: Counter[str]

    def is_common(self, word: str) -> bool:
        """Written in lower case at least ten times as often as capitalised mid-sentence."""
        word = word.lower()
        return self.lower[word] >= 3 and self.capitalised[word] * 10 < self.lower[word]


def word_counts(texts: Sequence[str]) -> WordCounts:
    """Counts the evidence :func:`supported_names` weighs."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for text in texts:
        lower.update(LOWER_WORD.findall(text))
        capitalised.update(word.lower() for word in MID_SENTENCE_CAPITAL.findall(text))
    return WordCounts(lower, capitalised)


def drop_leading_word(name: str, counts: WordCounts) -> str:
    """``Sprinter Kelly Holmes`` -> ``Kelly Holmes``: a lower-case word is not a first name.
    Nor is a verb's "-ing" form before a single name, the model's span taking in the word
    before it ("Taking Archie"). A plural's "-s" ends first names too ("Miles Davis"), and
    "Will Smith" stays."""
    words = name.split()
    while len(words) > 2 and counts.is_common(words[0]):
        words = words[1:]
    if (
        len(words) == 2
        and counts.is_common(words[0])
        and GERUND.fullmatch(words[0])
        and words[0].lower() not in FIRST_NAMES
        and words[0].lower() not in MORE_FIRST_NAMES
    ):
        words = words[1:]
    return " ".join(words)


def supported_names(articles: Sequence[Sequence[Named]], counts: WordCounts) -> set[str]:
    """Keys of names the corpus supports as names.

    Dropped: a name seen only in subheadings (a headline fragment), and a
    single capitalised word the corpus mostly writes in lower case ("Sooner"
    opening a sentence, "Education" in a job title).
    """
    in_prose: set[str] = set()
    spelled: dict[str, str] = {}
    for named in articles:
        for item in named:
            spelled.setdefault(item.key, item.name)
            if not item.mention.in_heading:
                in_prose.add(item.key)
    keep = set()
    for key in in_prose:
        name = spelled[key]
        word = name.lower()
        if " " not in name and not name.isupper() and counts.lower[word] > counts.capitalised[word]:
            continue
        keep.add(key)
    return keep


def vote_types(articles: Sequence[Sequence[Named]]) -> dict[str, EntityType]:
    """Each name's type: the label most of its mentions carry, across the corpus, weighed by
    evidence. A mention the text shows to be a person's ("President X", "X said", a first
    name) votes PERSON three times over; an attributive one ("the X administration",
    "X's") does not vote, unless no mention of the name does, nor does a name of a list
    the model labelled as one name ("Clichy, Lupoli"); the model's PERSON label
    does not vote for a name the corpus does not bear out as a person's
    (:func:`_unsupported_people`).

    A short name folded into a full name the text shows to be a person's ("Alley" into
    "Kirstie Alley", after a first name) votes only with the evidence around it: the
    model's label on a surname alone is a guess ("Alley has been in many popular TV
    shows" was an organisation's forty times). Into a full name with no such evidence
    ("Forest" into "Nottingham Forest") its labels still vote."""
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    plain: dict[str, Counter[EntityType]] = defaultdict(Counter)
    people = {
        item.key
        for named in articles
        for item in named
        if item.mention.evidence == "person" and not _folded(item)
    }
    borrowed = {
        id(item) for named in articles for item in named if item.key in people and _folded(item)
    }
    own = [[item for item in named if id(item) not in borrowed] for named in articles]
    unsupported = _unsupported_people(own)
    company_codes = _company_codes(own)
    listed: dict[str, Counter[EntityType]] = defaultdict(Counter)
    told: dict[str, Counter[str]] = defaultdict(Counter)  # the kinds of evidence, counted
    for named in articles:
        for item in named:
            evidence = item.mention.evidence
            (listed if evidence == "listed" else plain)[item.key][item.label] += 1
            if evidence in EVIDENCE_TYPES and item.label != "WEAPON":
                told[item.key][evidence] += 1
            if item.label == "PLACE" and item.key in company_codes:
                continue
            if evidence == "person" and item.label != "WEAPON":
                votes[item.key]["PERSON"] += PERSON_EVIDENCE
            elif evidence == "place":
                # "cities including Cardiff, Bangor and Wrexham"
                votes[item.key]["PLACE"] += PERSON_EVIDENCE
            elif evidence == "organisation" and item.label != "WEAPON":
                # "energy giant Gazprom", "oil firm Yukos"
                votes[item.key]["ORG"] += PERSON_EVIDENCE
            elif id(item) in borrowed:
                continue
            elif evidence == "determined" and item.label == "PERSON":
                # "the Lib Dems": the model's PERSON is not borne out; an organisation's.
                votes[item.key]["ORG"] += 1
            elif item.label == "PERSON" and item.key in unsupported:
                continue
            elif evidence not in ("attributive", "listed"):
                votes[item.key][item.label] += 1
    votes = {key: votes.get(key) or plain.get(key) or listed[key] for key in plain | listed}
    decided = {
        key: EVIDENCE_TYPES[kind]
        for key, kinds in told.items()
        if len(kinds) == 1
        and (kind := next(iter(kinds))) in DECISIVE_EVIDENCE
        and kinds[kind] >= DECISIVE_EVIDENCE[kind]
    }
    return {
        key: decided.get(key)
        or min(counts, key=lambda label: (-counts[label], TYPE_PRIORITY[label]))
        for key, counts in votes.items()
    }


def countries_as_places(
    types: Mapping[str, EntityType], display: Mapping[str, str]
) -> dict[str, EntityType]:
    """``types`` with a country the vote made an organisation the place: its initials,
    folded in, were the organisation's ("the British Virgin Islands" and "BVI")."""
    return {
        key: "PLACE" if kind == "ORG" and _is_country(display[key].split()) else kind
        for key, kind in types.items()
    }


def _folded(item: Named) -> bool:
    """A mention folded into a longer name than its own."""
    return item.key != name_key(item.name)


def _company_codes(articles: Sequence[Sequence[Named]]) -> set[str]:
    """Initials the model takes for a place in some sentences and for an organisation in
    others ("BT is offering customers…", "BT's research unit"): a company's, whose place
    labels do not vote. Not initials the alias table joins ("US", "UK")."""
    labels: dict[str, set[EntityType]] = defaultdict(set)
    for named in articles:
        for item in named:
            if ACRONYM.fullmatch(item.name):
                labels[item.key].add(item.label)
    return {
        key
        for key, found in labels.items()
        if {"PLACE", "ORG"} <= found and key not in _place_codes()
    }


@functools.cache
def _place_codes() -> frozenset[str]:
    """The names the built-in alias table joins ("US", "UK", "EU" among them)."""
    return frozenset(load_curation().joins)


def _unsupported_people(articles: Sequence[Sequence[Named]]) -> set[str]:
    """Names the model calls a person's and the corpus does not bear out: few mentions
    with a person's evidence (a role before it, a first name and a surname), the first word
    no first name, and some mention labelled otherwise ("Yukos", "Glasgow", "Manchester
    United"). Their PERSON labels do not vote; the other labels decide.

    A name of two words or more that the model nearly always calls a person's is one,
    unless its first word alone is a name the model mostly calls an organisation's
    ("Coinbase Pro", a product of the company Coinbase). So is one it calls a person's
    nearly every time it is written in full, twice or more ("Lleyton Hewitt", though
    "Hewitt" alone was a place now and then: the model's label on a surname alone is a
    guess), when each of its words is a name's and none a compass point, a place the
    corpus names ("Glasgow Rangers") or a company's form ("Leadplex LLC")."""
    evidenced: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    said_alone: Counter[str] = Counter()
    alone_as_org: Counter[str] = Counter()
    alone_as_place: Counter[str] = Counter()
    written: Counter[str] = Counter()
    written_as_person: Counter[str] = Counter()
    labels: dict[str, set[EntityType]] = defaultdict(set)
    names: dict[str, str] = {}
    full_names = set()  # a first name and a surname, as a person's would be written
    for named in articles:
        for item in named:
            if len(item.name.split()) > 1:
                full_names.add(item.key)
            # "the Lib Dems": an article before the name says an organisation's.
            determined = item.mention.evidence == "determined"
            labels[item.key].add("ORG" if determined else item.label)
            mentions[item.key] += 1
            names.setdefault(item.key, item.name)
            evidenced[item.key] += item.mention.evidence == "person" or item.surname
            as_person[item.key] += item.label == "PERSON" and not determined
            # A word's own labels, wherever its mentions were folded ("Coinbase" into
            # "Coinbase Pro").
            if " " not in item.name:
                said_alone[name_key(item.name)] += 1
                alone_as_org[name_key(item.name)] += item.label == "ORG"
                alone_as_place[name_key(item.name)] += item.label == "PLACE"
            if not _folded(item):
                written[item.key] += 1
                written_as_person[item.key] += item.label == "PERSON" and not determined
    companies = {key for key, count in said_alone.items() if 2 * alone_as_org[key] > count}
    places = {key for key, count in said_alone.items() if 2 * alone_as_place[key] > count}

    def first_word(key: str) -> str:
        return next(iter(names[key].split()), "")

    def person_shaped(name: str) -> bool:
        words = name.split()
        return (
            all(map(is_name_token, words))
            and words[0] not in COMPASS
            and not any(name_key(word) in places for word in words)
            and words[-1].lower().rstrip(".") not in NOT_A_SURNAME | LEGAL_FORMS
        )

    def borne_out_by_model(key: str) -> bool:
        if key not in full_names or name_key(first_word(key)) in companies:
            return False
        return person_shaped(names[key]) and (
            as_person[key] >= PERSON_MAJORITY * mentions[key]
            or written[key] >= WRITTEN_IN_FULL
            and written_as_person[key] >= PERSON_MAJORITY * written[key]
        )

    return {
        key
        for key, found in labels.items()
        if "PERSON" in found
        and len(found) > 1
        and evidenced[key] < PERSON_SUPPORT * mentions[key]
        and not borne_out_by_model(key)
        and first_word(key).lower() not in FIRST_NAMES
    }


def surnames_of_people(named: Sequence[Named], text: str) -> set[str]:
    """The surnames, as keys, of the people an article names in full, with a person's
    evidence (a role before the name, a first name): "Trump" where it names "Donald
    Trump" and "Tiffany Trump" is a person's name, whichever of them it means. The text
    counts too, where the model missed the full name ("Even though Céline Dion is …")."""
    surnames = set()
    for item in named:
        words = item.name.split()
        if (
            len(words) > 1
            and item.label == "PERSON"
            and is_name_token(words[-1])
            and (item.mention.evidence == "person" or words[0].lower() in FIRST_NAMES)
        ):
            surnames.add(name_key(words[-1]))
    alone = {item.name for item in named if item.label == "PERSON" and " " not in item.name}
    for name in sorted(alone):
        if name_key(name) in surnames:
            continue
        pattern = rf"(?<![\w-])([^\W\d_][\w'’-]*)\s+{re.escape(name)}(?![\w-])"
        if any(match.lower() in FIRST_NAMES for match in re.findall(pattern, text)):
            surnames.add(name_key(name))
    return surnames


def fold_short_names(
    articles: Sequence[Sequence[Named]],
    types: Mapping[str, EntityType],
    apart: frozenset[str] = frozenset(),
) -> None:
    """Point short names at the one full name they stand for, same article first.

    A surname folds into a person's full name ("Erdogan" -> "Recep Tayyip
    Erdogan"), even where the model mistyped it, when that person is named in
    the same article; a first name only then. Across the corpus, only a
    surname typed as a person folds, only when one full name fits, and not from an
    article that writes it more often as a place or an organisation. An initial and a
    surname ("G Henson") fold into the one full name with that initial. The
    first word of an organisation folds into its full name ("Lockheed" ->
    "Lockheed Martin") when just one such name exists, and, from another article, only
    when it is not named in far more articles than the full name. Names in ``apart`` never fold.
    """
    index = NameIndex({item.key: name_words(item.name) for named in articles for item in named})
    # "G Henson", as a team sheet writes Gavin Henson: folds on its own (below), and is
    # no full name for "Henson" to fold into.
    initialled = {
        key
        for key, kind in types.items()
        if kind == "PERSON" and len(words := index.words_of.get(key, ())) > 1 and len(words[0]) == 1
    }
    people = {key for key, kind in types.items() if kind == "PERSON"} - initialled
    orgs = {key for key, kind in types.items() if kind == "ORG"}
    spread = Counter(key for named in articles for key in {item.key for item in named})
    for named in articles:
        here = {item.key for item in named}
        capitals = {item.key for item in named if item.name.isupper()}
        elsewhere = _written_as_other_things(named)
        fold: dict[str, str] = {}
        for key in sorted(here - apart):
            words = index.words_of[key]
            if key in initialled:
                full = _spelled_out(words, here & people, index) or _spelled_out(
                    words, people, index
                )
                if full is not None:
                    fold[key] = full
                continue
            full = index.longer(words, here & people, tail=True)
            if (
                full is None
                and types[key] == "PERSON"
                and key not in elsewhere
                and not _is_first_name(words)
            ):
                # Across articles only a surname folds: "Richard" in "Richard and Judy"
                # is not Cliff Richard.
                full = index.longer(words, people, tail=True)
                if full is None:
                    # "Nitoglia" after "L Nitoglia" in a team sheet, and no full name.
                    short = index.longer(words, here & initialled, tail=True) or index.longer(
                        words, initialled, tail=True
                    )
                    full = short and (_spelled_out(index.words_of[short], people, index) or short)
            if full is None and types[key] == "PERSON" and len(words) == 1:
                full = index.longer(words, here & people, tail=False)
            # "AOL" is not short for "AOL Europe": capitals are a name of their own.
            if full is None and types[key] == "ORG" and len(words) == 1 and key not in capitals:
                full = index.longer(words, here & orgs, tail=False)
                wider = index.longer(words, orgs, tail=False) if full is None else None
                if wider is not None and spread[key] <= OWN_NAME_SPREAD * spread[wider]:
                    # Not "Yukos" (26 articles) into "Yukos USA" (3): a name used on its
                    # own far more widely than the longer one is a name of its own.
                    full = wider
            if full is not None:
                fold[key] = full
        for item in named:
            item.key = fold.get(item.key, item.key)


def fold_middle_initials(
    articles: Sequence[Sequence[Named]],
    types: Mapping[str, EntityType],
    apart: frozenset[str] = frozenset(),
) -> None:
    """A person's name and the same name with middle initials are one person ("Michael
    Bloomberg" and "Michael R. Bloomberg"), when the corpus writes that first name and
    surname with one set of initials only (not "George Bush" beside both "George W.
    Bush" and "George H. W. Bush")."""
    people = {
        item.key: name_words(item.name)
        for named in articles
        for item in named
        if types.get(item.key) == "PERSON" and item.key not in apart
    }
    initialled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, words in people.items():
        middle = words[1:-1]
        if len(words[0]) > 1 and middle and all(len(word) == 1 for word in middle):
            initialled[(words[0], words[-1])].add(key)
    fold = {}
    for key, words in people.items():
        found = initialled.get(words, set()) if len(words) == 2 else set()
        if len(found) == 1:
            fold[key] = next(iter(found))
    _rekey(articles, fold)


def fold_short_forms(
    articles: Sequence[Sequence[Named]],
    types: Mapping[str, EntityType],
    apart: frozenset[str] = frozenset(),
) -> None:
    """A person written with a short form of the given name and with the full one ("Liz
    Truss", "Elizabeth Truss"; ``data/nicknames.txt``) is one person, named as the
    corpus names them most; only when no one else in the corpus bears that surname."""
    mentions = Counter(item.key for named in articles for item in named)
    groups: dict[tuple[int, str], set[str]] = defaultdict(set)
    full: set[str] = set()  # keys written with a group's full form
    bearers: dict[str, set[str]] = defaultdict(set)  # surname -> people's keys
    forms = _short_forms()
    for named in articles:
        for item in named:
            words = name_words(item.name)
            if len(words) != 2 or types.get(item.key) != "PERSON" or item.key in apart:
                continue
            bearers[words[1]].add(item.key)
            for group, is_full in forms.get(words[0], ()):
                groups[(group, words[1])].add(item.key)
                if is_full:
                    full.add(item.key)
    fold: dict[str, str] = {}
    for (_, surname), keys in groups.items():
        # Two spellings, one of them the full name (not "Liz" and "Beth", two sisters), and
        # no other person of that surname: "Steve Jones" of the Dragons is not the fly-half
        # Stephen Jones in a corpus of many Joneses.
        if len(keys) != 2 or not keys & full or bearers[surname] != keys:
            continue
        kept, folded = sorted(keys, key=lambda key: (-mentions[key], key))
        fold.setdefault(folded, kept)
    _rekey(articles, fold)


def _rekey(articles: Sequence[Sequence[Named]], fold: Mapping[str, str]) -> None:
    """Point every mention of a folded name at the name it folds into."""
    for named in articles:
        for item in named:
            item.key = fold.get(item.key, item.key)


@functools.cache
def _short_forms() -> dict[str, tuple[tuple[int, bool], ...]]:
    """Each given name, full or short: the groups (line numbers) it is in, and whether it
    is the group's full form there."""
    found: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for number, line in enumerate(load_lines("nicknames.txt")):
        for place, word in enumerate(line.split()):
            found[word].append((number, place == 0))
    return {word: tuple(groups) for word, groups in found.items()}


def fold_country_prefixes(
    articles: Sequence[Sequence[Named]], apart: frozenset[str] = frozenset()
) -> None:
    """A name with its country before it and the same name without, in one article ("The
    United Kingdom Home Office", then "the Home Office"; "the UK Independence Party",
    then "the Independence Party"), are one, named with the country; not when the article
    names two countries' ("US Supreme Court", "UK Supreme Court")."""
    for named in articles:
        here = {item.key for item in named}
        longer: dict[str, set[str]] = defaultdict(set)
        for item in named:
            words = item.name.split()
            for cut in (1, 2):
                rest = words[cut:]
                if len(rest) >= 2 and _names_a_country(words[:cut]):
                    longer[name_key(" ".join(rest))].add(item.key)
                    break
        fold = {
            short: next(iter(fulls))
            for short, fulls in longer.items()
            if short in here and len(fulls) == 1 and short not in apart
        }
        for item in named:
            item.key = fold.get(item.key, item.key)


def _names_a_country(words: list[str]) -> bool:
    """ "United Kingdom", "US", "British": a country's name, initials or adjective."""
    code = name_key(" ".join(words)) in _country_spellings()
    return _is_country(words) or code or (len(words) == 1 and _is_group(words[0]))


@functools.cache
def _country_spellings() -> frozenset[str]:
    """The alias table's spellings of countries ("US", "U.S.", "America" for United States)."""
    return frozenset(
        key for key, name in load_curation().joins.items() if _is_country(name.split())
    )


def work_titles(articles: Sequence[Sequence[Named]]) -> set[str]:
    """Names the corpus writes as a work's title often enough to be one ("the film
    Sideways", "comedy Sideways", then "Sideways" alone): a fifth of their mentions at
    least follow a work's noun. Not every title once so written: "the film Chicago" in a
    corpus that names the city many times leaves the city a place."""
    works: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for named in articles:
        for item in named:
            mentions[item.key] += 1
            works[item.key] += item.mention.evidence == "work"
    return {key for key, count in works.items() if count >= WORK_SHARE * mentions[key]}


def _written_as_other_things(named: Sequence[Named]) -> set[str]:
    """Names one article writes more often as something else than as a person's: the
    model's place or organisation with nothing around it to say a person's ("Houston" in
    a tennis report is the city, "Foster's Group" the brewer, whoever "Mr Houston" or "Mr
    Foster" is), against its person labels (a modifier's, "Foster's takeover offer",
    counts for neither)."""
    balance: Counter[str] = Counter()
    for item in named:
        evidence = item.mention.evidence
        if evidence == "person" or (item.label == "PERSON" and evidence not in NEUTRAL_USES):
            balance[item.key] -= 1
        elif item.label != "PERSON":
            balance[item.key] += 1
    return {key for key, count in balance.items() if count > 0}


def fold_towns(
    articles: Sequence[Sequence[Named]],
    types: Mapping[str, EntityType],
    apart: frozenset[str] = frozenset(),
) -> None:
    """A town and the same town with its state ("Huntsville" and "Huntsville, Alabama")
    are one place. Where the corpus names the town in one state only, every mention
    takes one name: the one with the state, unless the town alone is written in far
    more articles ("Chicago" in 30, "Chicago, Illinois" in 1: "Chicago"). Where it names
    towns of that name in several states ("Portland, Oregon", "Portland, Maine"), the
    town alone folds only into the one its own article names."""
    towns: dict[str, set[str]] = defaultdict(set)
    for named in articles:
        for item in named:
            town, comma, state = item.name.rpartition(", ")
            # "Washington" alone may be the state, "New York" the state or the city.
            if town in STATE_NAMES or town.casefold() in country_names():
                continue
            if comma and state in STATE_NAMES and types.get(item.key) == "PLACE":
                towns[name_key(town)].add(item.key)
    towns = {town: fulls for town, fulls in towns.items() if town not in apart}
    if not towns:
        return
    spread = Counter(key for named in articles for key in {item.key for item in named})
    corpus_wide: dict[str, str] = {}
    for town, fulls in towns.items():
        if len(fulls) == 1 and types.get(town, "PLACE") == "PLACE":
            (full,) = fulls
            if spread[town] > OWN_NAME_SPREAD * spread[full]:
                corpus_wide[full] = town
            elif town in spread:
                corpus_wide[town] = full
    for named in articles:
        here = {item.key for item in named}
        fold = dict(corpus_wide)
        for town, fulls in towns.items():
            if town in here and len(fulls & here) == 1 and types.get(town) == "PLACE":
                fold.setdefault(town, next(iter(fulls & here)))
        for item in named:
            item.key = fold.get(item.key, item.key)


def _spelled_out(words: tuple[str, ...], candidates: set[str], index: NameIndex) -> str | None:
    """The one full name an initial and a surname stand for: "G Henson" -> "Gavin Henson"
    (the same surname, a first name with that initial)."""
    initial, surname = words[0], words[1:]
    found = [
        key
        for key in index.ends.get(surname, set()) & candidates
        if len(full := index.words_of[key]) == len(words) and full[0].startswith(initial)
    ]
    return found[0] if len(found) == 1 else None


def _is_first_name(words: tuple[str, ...]) -> bool:
    return len(words) == 1 and words[0].lower() in FIRST_NAMES


class NameIndex:
    """Names by the words they start and end with, so short names find long ones fast."""

    def __init__(self, words_of: dict[str, tuple[str, ...]]) -> None:
        self.words_of = words_of
        self.ends: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.starts: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for key, words in words_of.items():
            for cut in range(1, len(words)):
                self.ends[words[cut:]].add(key)
                self.starts[words[:cut]].add(key)

    def longer(self, words: tuple[str, ...], candidates: set[str], *, tail: bool) -> str | None:
        """The one longest candidate ending (``tail``) or starting with ``words``, if unique."""
        table = self.ends if tail else self.starts
        longer = table.get(words, set()) & candidates
        # Drop names inside a longer candidate: "Tayyip Erdogan" within "Recep Tayyip Erdogan".
        widest = [key for key in longer if not table.get(self.words_of[key], set()) & longer]
        return widest[0] if len(widest) == 1 else None


def display_names(articles: Sequence[Sequence[Named]], table_names: set[str]) -> dict[str, str]:
    """How each entity is written: the alias table's name, else its commonest full spelling."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for named in articles:
        for item in named:
            spellings[item.key][item.name] += 1
    display = {}
    for key, counts in spellings.items():
        own = [name for name in counts if name_key(name) == key] or list(counts)
        preferred = [name for name in own if name in table_names]
        display[key] = (
            preferred[0] if preferred else min(own, key=lambda n: (-counts[n], -len(n), n))
        )
    return display
