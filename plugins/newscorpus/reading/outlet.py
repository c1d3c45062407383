"""Who published an article, when the text (usually its furniture) names them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from ..model import Block
from ..wordlists import country_names, load_words
from .clean import Cleaned, first_prose
from .furniture import NAV_WORDS, UI_WORDS, is_persons_name
from .shape import AGENCIES, TRAILING_CREDIT

MENU_WORDS = NAV_WORDS | UI_WORDS
# Words that make a lead prefix ("DESPARDES News Monitor — …") a publication's name.
OUTLET_WORDS = load_words("outlet-words.txt")
SKIP_TO_SITES = re.compile(r"\bskip to more (?P<name>.+?) sites?\b", re.IGNORECASE)
MORE_FROM = re.compile(
    r"^more (?:from|stories from|news from) (?P<name>[A-Z0-9][^.!?:]{1,40}?)\s*:?$", re.IGNORECASE
)
COPYRIGHT_LINE = re.compile(r"(?:©|\(c\)|copyright\b)\s*(?P<rest>.*)$", re.IGNORECASE)
RIGHTS_RESERVED = re.compile(
    r"\ball rights reserved|\balle rechte vorbehalten|\btous droits réservés|\btous droits reserves"
    r"|\bderechos reservados|\btodos los derechos|\btutti i diritti|\bwszelkie prawa"
    r"|\balle rechten voorbehouden|\bis licen[cs]ed|\bist lizen[sz]iert|\s[|/•·]\s|[.,;]\s|\.$",
    re.IGNORECASE,
)
YEARS = re.compile(r"(?<!\w)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?(?!\w)")
HOLDER_NOISE = re.compile(
    r"^\s*(?:©|\(c\)|copyright|by|[-–—:|])\s*|\s*(?:©|\(c\))\s*", re.IGNORECASE
)
HOLDER_MAX_WORDS = 6
# Notices naming this many different holders are pictures' credits, the site's among them.
CREDITED_HOLDERS = 3
PICTURE_CREDIT = re.compile(
    r"/|\b(?:foto|fotos|photo|photos|bild|bilder|image|images|getty|istock|adobe|stock"
    r"|shutterstock|picture|alliance|dpa|imago|reuters|afp|ap)\b",
    re.IGNORECASE,
)
# Words of a company's name: the owner of a publication, not the publication.
OWNER_WORDS = frozenset(
    {
        "media", "medien", "interactive", "ventures", "network", "holdings", "holding",
        "communications", "digital", "digitale", "verlag", "verlagsgruppe", "group", "gruppe",
        "publishing", "corporation", "services", "medienverbund", "e.v",
    }
)  # fmt: skip
OWNER_COMPOUNDS = ("verlag", "verlagsgruppe")
# A company's legal form: the publisher's company often bears the publication's name
# ("Cayman Compass Ltd.", "Neue Zürcher Zeitung AG"); the form says nothing about which.
LEGAL_FORM = re.compile(
    r"[\s,]+(?:gmbh(?:\s*&\s*co\.?\s*kg)?|mbh|ag|se|kg|kgaa|s\.?a\.?|s\.?l\.?|s\.?p\.?a\.?|ltd\.?"
    r"|limited|inc\.?|llc|plc|oyj|ab|as|a/s|b\.?v\.?|n\.?v\.?|sp\.\s?z\s?o\.\s?o\.?|co\.?)$",
    re.IGNORECASE,
)
SITE_NAME_MAX_WORDS = 5
WEB_ADDRESS = re.compile(r"\b[\w-]+\.(?:[a-z]{2,3}|info|online|news)\b", re.IGNORECASE)
# A web address or an e-mail address; ``name`` is the label before the top-level domain
# (``pocketpc`` in "forum.pocketpc.ch", ``bbc`` in "news.bbc.co.uk").
SECOND_LEVEL = ("co", "com", "org", "net", "gov", "ac", "edu")
_SECOND = "|".join(SECOND_LEVEL)
SITE_ADDRESS = re.compile(
    rf"(?:\bwww\.|@|https?://)(?:[\w-]+\.)*(?!(?:{_SECOND})\.)(?P<name>[\w-]+)"
    rf"\.(?:(?:{_SECOND})\.)?[a-z]{{2,6}}(?![\w-])|"
    r"\b(?P<bare>[\w-]+)\.(?:de|com|org|net|at|ch|fr|es|it|pl|eu|info|io|news|online)(?![\w-])",
    re.IGNORECASE,
)
SITE_NAME_MIN_CHARS = 4
# What every line with an address holds: a quick test before SITE_ADDRESS reads it.
ADDRESS_HINT = re.compile(
    r"www\.|@|https?://|\.(?:de|com|org|net|at|ch|fr|es|it|pl|eu|info|io|news|online)(?![\w-])",
    re.IGNORECASE,
)
# A line that is only a web address: "www.jan-grosser.de", "https://taucher.net/".
LOGO_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<address>[^\W_][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6})/?$",
    re.IGNORECASE,
)
# The site's header: its name (its logo's text, a menu's "Über X") is in the page's first
# lines, above the headline, on a short line.
MASTHEAD_UNITS = 12
LOGO_UNITS = 3
LEADING_ARTICLE = re.compile(r"^(?:das|den|die|der|the)\s+", re.IGNORECASE)
MASTHEAD_LINE_MAX_WORDS = 12
MASTHEAD_PHRASE_WORDS = 5
PHRASE_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
# A page's link about itself: "Über Backen.de", "Follow PCMag", "Landwirt.com Newsletter".
SELF_REFERENCE = re.compile(
    r"^(?:über|about|follow|folge|folgen sie|welcome to|willkommen (?:auf|bei)|contact"
    r"|kontakt|support|unterstütze|subscribe to(?: the| our)?|abonniere|was ist|what is)"
    r"\s+(?:us\s+|uns\s+)?(?:on\s+|auf\s+|bei\s+)?"
    r"(?P<after>[^\s].{2,40}?)[.!:?]?$"
    r"|^(?P<before>[^\s].{2,40}?)\s+(?:newsletter|redaktion|team|on facebook|auf facebook"
    r"|on twitter|unterstützen|abonnieren)[.!:]?$",
    re.IGNORECASE,
)
# A site's contact mailboxes: "redaktion@zeit.de", "advertising@jamaicaobserver.com".
CONTACT_MAILBOX = re.compile(
    r"(?<![\w.+-])(?:info|redaktion|kontakt|contact|news|newsdesk|editor|editors|editorial|letters"
    r"|leserbriefe|advertising|ads|anzeigen|webmaster|presse|press|service|abo|leserservice"
    r"|kundenservice|support|hello|hallo|office|team|tips|feedback|community|redaccion"
    r"|redacción|contacto|publicidad|redazione|redakcja)@(?P<host>(?:[\w-]+\.)+[a-z]{2,6})\b",
    re.IGNORECASE,
)
# Words in a web address that make it a publishing house's, not a publication's.
OWNER_LABELS = ("verlag", "media", "medien", "group", "gruppe", "holding", "publishing")
# A host's or a theme's credit names another site: "hosted by vaubel.de", "Theme by X".
HOST_CREDIT = re.compile(
    r"\b(?:hosted|powered|designed|developed|built|made|theme|template|software)\s+(?:by|with)"
    r"\s+\S+",
    re.IGNORECASE,
)
# A line about a company's group, brands or media: "Un site du groupe Prisma Média", "a
# Reach plc subsidiary", "DuMont Mediengruppe", "General Mills Brands", "Alle Medien von
# Tamedia", "Weitere Angebote". The name in it is an owner's.
GROUP_LINE = re.compile(
    r"\b(?:groupe?|\w*gruppe|grupo|gruppo|subsidiary|tochter\w*|filiale|brands|marken"
    r"|medien|media|média|titles|portfolio|division|part of|teil de[rs]|angebote)\b",
    re.IGNORECASE,
)
HOLDER_MIN_LETTERS = 3
DOMAIN_ENDING = re.compile(r"\.(?:co\.)?[a-z]{2,6}$", re.IGNORECASE)
PLATFORM_SITES = load_words("platform-sites.txt")
# The page's closing lines, where its own copyright notice stands.
CLOSING_UNITS = 25
FOOTER_NOTICE = re.compile(r"^\W*copyright\b", re.IGNORECASE)
FOOTER_NOTICE_WORDS = 8
# Where a copyright holder's parts divide: "Cleanthinking.de - Alle Rechte …".
HOLDER_PARTS = re.compile(
    r"\s+[-–—|·•]\s+|\s+(?=www\.)|\s+(?=\S+@)|\s+(?=[\w-]+\.(?:[a-z]{2,3}|info)\b)"
)
SITE_AFTER_TITLE = re.compile(r"^\s+[|–—-]\s+(?P<name>[^|]{2,40})$")
TITLE_SUFFIX = re.compile(r"\s+\|\s+(?P<name>[^|]{2,40})$")
THANKS = re.compile(r"\b(?i:thanks for reading) (?P<name>[A-Z][^!.?]{1,40})[!.?]")
SUPPORT = re.compile(r"^support (?P<name>the [A-Z][\w ]{1,30}?)\W*$", re.IGNORECASE)
APP = re.compile(
    r"\b(?:download|get) (?!(?:the )?(?:android|ios|iphone|ipad|apple|google|mobile|free)\b)"
    r"(?:the )?"
    r"(?P<name>[A-Z][\w&' ]{1,40}?)(?: news)? app\b",
    re.IGNORECASE,
)  # "Download the Android app" names a platform, not the publication
WIRE_SLASH = re.compile(r"/(?P<name>[A-Z][A-Za-z]{2,30})/\s*(?:--|[-–—])")
CORPORATE_SUFFIX = re.compile(
    r"[,\s]+(?:company|co|inc|ltd|llc|plc|group|corporation|corp|gmbh)\.?$", re.IGNORECASE
)
SOURCE_LINE = re.compile(
    r"^sources?\s*:\s*(?P<name>[A-Z][^,;]*?)(?P<rest>\s+and\s+.*|\s*[,;].*)?$", re.IGNORECASE
)
# "Source: Al Jazeera and news agencies": the publication beside the wires it drew on.
WIRES_BESIDE = re.compile(
    rf"\b(?:news agencies|agencies|wire services|{AGENCIES})\b", re.IGNORECASE
)
AGENCY_DATELINE = re.compile(r"^[A-Z][\w .,'’/-]{0,60}?\((?P<name>[A-Z][\w&. -]{1,30}?)\)\s*[-–—]")
NAMED_LEAD = re.compile(r"^(?P<name>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,4})\s+[—–-]{1,2}\s+\S")
CREDIT_AGENCIES = re.compile(r"\((?P<names>[A-Z][\w.]+(?:\s*(?:,|/| and )\s*[A-Z][\w.]+)*)\)\s*$")
BYLINE_AGENCY = re.compile(r"^by\s+(?P<name>[A-Z][\w.]+)(?:\s+staff)?$", re.IGNORECASE)
KNOWN_AGENCY = re.compile(rf"^(?:{AGENCIES})$")
# "(AP) —" opening a paragraph.
OPENING_CREDIT = re.compile(r"^\((?P<name>[A-Z][\w&. -]{1,30}?)\)\s*[-–—:]")
AGENCY_LIST = re.compile(r"\s*(?:,|/| and )\s*")


def _from_lines(
    pattern: re.Pattern[str], *, reasons: set[str] | None = None
) -> Callable[[Cleaned], str | None]:
    def find(cleaned: Cleaned) -> str | None:
        for unit, reason in zip(cleaned.units, cleaned.reasons, strict=True):
            if reasons is not None and reason not in reasons:
                continue
            match = pattern.search(unit.text)
            if match:
                return _tidy(match.group("name"))
        return None

    return find


def copyright_holder(line: str) -> str | None:
    """``© 2001-2021 by Wirtualnemedia.pl. All rights reserved`` -> ``Wirtualnemedia.pl``."""
    match = COPYRIGHT_LINE.search(line)
    if not match:
        return None
    parts = RIGHTS_RESERVED.split(match.group("rest"), maxsplit=2)
    name = parts[0]
    if len(parts) > 1 and YEARS.fullmatch(name.strip()):
        name = parts[1]  # "© 2022, BreakingBelizeNews.com."
    if not YEARS.sub("", name).strip(" .,"):
        # "Campo Grande News © 2020.": the holder before the sign.
        name = RIGHTS_RESERVED.split(line[: match.start()])[-1]
    name = _tidy(HOLDER_NOISE.sub(" ", " ".join(YEARS.sub(" ", name).split())))
    while (bare := LEGAL_FORM.sub("", name).strip(" ,&")) != name:
        name = bare
    if not name or not name[:1].isalnum() or len(name.split()) > HOLDER_MAX_WORDS:
        return None
    return name


def _footer_copyright(cleaned: Cleaned) -> str | None:
    """The holder in the page's own copyright line, after the article, when the page bears
    it out: a publication's word in the name ("Gazette", "Zeitung"), a web address, the
    name on a line of its own in the page's header (its masthead), or the name of a web
    address the page shows ("ZEIT ONLINE" beside "redaktion@zeit.de"). A picture's
    credit (also one the article's captions give: "… (c) TV Thermen- & Vulkanland"), a
    person, or the owning company ("Hearst Communications", "Vox Media") is not the
    outlet.
    """
    # The page's header: above the headline, bylines aside ("© Tilman Weber" under a
    # picture, and "von Tilman Weber" over the article, name the author, not the site).
    top = cleaned.headline_index if cleaned.headline_index is not None else cleaned.start
    masthead = {
        _loose(cleaned.units[i].text)
        for i in range(min(top, len(cleaned.units)))
        if cleaned.reasons[i] != "byline"
    }
    sites = _page_sites(cleaned)
    # Credits of the article's pictures: "Wer sagt … (c) TV Thermen- & Vulkanland | pixel".
    credited = {
        _loose(holder)
        for i in range(cleaned.start, cleaned.end)
        if ("©" in (text := cleaned.units[i].text) or "(c)" in text.casefold())
        and (holder := copyright_holder(text))
    }
    notices = [
        index
        for index in range(len(cleaned.units) - 1, cleaned.end - 1, -1)
        if _is_notice(cleaned, index)
    ]
    # Teasers' pictures each credited to their photographer ("© Wiebke Jann", "© Sonja
    # Koller", …): among many holders, a bare "© Name" (no year, no rights reserved) is a
    # picture's credit.
    holders = {copyright_holder(cleaned.units[index].text) for index in notices} - {None}
    credits = len(holders) >= CREDITED_HOLDERS
    closing = True  # the page's own notice closes it; a picture's "© Nordex" is further up
    for index in notices:
        last, closing = closing and index >= len(cleaned.units) - CLOSING_UNITS, False
        name = copyright_holder(cleaned.units[index].text)
        if not name or PICTURE_CREDIT.search(name) or _is_owner(name):
            continue
        if credits and _bare_notice(cleaned.units[index].text):
            continue
        if (site := _part_naming_a_site(name, sites, index)) is not None:
            return site  # the site's own pictures, credited to it, too ("© proplanta")
        if _loose(name) in credited:
            continue
        if _loose(name) in masthead:
            return name  # a person's own site ("Wolfgang Michal" atop and below) too
        if _has_outlet_word(name):
            return name
        if WEB_ADDRESS.search(name):
            # "Samuel Diekmann rent-a-pastor.com", "Strangemachines hello@strangemachines.io":
            # the part that names the address.
            own = {key: {index} for key in _address_names(name)}
            return _part_naming_a_site(name, own, -1) or name
        if last and not is_persons_name(name) and _stands_alone(cleaned, name, index):
            return name  # "© AussenGedanken" closing a page that says "AussenGedanken" alone
    return None


def _bare_notice(line: str) -> bool:
    """ "© Wiebke Jann": a sign and a name, with no year and no rights reserved."""
    match = COPYRIGHT_LINE.search(line)
    return bool(match) and not YEARS.search(line) and not RIGHTS_RESERVED.search(match["rest"])


def _closing_copyright(cleaned: Cleaned) -> str | None:
    """The holder of the notice that closes the page, when the page's furniture names it
    again ("© 2023 Boing Boing" under "Get the Boing Boing newsletter"); weaker than the
    rules before it, which see the same notice with more to bear it out."""
    for index in range(len(cleaned.units) - 1, cleaned.end - 1, -1):
        if index < len(cleaned.units) - CLOSING_UNITS:
            return None
        if not _is_notice(cleaned, index):
            continue
        name = copyright_holder(cleaned.units[index].text)
        if (
            not name
            or PICTURE_CREDIT.search(name)
            or _is_owner(name)
            or is_persons_name(name)
            or not _is_name_like(name)
            or "_" in name
        ):
            return None
        return name if _said_elsewhere(cleaned, name, index) else None
    return None


def _said_elsewhere(cleaned: Cleaned, name: str, line: int) -> bool:
    """Whether the page names a copyright holder again, outside the article, within a
    line of its furniture that is not another copyright notice (the
    same notice twice bears out nothing). A name in a host's or a software's credit
    ("Forum software by XenForo") is the platform's, and one in a group's line ("Un
    site du groupe Prisma Média") the owner's."""
    if sum(char.isalpha() for char in name) < HOLDER_MIN_LETTERS:
        return False  # "St" of "© St. Lucia Times", cut at its full stop
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    found = False
    for index, unit in enumerate(cleaned.units):
        if index == line or cleaned.in_article(index) or not pattern.search(unit.text):
            continue
        if HOST_CREDIT.search(unit.text) or GROUP_LINE.search(unit.text):
            return False
        found = found or not COPYRIGHT_LINE.search(unit.text)
    return found


def _is_notice(cleaned: Cleaned, index: int) -> bool:
    """A copyright notice, or a short line of the page's footer that starts like one
    ("Copyright NOW Grenada", with no year or sign to make it a notice anywhere else)."""
    reason, text = cleaned.reasons[index], cleaned.units[index].text
    return reason == "copyright notice" or (
        reason == "page footer"
        and len(text.split()) <= FOOTER_NOTICE_WORDS
        and bool(FOOTER_NOTICE.match(text))
    )


def _stands_alone(cleaned: Cleaned, name: str, line: int) -> bool:
    """Whether a line other than ``line`` (and not a byline) says only ``name``."""
    key = _loose(name)
    return len(key) >= SITE_NAME_MIN_CHARS and any(
        index != line and reason != "byline" and _loose(unit.text) == key
        for index, (unit, reason) in enumerate(zip(cleaned.units, cleaned.reasons, strict=True))
    )


def _masthead(cleaned: Cleaned) -> str | None:
    """The site's name in the page's header, above the headline (its logo's text, "Über
    Spreeblick", "Wikidot.com"), when the page shows a web address of that name on another
    line ("SPREEBLICK" … "www.spreeblick.com"). A platform's address (a share button, a
    blog host, a picture agency) names no page's own site, nor does a host's credit
    ("hosted by vaubel.de"). When the header names several sites (a publisher's network:
    "azubis.de", "mz-jobs", "MZ-Immo"), the one the page shows most often, if it leads.
    """
    top = cleaned.headline_index if cleaned.headline_index is not None else cleaned.start
    sites: dict[str, set[int]] | None = None
    named: dict[str, str] = {}  # address name -> the header's first phrase of it
    for index in range(min(top, MASTHEAD_UNITS, len(cleaned.units))):
        text = cleaned.units[index].text
        words = HOST_CREDIT.sub(" ", text).split()
        if cleaned.reasons[index] == "byline" or len(text.split()) > MASTHEAD_LINE_MAX_WORDS:
            continue
        if sites is None:
            sites = {
                name: lines
                for name, lines in _page_sites(cleaned).items()
                if name not in PLATFORM_SITES
            }
        for phrase in _phrases(words):
            name = _site_key(phrase)
            if name in sites and name not in named and sites[name] - {index}:
                if _is_menu_word(phrase):
                    continue  # "SPORT" over "sport.gazeta.pl": a section, not the site
                named[name] = phrase
    if not named or sites is None:
        return None
    if len(named) > 1:
        shown = Counter(
            name for unit in cleaned.units for name in _address_names(unit.text, every=True)
        )
        ranked = sorted(named, key=lambda name: shown[name], reverse=True)
        if shown[ranked[1]] * 2 >= shown[ranked[0]]:
            return None  # no site leads: a network's menu, or partners
        return named[ranked[0]]
    return next(iter(named.values()))


def _is_menu_word(phrase: str) -> bool:
    """A menu's word ("Sport", "News") or a country's name ("Singapore") alone."""
    key = phrase.casefold()
    return " " not in key and (key in MENU_WORDS or key in country_names())


def _self_reference(cleaned: Cleaned) -> str | None:
    """The site's name in a link about itself ("Über Backen.de", "Follow PCMag",
    "Tarnkappe.info Newsletter", "Support City Limits", "Was ist „Achtundvierzig“?"),
    when the page shows a web address of that name on another line, or says the name
    alone atop the page (its logo's text)."""
    sites: dict[str, set[int]] | None = None
    logo: set[str] = set()
    for index, unit in enumerate(cleaned.units):
        match = SELF_REFERENCE.match(unit.text)
        if not match or cleaned.in_article(index):
            continue
        if sites is None:  # the first link about the site: the page's addresses and logo
            sites = _page_sites(cleaned)
            logo = {
                _loose(cleaned.units[top].text)
                for top in range(min(LOGO_UNITS, len(cleaned.units)))
                if cleaned.reasons[top] != "byline"
            }
        name = PHRASE_EDGES.sub("", match.group("before") or match.group("after"))
        if sites.get(key := _site_key(name), set()) - {index} and key not in PLATFORM_SITES:
            return name
        # "Über das Bloghaus" under "Bloghaus" atop the page; not a menu's word.
        bare = PHRASE_EDGES.sub("", LEADING_ARTICLE.sub("", name))
        menu_word = all(word.casefold() in MENU_WORDS for word in bare.split())
        if _loose(bare) in logo and not menu_word:  # a logo is not "Newsletter"
            return bare
    return None


def _contact_address(cleaned: Cleaned) -> str | None:
    """The site's own address, from the page's contact mailboxes ("redaktion@…",
    "advertising@jamaicaobserver.com") outside the article: the one the page gives most,
    when it leads. A platform's or a publishing house's address ("…@awverlag.ch",
    "…@ebnermedia.de": the owner of many titles) names no outlet."""
    hosts: Counter[str] = Counter()
    for index, unit in enumerate(cleaned.units):
        if "@" not in unit.text or cleaned.in_article(index):
            continue
        for match in CONTACT_MAILBOX.finditer(unit.text):
            host = match.group("host").lower()
            label = next(iter(_address_names("@" + host)), None)
            owner = label and any(word.strip(".") in label for word in OWNER_LABELS)
            if label and label not in PLATFORM_SITES and not owner:
                hosts[host] += 1
    ranked = hosts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] * 2 >= ranked[0][1]):
        return None
    return ranked[0][0]


def _logo_address(cleaned: Cleaned) -> str | None:
    """The web address the page's first lines say alone, above the headline: its logo's
    text ("taucher.net", "www.jan-grosser.de"). Not a platform's; not when the header says
    another address alone (a publisher's bar of sites: "gazetaprawna.pl", "forsal.pl")."""
    top = cleaned.headline_index if cleaned.headline_index is not None else cleaned.start
    found: dict[str, tuple[int, str]] = {}  # address -> its first line, as written there
    for index, unit in enumerate(cleaned.units[: min(top, MASTHEAD_UNITS)]):
        match = LOGO_ADDRESS.match(unit.text.strip())
        if match and not _address_names(unit.text) & PLATFORM_SITES:
            found.setdefault(match.group("address").casefold(), (index, match.group("address")))
    if len(found) != 1:
        return None
    index, address = next(iter(found.values()))
    if index >= LOGO_UNITS:
        return None
    # The registered name: "backen.de" of "navbar.site.backen.de", "bbc.co.uk" of "news.bbc.co.uk".
    labels = address.split(".")
    return ".".join(labels[-3 if labels[-2].lower() in SECOND_LEVEL else -2 :])


def _phrases(words: list[str]) -> Iterator[str]:
    """The runs of up to ``MASTHEAD_PHRASE_WORDS`` words of a line, longest first, each
    stripped of the punctuation around it; not an address's own text."""
    for size in range(min(MASTHEAD_PHRASE_WORDS, len(words)), 0, -1):
        for first in range(len(words) - size + 1):
            phrase = PHRASE_EDGES.sub("", " ".join(words[first : first + size]))
            if phrase and "@" not in phrase and "/" not in phrase:
                yield phrase


def _site_key(phrase: str) -> str:
    """The address name a phrase would be: ``nowgrenada`` for "NOW Grenada" and for
    "NowGrenada.com"."""
    match = DOMAIN_ENDING.search(phrase)
    return _loose(phrase[: match.start()] if match else phrase)


def _page_sites(cleaned: Cleaned) -> dict[str, set[int]]:
    """The names of the web addresses the page shows (``zeit`` for ``www.zeit.de`` or
    ``leserbriefe@zeit.de``), long enough not to be a word by chance, each with the
    units that show it."""
    names: dict[str, set[int]] = {}
    for index, unit in enumerate(cleaned.units):
        for name in _address_names(unit.text):
            names.setdefault(name, set()).add(index)
    return names


def _address_names(text: str, *, every: bool = False) -> set[str] | list[str]:
    """The names of the web addresses in one line (see :func:`_page_sites`); ``every``:
    as often as the line shows each."""
    if not ADDRESS_HINT.search(text):
        # Every address has a dot and more; most lines of a page have neither.
        return [] if every else set()
    names = (_loose(m.group("name") or m.group("bare")) for m in SITE_ADDRESS.finditer(text))
    found = [name for name in names if len(name) >= SITE_NAME_MIN_CHARS]
    return found if every else set(found)


def _part_naming_a_site(name: str, sites: dict[str, set[int]], line: int) -> str | None:
    """The part of a holder ("COMPUTER BILD www.computerbild.de", "Spontis - Alle Inhalte
    stehen …") that is the name of a web address the page shows on another line (a
    picture agency's address in its own credit bears out nothing)."""
    for part in HOLDER_PARTS.split(name):
        part = _tidy(part)
        key = _loose(SITE_ADDRESS.sub(lambda m: m.group("name") or m.group("bare"), part))
        if len(key) >= SITE_NAME_MIN_CHARS and sites.get(key, set()) - {line}:
            return part
    return None


def _is_owner(name: str) -> bool:
    """A company's name: the publisher's owner, not the publication. A German compound
    ending in one of the words ("Landwirtschaftsverlag") too."""
    words = [word.lower().strip(".,&") for word in name.split()]
    owner = any(word in OWNER_WORDS or word.endswith(OWNER_COMPOUNDS) for word in words)
    return owner or bool(GROUP_LINE.search(name))  # "Prisma Média", "DuMont Mediengruppe"


def _has_outlet_word(name: str) -> bool:
    return any(word.lower().strip(".") in OUTLET_WORDS for word in name.split())


def _loose(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _is_name_like(text: str) -> bool:
    """A site's name, not more of the title: a few words, no sentence mark, a capital."""
    words = text.split()
    return (
        len(words) <= SITE_NAME_MAX_WORDS
        and not text.rstrip().endswith(("?", "!", "."))
        and any(char.isupper() or char.isdigit() for char in text)
    )


def _title_with_site(cleaned: Cleaned) -> str | None:
    """The headline said again with the site after it: "Headline | Site", "Headline - Site"."""
    if cleaned.headline_index is None:
        return None
    headline = cleaned.units[cleaned.headline_index].text
    for unit in cleaned.units:
        if unit.text != headline and unit.text.startswith(headline):
            match = SITE_AFTER_TITLE.match(unit.text[len(headline) :])
            if match and _is_name_like(match.group("name")):
                return _tidy(match.group("name"))
    return None


def _more_from(cleaned: Cleaned) -> str | None:
    """ "More from Defence Notes": the site's own teaser heading, when the name is a
    publication's ("More from UK", "More from The Web", "More from author" are not)."""
    name = _from_lines(MORE_FROM, reasons={"teaser block"})(cleaned)
    if name and (_has_outlet_word(name) or WEB_ADDRESS.search(name)):
        return name
    return None


def _named_lead(cleaned: Cleaned) -> str | None:
    units = cleaned.units
    index = first_prose(units, cleaned.reasons, 0)
    if index == len(units):
        return None
    lead = units[index].text
    match = AGENCY_DATELINE.match(lead) or WIRE_SLASH.search(lead[:120])
    if match:
        return _tidy(match.group("name"))
    match = NAMED_LEAD.match(lead)
    if match and any(word.lower() in OUTLET_WORDS for word in match.group("name").split()[1:]):
        return _tidy(match.group("name"))
    return None


def _source_line(cleaned: Cleaned) -> str | None:
    """ "Source: Al Jazeera and news agencies" under an article names its publication, beside
    the wires; "Source: CDC, Chicago Department of Public Health" under a chart names where
    figures came from, so a source alone counts only where the page bears the name out."""
    for unit, reason in zip(cleaned.units, cleaned.reasons, strict=True):
        match = SOURCE_LINE.search(unit.text) if reason == "credit line" else None
        if not match:
            continue
        name = _tidy(match.group("name"))
        if WIRES_BESIDE.search(match.group("rest") or "") or borne_out(cleaned, name):
            return name
    return None


def _agency_credit(cleaned: Cleaned) -> str | None:
    for unit, reason in zip(cleaned.units, cleaned.reasons, strict=True):
        if reason in {"credit line", "byline"}:
            match = CREDIT_AGENCIES.search(unit.text) or BYLINE_AGENCY.match(unit.text)
            if match:
                names = match.groupdict().get("names") or match.group("name")
                first = AGENCY_LIST.split(names)[0]
                if KNOWN_AGENCY.match(first) or reason == "credit line":
                    return _tidy(first)
    return None


def wire_services(blocks: Sequence[Block], credit_lines: Sequence[str] = ()) -> tuple[str, ...]:
    """The wire services an article credits, in order: its lead's dateline
    ("WASHINGTON (Reuters) -"), a paragraph opened by "(AP) —" or closed by "— AFP" or
    "(Reuters, AFP)", and its credit lines. Only known agencies: a wrong credit is worse
    than none."""
    found: dict[str, str] = {}
    prose = [block.text for block in blocks if block.kind != "h"]
    candidates: list[str] = []
    if prose and (match := AGENCY_DATELINE.match(prose[0]) or WIRE_SLASH.search(prose[0][:120])):
        candidates.append(match.group("name"))
    for text in prose:
        for pattern in (OPENING_CREDIT, CREDIT_AGENCIES, TRAILING_CREDIT):
            if match := pattern.search(text):
                candidates.append(match.groupdict().get("names") or match.group("name"))
    for line in credit_lines:
        if match := CREDIT_AGENCIES.search(line) or BYLINE_AGENCY.match(line):
            candidates.append(match.groupdict().get("names") or match.group("name"))
    for names in candidates:
        for name in AGENCY_LIST.split(names.strip()):
            if KNOWN_AGENCY.match(name):
                found.setdefault(name.casefold(), name)
    return tuple(found.values())


def _tidy(name: str) -> str:
    name = CORPORATE_SUFFIX.sub("", " ".join(name.strip(" .,:;–—-|&•·").split()))
    name = name.strip(" .,:;–—-|&•·")
    return "The" + name[3:] if name.startswith("the ") else name


# In order of trust: the site naming itself, then a dateline, then wire credits.
OUTLET_RULES: tuple[tuple[str, Callable[[Cleaned], str | None]], ...] = (
    ("named in a skip link", _from_lines(SKIP_TO_SITES)),
    ("named in a 'More from' teaser heading", _more_from),
    ("named in a newsletter prompt", _from_lines(THANKS, reasons={"newsletter prompt"})),
    ("named in the page's copyright line", _footer_copyright),
    ("named after the headline where the page repeats it", _title_with_site),
    ("named atop the page and in its web address", _masthead),
    ("named in the page's links about itself, and in its web address or logo", _self_reference),
    (
        "named in a reader appeal",
        _from_lines(SUPPORT, reasons={"newsletter prompt", "page footer"}),
    ),
    ("named in an app prompt", _from_lines(APP, reasons={"newsletter prompt"})),
    ("the web address of the page's contact mailboxes", _contact_address),
    ("the web address atop the page", _logo_address),
    ("named in the copyright line that closes the page, and in its furniture", _closing_copyright),
    ("named in the lead's dateline", _named_lead),
    ("named in a source line", _source_line),
    ("named in the agency credit", _agency_credit),
)


def find_outlet(cleaned: Cleaned) -> tuple[str, str] | None:
    """The outlet's name and how it was found, or ``None`` when the text names none."""
    for how, rule in OUTLET_RULES:
        name = rule(cleaned)
        if name:
            return name, how
    return None


def borne_out(cleaned: Cleaned, name: str) -> bool:
    """Whether the page bears out a site name taken from a title ("Headline | Site"): it
    says the name on a line of its own, or shows a web address of that name."""
    key = _loose(name)
    if len(key) < SITE_NAME_MIN_CHARS or not _is_name_like(name):
        return False
    alone = sum(_loose(unit.text) == key for unit in cleaned.units)
    return alone > 0 or key in _page_sites(cleaned)


def split_title_suffix(headline: str) -> tuple[str, str | None]:
    """``Headline | Outlet`` -> (``Headline``, ``Outlet``)."""
    match = TITLE_SUFFIX.search(headline)
    if not match:
        return headline, None
    return headline[: match.start()].strip(), _tidy(match.group("name"))
