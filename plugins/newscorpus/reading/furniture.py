"""Line rules: what a single line of page furniture looks like, by cue and shape.

Each rule names the kind of furniture it finds. The rules look at one line at a
time; rules that need the lines around them (teaser blocks, captions, related
headlines at the end, the page header) live in :mod:`newscorpus.reading.clean`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..wordlists import load_lines, load_words, more_given_names
from . import datelines
from .shape import ends_sentence, split_camel, word_count, words

SKIP_LINK = re.compile(r"^(?:\d+\.\s*)?skip\s+(?:to|navigation|links?\b)", re.IGNORECASE)
ADVERTISEMENT = re.compile(
    r"^[\W_]*(?:(?:skip )?advertisement|advertising|sponsored(?: content| by)?"
    r"|promoted(?: content)?"
    r"|ad|supported by"
    r"|story continues below(?: advertisement)?|scroll to continue(?: with content)?"
    r"|continue reading (?:below|the main story)|article continues below)[\W_]*$",
    re.IGNORECASE,
)
# WordPress-style shortcodes filling a whole line: [the_ad id='2023'], [caption …]…[/caption].
SHORTCODE = re.compile(r"^\[/?[a-z][a-z0-9_-]*(?:[\s=][^\]]*)?\](?:.*\[/[a-z][a-z0-9_-]*\])?$")
CROSS_LINK = re.compile(
    r"^(?:read more|read also|also read|read next|see also|related|recommended"
    r"|more on this(?: story)?"
    r"|watch|listen|read|related (?:article|story|coverage|content|link)s?|click here|must read"
    # "Vea: …", "Czytaj: …": "read"/"see" before a link in other languages (not "Lea",
    # "Lee" or "Mira": first names, and a speaker's tag in an interview).
    r"|vea|leia|veja|lire|czytaj|zobacz"
    r"|don'?t miss|editor'?s pick"
    + "".join(f"|{re.escape(phrase)}" for phrase in sorted(load_lines("teaser-headings.txt")))
    + r")\s*(?:[:|»›>]|[–—-]\s)\s*\S",
    re.IGNORECASE,
)
# A link to the rest of another article, under its excerpt: "Read more", "READ THE REST",
# "....weiterlesen", "Lire la suite »".
READ_ON = re.compile(
    r"^[\W_]*(?:"
    + "|".join(re.escape(phrase) for phrase in sorted(load_lines("read-on-links.txt")))
    + r")[\W_]*$",
    re.IGNORECASE,
)
# The word that opens a picture's credit, in the languages of the pages development set and
# their neighbours ("Foto: dpa", "Bild: Jahr Media", "Fot. PAP", "Imagen: EFE").
CREDIT_WORDS = (
    r"(?:image|images|photo|photos|photograph|picture|pictures|credit|credits|illustration"
    r"|graphic|footage|video|file photo|foto|fotos|fotografía|fotografia|bild|bilder"
    r"|bildquelle|titelbild|imagen|zdjęcie|fot\.)"
)
PHOTO_CREDIT = re.compile(
    rf"^\(?{CREDIT_WORDS}(?:\s+credits?)?\s*(?::|©|by\b)\s*\S.{{0,80}}$"
    r"|^\(?fot\.\s*\S.{0,60}$"
    r"|(?:image|photo|photograph|picture|credit)s?(?::|\.{3}|…)\s*[^!?]{1,80}$"
    r"|(?-i:\b[A-Z]{2,}/[A-Z][a-z]+(?: [A-Z][a-z]+)+)(?:/file photo)?$"
    r"|\bgetty images\b|\bap photo\b|\bpicture-alliance\b|\bshutterstock\b",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"^\W*(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b", re.IGNORECASE
)
CREDIT_LINE = re.compile(
    r"^\(?(?:additional reporting|reporting|writing|editing|compiled|research|translated|"
    r"produced|graphics)(?: and [a-z]+)? by\b"
    r"|^(?:sources?|with (?:agency|wire) reports?|via)\s*:\s*\S"
    r"|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$"
    r"|^SOURCE\s+[A-Z]"
    r"|^[a-z]{1,5}(?:/[a-z]{1,5})+(?:\s*\([^)]{1,60}\))?$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|article by|report by|text by|posted by|reporting from"
    r"|(?:news )?provided by)"
    r"(?:\s+[A-Z]|$)",
    re.IGNORECASE,
)
CJK_NAME = r"[\u4e00-\u9fff\u3040-\u30ff]{2,4}"
# Bylines in other languages, with a capitalised name after the opener ("Von Anna
# Schmidt", "Par Jean Dupont", "Autor: Jan Nowak"; not "Von der Regierung …").
BYLINE_ELSEWHERE = re.compile(
    r"^(?i:von|par|por|door|av|af|autor(?:in)?|auteur|autore|author|text|texto)\s*:?\s+"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]+)+"
    # Chinese and Japanese: "记者 林晓雯", "文／王磊", "記者：山田太郎" (a reporter's name).
    rf"|^(?:记者|記者|作者|文|编辑|編集)\s?[:：/／]?\s?{CJK_NAME}(?:\s{CJK_NAME})*$"
)
# A byline's label alone, the names on the next line: "von", "Eine Kolumne von", "Tipps
# von" (see clean._mark_header_bylines: only under the headline, over a name).
BYLINE_LABEL = re.compile(
    r"^(?:(?:(?:ein|eine|un|une|una)\s+)?(?:beitrag|gastbeitrag|kolumne|kommentar|text|artikel"
    r"|bericht|interview|tipps|geschrieben|verfasst|article|tribune|chronique|artículo)\s+)?"
    r"(?:von|par|por|door)\s*:?$",
    re.IGNORECASE,
)
AUTHOR_BIO = re.compile(r"\b(?i:more about) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*\.?$")
# The heading over an author's biography: "About the author", "Über die Autorin", "Zur Person".
ABOUT_AUTHOR = re.compile(
    r"^\W*(?:about the (?:author|writer)s?|über (?:den autor|die autorin|die autor(?:inn)?en)"
    r"|zur person|à propos de l'auteur|a propos de l'auteur|sobre (?:el autor|la autora|o autor)"
    r"|o autorze|over de auteur|l'autore|informazioni sull'autore)\W*$",
    re.IGNORECASE,
)
PRINT_NOTE = re.compile(
    r"^a version of this (?:article|story) appear(?:s|ed) in print\b", re.IGNORECASE
)
SCREEN_READER = re.compile(r"^(?:list(?: \d+)? of \d+(?: items?)?|end of list)$", re.IGNORECASE)
COUNTER = re.compile(r"^\d[\d.,]*[kKmM+]?$")
CLICK_TO_SHARE = re.compile(
    r"^click (?:here )?to (?:share|email|print|tweet|post|copy)\b", re.IGNORECASE
)
COMMENT_FORM = re.compile(
    r"^(?:leave a (?:reply|comment)|post (?:a )?comment|add a comment|comments? (?:are|is) closed"
    r"|\d+\s+comments?|your email address will not be published|required fields are marked"
    r"|cancel reply|join the (?:conversation|discussion)|show comments|view comments"
    r"|start (?:a|the) conversation|discussion about this (?:post|article))\b",
    re.IGNORECASE,
)
# The rules of a comment section: "Please understand that comments are moderated…",
# "We welcome reader comments…", "Kommentare werden moderiert".
COMMENT_POLICY = re.compile(
    r"(?:^|[.!?]\s+)(?:please (?:note|understand) that )?(?:all |reader |your )?comments? "
    r"(?:are|is|will be|may be) (?:moderated|reviewed|republished)"
    r"|^we welcome (?:reader |your )?comments\b"
    r"|\bkommentare werden (?:moderiert|geprüft|freigeschaltet)"
    r"|\blos comentarios (?:son|serán) moderados",
    re.IGNORECASE,
)
# A page's notice that its links earn it money: "Advertising disclosure: We may receive
# compensation…", "Für Links auf dieser Seite erhält X ggf. eine Provision…".
DISCLOSURE = re.compile(
    r"^\W*(?:note:\s*)?(?:the )?(?:advertising|affiliate) (?:disclosure|disclaimer)\b"
    r"|^\W*this (?:post|article|page|story) (?:may )?contains? (?:affiliate links"
    r"|references to products|sponsored)"
    r"|\bwe may (?:receive|earn) (?:a )?(?:compensation|commission)s? (?:for|from|when)\b"
    r"|\bwe (?:may|might|could) (?:receive|earn|get) (?:a |an )?(?:small )?(?:affiliate )?"
    r"(?:commission|share of (?:the )?(?:sales|revenue))\b"
    r"|\bwhen you (?:buy|purchase|shop) (?:something )?(?:through|via|using) (?:the )?(?:our )?"
    r"(?:retail )?links\b"
    r"|\b(?:as an amazon associate|participates? in the amazon (?:services llc )?associates?"
    r" program)|\bearns? (?:revenue |fees |a commission )?from qualifying purchases\b"
    r"|\blinks on this (?:site|page) (?:could|may) lead to commissions\b"
    r"|^für links auf dieser seite erhält\b"
    r"|\bbei den verlinkungen handelt es sich um affiliate"
    r"|\benthält (?:\w+ )?affiliate[- ]links\b",
    re.IGNORECASE,
)
# A notice about the reader's browser: "You are using a browser version with limited support
# for CSS", "Please enable JavaScript", "Ihr Browser ist veraltet".
BROWSER_NOTICE = re.compile(
    r"\byou are using (?:a|an) (?:browser|outdated|old|unsupported)\b"
    r"|\byour (?:web )?browser (?:is|version is) (?:out of date|outdated|not supported|too old)"
    r"|(?:^\W*|\bplease |\byou (?:must|need to|have to|should) )(?:enable|turn on|activate)"
    r" javascript(?![\w-])"
    r"|\bjavascript (?:is|seems to be) (?:disabled|required|turned off|not enabled)"
    r"|\bihr browser (?:ist veraltet|wird nicht (?:mehr )?unterstützt)"
    r"|\b(?:bitte )?aktivieren sie (?:bitte )?javascript\b",
    re.IGNORECASE,
)
# A note that the article's opinions are its author's: "The views expressed here are the
# author's own", "Der Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise
# die der Redaktion", "Les articles n'engagent que leurs auteurs".
OPINION_DISCLAIMER = re.compile(
    r"\bthe (?:views|opinions) expressed (?:in this|here|on this|are (?:those|solely))"
    r"|\bdo(?:es)? not necessarily (?:reflect|represent) (?:the )?(?:views|opinions|position)"
    r"|\bis not responsible for the (?:opinions|views|content)\b"
    r"|\bgibt (?:die|ausschließlich die) meinung (?:des|der) (?:autors|autorin|verfasser\w*)"
    r"|\bnicht (?:notwendigerweise|unbedingt|zwingend) (?:die|der) (?:meinung|ansicht)"
    r" der redaktion"
    r"|\bn['’]engagent que (?:leurs? auteurs?|l['’]auteur)"
    r"|\b(?:las|los) (?:opiniones|artículos) (?:expresad[ao]s|de opinión) (?:aquí |en este )?"
    r"(?:son|no)\b|\bno se hace responsable de (?:las|los) (?:opiniones|comentarios)",
    re.IGNORECASE,
)
# The words of a sign-in or registration form ("Das Passwort muss mindestens 8 Zeichen
# lang sein", "Please enter a valid email address"): many lines of them in a row are the
# form's labels and messages, not an article (see clean._mark_account_forms).
ACCOUNT_WORDS = re.compile(
    r"passw|kennwort|e-?mail-?adress|email address|benutzername|user ?name|\bkonto\b"
    r"|\baccount\b|\banmeld|\beinlogg|\blog ?in\b|\bsign ?(?:in|up)\b|registrier"
    r"|\bregist(?:er|ration)\b|pflichtfeld|required field|mot de passe|identifiant"
    r"|contraseña|hasło|zaloguj|nutzungsbedingungen|datenschutzerklärung"
    r"|datenschutzbestimmungen|terms of (?:use|service)|privacy policy",
    re.IGNORECASE,
)
# An embedded post's attribution ("— Donald J. Trump (@realDonaldTrump)", "A post shared
# by Anna (@anna)"): the date under it is the post's, not the article's (see
# clean._mark_embedded_posts).
POST_ATTRIBUTION = re.compile(
    r"^(?:[—–-]\s*|a post shared by\s+)[^()\n]{1,80}\(@\w{1,30}\)\s*$", re.IGNORECASE
)
COMMENT_LINE = re.compile(
    r"^\W*(?:\d+\s+)?(?:"
    + "|".join(re.escape(line) for line in sorted(load_lines("comment-lines.txt"), key=len)[::-1])
    + r")\W*(?:\(\d+\)|\d+)?\W*$",
    re.IGNORECASE,
)
# The heading over a blog's comments: "12 thoughts on “Title”", "Ein Gedanke zu „Titel“".
COMMENTS_ON = re.compile(
    r"^\W*(?:\d+|one|two|three|ein|eine|zwei|drei|un|une|deux|trois)\s+"
    r"(?:thoughts?|responses?|repl(?:y|ies)|comments?|gedanken?|antworten?|kommentare?"
    r"|réflexions?|commentaires?|réponses?|reacties?|comentarios?|respuestas?)"
    r"\s+(?:on|to|zu|auf|sur|à|op|en|a)\b",
    re.IGNORECASE,
)
# A consent banner or cookie policy: cookies, and what the reader may do about them.
COOKIE_NOTICE = re.compile(r"\bcookies?\b", re.IGNORECASE)
COOKIE_CONTEXT = re.compile(
    r"\b(?:accept|consent|settings|preferences|browser|website|site|privacy|einstellungen"
    r"|webseite|website|zustimm|akzept|datenschutz|navigat|politique|política|privacidad"
    r"|informativa|utiliz|verwende|nutz|use|uses)",
    re.IGNORECASE,
)
# A privacy or consent notice: personal data, and the reader's.
PRIVACY_NOTICE = re.compile(
    r"\b(?:personal data|privacy policy|privacy notice|data protection|personenbezogenen? daten"
    r"|datenschutz\w*|données personnelles|datos personales|dati personali|dane osobowe)\b",
    re.IGNORECASE,
)
READER_DATA = re.compile(
    r"\b(?:you|your|I agree|I accept|Ihre[nrm]?|Ihnen|vous|votre|vos|usted|sus datos"
    r"|tus datos|i tuoi|twoich|uw)\b"
)
NEWSLETTER_CUE = re.compile(
    r"\b(?:subscribe|subscribed|subscription|newsletters?|sign(?:ing)? up|signup|inbox"
    r"|log ?in|register|download (?:the|our)\b.{0,40}\bapp|app store|google play|follow us"
    r"|support(?:ing)? (?:our|independent|quality) journalism|donate|contribution"
    r"|support the [A-Z]\w+"
    r"|^follow\b.{0,60}\bon (?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads)"
    r"|rely on (?:the )?(?:your|readers'?|reader) support|cancel (?:at )?any ?time"
    r"|cancela cuando quieras|jederzeit kündbar"
    r"|become a (?:member|supporter|subscriber)"
    r"|thanks for reading"
    # The same prompts in other languages: "abonnieren", "Postfach", "abonnez-vous", "suscríbete".
    r"|abonnier\w*|postfach|posteingang|anmelden|jetzt spenden|unterstütze\w*"
    r"|abonne[rz]\w*|boîte (?:mail|de réception)|inscri\w+|faire un don|soutene?z"
    r"|suscr[ií]b\w*|bandeja de entrada|dona(?:r|ción|ciones)|apoya\w*|assine|caixa de entrada"
    r"|iscriviti|zapisz się|subskryb\w*|wesprzyj|abonneer\w*|doneer\w*)\b",
    re.IGNORECASE,
)
READER_ADDRESS = re.compile(
    r"\b(?:you|your|yours|our|us)\b|^\W*(?:subscribe|sign|get|join|download|follow|register|support"
    r"|click|tap|enter|thanks|receive|stay)\b"
    # German prompts in the imperative infinitive: "Jetzt Newsletter abonnieren".
    r"|^\W*(?:jetzt\s+)?(?:zum\s+)?(?:kostenlosen\s+)?newsletter\s+(?:abonnieren|anmelden|bestellen)\W*$"
    r"|^\W*jetzt\s+(?:\w+\s+){0,3}(?:abonnieren|anmelden|bestellen)\W*$"
    r"|\b(?:du|dich|dir|dein\w*|(?-i:Sie|Ihnen|Ihre?[nrms]?)|unse?re?[nrms]?|wir|vous|votre|vos"
    r"|nous|notre|nos|tu|tú|te|tus|usted|nuestr[oa]s?|você|nosso|nossa|ti|tuo|tua|nostr[oa]"
    r"|twoj\w*|nasz\w*|jouw|uw|ons|onze)\b",
    re.IGNORECASE,
)
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|told|according to|added|stated|sagte|sagt|erklärte|betonte|laut"
    r"|a déclaré|selon|a dit|dijo|afirmó|según|disse|segundo|ha detto|secondo|powiedział"
    r"|według|zei|volgens)\b",
    re.IGNORECASE,
)
KEYWORD_PREFIX = re.compile(
    r"^(?:tags?|topics?|keywords?|filed under|categories|category|related topics|subjects?"
    r"|see more on|more on)\s*[:|]|^(?:posted in|tagged(?: with)?)\s+\S",
    re.IGNORECASE,
)
LIST_SEPARATOR = re.compile(r"\s*[,;|]\s*")
MENU_SEPARATOR = re.compile(r"\s+[|•·›»>/]\s+|\s*\|\s*")
BREADCRUMB_SEPARATOR = re.compile(r"[|›»>]")
READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minutes?)(?:\s+read)?$", re.IGNORECASE)

# Words of page chrome: sharing, navigation, comment and player widgets.
UI_WORDS = load_words("ui-words.txt")
# UI_WORDS that are also everyday words: a line of only these is not a widget.
UI_FILLER = load_words("ui-filler.txt")
# Words of site sections and menus ("World", "Military & Intelligence").
NAV_WORDS = load_words("nav-words.txt")
# Given names: the hand-kept table and those gathered from many countries.
FIRST_NAMES = load_words("first-names.txt") | more_given_names()

DIGITS = re.compile(r"\d+")
NAME_CONNECTORS = load_words("name-connectors.txt")
CORPORATE_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|LLC|Plc)\.$")
SEPARATOR_CHARS = frozenset("-–—_*=~•·#+/\\|<> ")

LineRule = tuple[str, Callable[[str], bool]]
# A widget's line has at most this many words.
UI_LINE_WORDS = 8


def _is_ui_line(text: str) -> bool:
    """A widget's words only: ``Share``, ``Get short URL``, ``Community standardsDiscussion``."""
    if _only_ui_words(words(text)):
        return True
    unglued = split_camel(text)
    return unglued != text and _only_ui_words(words(unglued))


def _only_ui_words(tokens: list[str]) -> bool:
    """One to eight widget words (numbers aside), not all of them filler. Stops at the
    first other word: most lines are prose."""
    found = []
    for token in tokens:
        token = DIGITS.sub("", token.lower())
        if not token:
            continue
        if token not in UI_WORDS or len(found) == UI_LINE_WORDS:
            return False
        found.append(token)
    return any(token not in UI_FILLER for token in found)


def _is_cookie_notice(text: str) -> bool:
    return (
        word_count(text) <= 120
        and bool(COOKIE_NOTICE.search(text))
        and bool(COOKIE_CONTEXT.search(text))
        and not REPORTED_SPEECH.search(text)
    )


def _is_privacy_notice(text: str) -> bool:
    return (
        word_count(text) <= 120
        and bool(PRIVACY_NOTICE.search(text))
        and bool(READER_DATA.search(text))
        and not REPORTED_SPEECH.search(text)
    )


def _is_newsletter_prompt(text: str) -> bool:
    if word_count(text) > 45 or not NEWSLETTER_CUE.search(text):
        return False
    return bool(READER_ADDRESS.search(text)) and not REPORTED_SPEECH.search(text)


def _is_menu_line(text: str) -> bool:
    """Menu items on one line: separated by bars or bullets, or a run of section names."""
    parts = [part for part in MENU_SEPARATOR.split(text) if part.strip()]
    breadcrumb = len(parts) >= 2 and BREADCRUMB_SEPARATOR.search(text)
    if (len(parts) >= 3 or breadcrumb) and all(word_count(part) <= 3 for part in parts):
        return True
    tokens = words(text)
    if len(tokens) < 3 or ends_sentence(text):
        return False
    capitalised = sum(token[:1].isupper() for token in tokens) / len(tokens)
    section_words = sum(token.lower() in NAV_WORDS for token in tokens) / len(tokens)
    return capitalised >= 0.8 and section_words >= 0.6


def _is_section_label(text: str) -> bool:
    tokens = [token.lower() for token in words(text)]
    return 0 < len(tokens) <= 4 and not ends_sentence(text) and all(t in NAV_WORDS for t in tokens)


def _is_separator(text: str) -> bool:
    """A rule of dashes or stars, or a run of marks with no letter or digit (". . . . .")."""
    marks_only = len(text) >= 3 and not any(char.isalnum() for char in text)
    return marks_only or all(char in SEPARATOR_CHARS for char in text)


def _is_keyword_list_with_prefix(text: str) -> bool:
    return word_count(text) <= 40 and bool(KEYWORD_PREFIX.match(text))


# A caption that ends with its picture's credit: "… haben immer zu tun. Foto: Timur",
# "Weltspitze der Junioren angekommen. (Foto: Privat)".
TRAILING_CREDIT = re.compile(
    rf"\S(?:[.!?]\s+|\s*\(){CREDIT_WORDS}\s*(?::|©|\sby\b)\s*(?P<credit>[^!?:()]{{1,60}})\)?$",
    re.IGNORECASE,
)
# A source in brackets alone, under a picture or chart: "(Quelle: Fleischmann/Unsplash/DJV)".
BRACKETED_SOURCE = re.compile(
    r"^\((?:quelle|source|fuente|źródło|bildquelle)\s*:\s*(?P<credit>[^()]{1,60})\)$",
    re.IGNORECASE,
)
# A figure's caption: "Abbildung 4: klassische Schwachschicht.", "Fig. 2: the sampling sites".
FIGURE_CAPTION = re.compile(
    r"^(?:abbildung|abb\.|figure|fig\.|grafik|gráfico|grafico|tabelle|table)\s*\d{0,3}\s*:\s*\S",
    re.IGNORECASE,
)
CREDIT_NAME_WORDS = 6


def _is_photo_credit(text: str) -> bool:
    return _caption_sized(text) and (
        bool(PHOTO_CREDIT.search(text)) or _names_a_credit(BRACKETED_SOURCE.match(text))
    )


def _is_caption(text: str) -> bool:
    """A caption that names its picture's credit, or a numbered figure's caption."""
    return _caption_sized(text) and (
        bool(FIGURE_CAPTION.match(text)) or _names_a_credit(TRAILING_CREDIT.search(text))
    )


def _caption_sized(text: str) -> bool:
    """Short enough for a caption or credit, and not a long finished sentence."""
    return word_count(text) <= 40 and not _is_quote_or_prose(text)


def _names_a_credit(match: re.Match[str] | None) -> bool:
    """The credit a pattern found is a name, not a sentence."""
    return bool(match) and word_count(match["credit"]) <= CREDIT_NAME_WORDS


def _is_quote_or_prose(text: str) -> bool:
    return word_count(text) >= 25 and ends_sentence(text)


def _is_copyright(text: str) -> bool:
    return word_count(text) <= 25 and bool(COPYRIGHT.search(text))


def _is_credit_line(text: str) -> bool:
    return word_count(text) <= 30 and bool(CREDIT_LINE.search(text))


def _is_byline(text: str) -> bool:
    if word_count(text) > 10:
        return False
    ends_with_abbreviation = bool(re.search(r"\b[A-Z][a-z]{0,3}\.$", text))
    finished = ends_sentence(text) and not ends_with_abbreviation
    opens = BYLINE.match(text) or BYLINE_ELSEWHERE.match(text)
    return not finished and bool(opens)


def _is_dateline(text: str) -> bool:
    return word_count(text) <= 14 and datelines.is_date_line(text)


# Order matters: the first rule that matches names the line's kind.
LINE_RULES: tuple[LineRule, ...] = (
    ("separator", _is_separator),
    ("skip link", lambda text: word_count(text) <= 10 and bool(SKIP_LINK.match(text))),
    ("screen-reader text", lambda text: bool(SCREEN_READER.match(text))),
    ("advertisement", lambda text: bool(ADVERTISEMENT.match(text))),
    ("shortcode", lambda text: bool(SHORTCODE.match(text))),
    ("dateline", _is_dateline),
    ("cross-link", lambda text: word_count(text) <= 30 and bool(CROSS_LINK.match(text))),
    ("photo credit", _is_photo_credit),
    ("photo caption", _is_caption),
    ("copyright notice", _is_copyright),
    ("credit line", _is_credit_line),
    ("byline", _is_byline),
    ("comment form", lambda text: word_count(text) <= 20 and bool(COMMENT_FORM.match(text))),
    ("comments heading", lambda text: bool(COMMENT_LINE.match(text) or COMMENTS_ON.match(text))),
    ("comment form", lambda text: word_count(text) <= 60 and bool(COMMENT_POLICY.search(text))),
    (
        "advertising disclosure",
        lambda text: word_count(text) <= 60 and bool(DISCLOSURE.search(text)),
    ),
    (
        "opinion disclaimer",
        lambda text: word_count(text) <= 60 and bool(OPINION_DISCLAIMER.search(text)),
    ),
    ("browser notice", lambda text: word_count(text) <= 80 and bool(BROWSER_NOTICE.search(text))),
    ("cookie notice", _is_cookie_notice),
    ("privacy notice", _is_privacy_notice),
    (
        "author bio",
        lambda text: (
            word_count(text) <= 60 and bool(AUTHOR_BIO.search(text) or ABOUT_AUTHOR.match(text))
        ),
    ),
    ("print edition note", lambda text: bool(PRINT_NOTE.match(text))),
    ("newsletter prompt", _is_newsletter_prompt),
    ("reading time", lambda text: bool(READING_TIME.match(text))),
    ("share widget", lambda text: _is_ui_line(text) or bool(CLICK_TO_SHARE.match(text))),
    ("menu", _is_menu_line),
    ("keyword line", _is_keyword_list_with_prefix),
)


def line_furniture(text: str) -> str | None:
    """The kind of furniture a line is, judged on its own, or ``None``."""
    for reason, rule in LINE_RULES:
        if rule(text):
            return reason
    return None


def is_section_label(text: str) -> bool:
    """A short line of site-section words, such as ``Military & Intelligence``."""
    return _is_section_label(text)


def is_name_line(text: str) -> bool:
    """``Helena Varga in Brussels``, ``Northwind Robotics, Inc.``: capitalised names only."""
    stripped = text.rstrip()
    if stripped.endswith(("!", "?")) or (
        stripped.endswith(".") and not CORPORATE_END.search(stripped)
    ):
        return False
    tokens = stripped.replace(",", " ").split()
    names = [token for token in tokens if token[:1].isupper()]
    return (
        2 <= len(tokens) <= 8
        and len(names) >= 2
        and all(token[:1].isupper() or token.lower() in NAME_CONNECTORS for token in tokens)
    )


def is_counter(text: str) -> bool:
    """A bare number (likes, comments, shares) such as ``42`` or ``1.2k``."""
    return bool(COUNTER.match(text))


def is_keyword_list(text: str) -> bool:
    """A bare list of tags: five or more short comma-separated items, no sentence."""
    if ends_sentence(text):
        return False
    items = [item for item in LIST_SEPARATOR.split(text.strip()) if item]
    return len(items) >= 5 and all(1 <= word_count(item) <= 4 for item in items)


def is_persons_name(text: str) -> bool:
    """ "Alice Wu", "ANDRÉ LOIBL", "Gunter Frank": a name alone, two or three capitalised
    words, the first a known first name (``data/first-names.txt``, or the given names of
    many countries in ``first-names-more.txt``)."""
    tokens = text.split()
    return (
        2 <= len(tokens) <= 3
        and tokens[0].casefold() in FIRST_NAMES
        and all(token[:1].isupper() for token in tokens)
    )
