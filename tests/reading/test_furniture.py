"""Keep/drop tests for single lines (newscorpus.reading.furniture.line_furniture).

Each dropped line names the reason a reader sees in the collapsed list; each kept line
is an article sentence that shares words with a rule and must stay. The lines are made
up, in the languages the rules read.
"""

import pytest
from newscorpus.reading.clean import TEASER_HEADING
from newscorpus.reading.furniture import line_furniture

DROPPED = (
    ("Bild: Jahr Media", "photo credit"),
    ("Foto: Marta Lindqvist/Stadtwerke", "photo credit"),
    ("Imagen: EFE", "photo credit"),
    ("Fot. Jan Kowalczyk", "photo credit"),
    ("(Quelle: Lindner/Unsplash/Verband)", "photo credit"),
    ("Der neue Steg am Nordufer. Foto: Lisa Brandt", "photo caption"),
    ("Die Mannschaft nach dem Finale. (Foto: Privat)", "photo caption"),
    ("The mayor opens the new library. (Picture by Sam Ortiz)", "photo caption"),
    ("Abbildung 3: Schneehöhen im Vergleich", "photo caption"),
    ("Advertising Disclosure", "advertising disclosure"),
    (
        "Für Links auf dieser Seite erhält Techwelt ggf. eine Provision vom Händler.",
        "advertising disclosure",
    ),
    (
        "Techwelt is supported by its audience. When you buy through links on our site, we may"
        " earn an affiliate commission.",
        "advertising disclosure",
    ),
    (
        "Thank you for visiting gazette.com. You are using a browser version with limited"
        " support for CSS. To obtain the best experience, use a more up to date browser.",
        "browser notice",
    ),
    ("Please enable JavaScript to view this page.", "browser notice"),
    ("As an Amazon Associate I earn from qualifying purchases.", "advertising disclosure"),
    ("Anzeige, enthält Affiliate Links", "advertising disclosure"),
    ("Jetzt Newsletter abonnieren", "newsletter prompt"),
    ("Jetzt zum kostenlosen Newsletter anmelden", "newsletter prompt"),
    (
        "This site participates in the Amazon Associate program and earns revenue from"
        " qualifying purchases.",
        "advertising disclosure",
    ),
    ("Ihr Browser ist veraltet. Bitte aktualisieren Sie ihn.", "browser notice"),
    ("Bitte beachten Sie: Kommentare werden moderiert.", "comment form"),
    ("Article by", "byline"),
    ("VEA TAMBIÉN: Entre lluvias y apagones: la escuela sigue sin clases", "cross-link"),
    ("Czytaj też: Rząd przyjął projekt ustawy o szkołach", "cross-link"),
    ("Follow The Courier on Twitter and Instagram @TheCourier", "newsletter prompt"),
    ("We rely on your support to make local news available to all.", "newsletter prompt"),
    ("Tú también puedes apoyar el periodismo local. Cancela cuando quieras.", "newsletter prompt"),
    ("The views expressed here are the author's own.", "opinion disclaimer"),
    (
        "Der Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.",
        "opinion disclaimer",
    ),
    (
        "The Courier is not responsible for the opinions or statements of contributors.",
        "opinion disclaimer",
    ),
)

KEPT = (
    "Das Bild: eine Stadt, die sich nicht mehr wiedererkennt.",
    "He showed the committee a photograph of the bridge before the flood.",
    "Critics say comments are moderated too aggressively on the council's forum.",
    "The company said affiliate disclosure rules were tightened in 2019 after complaints.",
    "Article 5 of the treaty was never invoked.",
    "Lee: I think we will win the vote, and we will win it well.",
    "The minister said the views expressed by the unions were not new.",
    "Trump followed up on Twitter with a post attacking the judge.",
    "Followers on Twitter and Facebook shared the video thousands of times.",
    "Mira: Ich habe nie verstanden, warum die Brücke gesperrt wurde.",
    "The retailer said shoppers who buy through links in its app pay less.",
    "Developers said the new browser would enable JavaScript-free pages by default.",
    "The update will enable JavaScript in more places, the company said.",
    "Brokers earn a commission on each policy, the regulator found.",
    "Amazon said its associates program had grown by a third in a year.",
    "Der Verlag will jetzt auch den Newsletter einstellen, sagte die Sprecherin.",
)


@pytest.mark.parametrize(("line", "reason"), DROPPED, ids=[line for line, _ in DROPPED])
def test_page_line_goes_with_its_reason(line, reason):
    assert line_furniture(line) == reason


@pytest.mark.parametrize("line", KEPT)
def test_article_sentence_that_looks_like_a_rule_stays(line):
    assert line_furniture(line) is None


@pytest.mark.parametrize(
    "heading",
    [
        "Explore further",
        "Die meistgelesenen Artikel",
        "Dowiedz się więcej",
        "Pour approfondir",
        "Das Thema könnte dich auch interessieren:",
        "Vorschau auf den nächsten Artikel",
    ],
)
def test_teaser_headings_in_other_languages(heading):
    assert TEASER_HEADING.match(heading)


def test_a_subhead_that_opens_with_a_teaser_word_is_not_a_teaser_heading():
    assert not TEASER_HEADING.match("Pour approfondir la réforme, le gouvernement a consulté.")


@pytest.mark.parametrize("heading", ["Lee también...", "Lesen Sie auch…", "Read more..."])
def test_a_teaser_heading_may_trail_off(heading):
    assert TEASER_HEADING.match(heading)


def test_a_sentence_that_opens_with_a_teaser_phrase_and_ends_is_not_a_heading():
    assert not TEASER_HEADING.match("Read more about the bridge on the council's website.")
