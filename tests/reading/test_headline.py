"""Which line is the headline (newscorpus.reading.headline), and where the article's head begins.

The headline is chosen among the title-shaped lines above the article by a small model
fitted on real pages (``data/headline-model.json``); a file that opens with its title
(a clean text) needs no model. The pages here are made up.
"""

import datetime as dt

import pytest
from newscorpus.reading.clean import clean, to_units
from newscorpus.reading.furniture import line_furniture
from newscorpus.reading.headline import FEATURE_NAMES, candidate_features, load_model
from newscorpus.reading.language import detect
from newscorpus.reading.parse import parse_article
from newscorpus.reading.region import article_span

LEAD = (
    "The regional rail authority said on Tuesday that the night train to the coast will "
    "run again from June, after two years in which the line was closed for repairs."
)
SECOND = (
    "Passengers had waited for the reopening since the bridge at Kelmarsh was found to be "
    "unsafe, and the authority said tickets would go on sale next week."
)
THIRD = (
    "A spokeswoman said the trains would be slower at first, because the new bridge must "
    "settle before it carries full speed, and that the timetable would change in autumn."
)
MENU = ["Home", "News", "Sport", "Weather", "Travel", "Culture", "Search", "Log in"]
TEASERS = [
    "Council approves the budget for next year",
    "Storm warning for the north coast tonight",
    "Museum reopens its east wing after repairs",
]


def page(*lines: str) -> bytes:
    return "\n".join(lines).encode()


def test_the_shipped_model_fits_the_features_the_code_computes():
    assert load_model() is not None
    units = to_units(page(*MENU, "Night train to the coast returns in June", LEAD).decode())
    reasons = [None] * len(units)
    start, end = article_span(units, reasons, detect(unit.text for unit in units))
    rows = candidate_features(units, reasons, start, end, detect([LEAD]))
    assert rows
    assert {len(features) for _, features in rows} == {len(FEATURE_NAMES)}


def test_the_headline_is_the_title_above_the_article_not_a_teaser_above_it():
    raw = page(
        *MENU,
        *TEASERS,
        "Night train to the coast returns in June",
        "By Mara Quell",
        LEAD,
        SECOND,
        THIRD,
    )
    article = parse_article(raw, "night-train.txt")
    assert article.headline == "Night train to the coast returns in June"
    assert not article.headline_derived
    body = article.body_text
    assert LEAD in body
    for teaser in TEASERS:
        assert teaser not in body


def test_a_page_with_no_title_like_line_gets_a_derived_headline_not_a_menu_item():
    article = parse_article(page(*MENU, LEAD, SECOND, THIRD), "no-title.txt")
    assert article.headline_derived
    assert article.headline not in MENU
    assert any("derived" in warning for warning in article.warnings)


def test_a_clean_text_opens_with_its_title_even_with_an_ellipsis():
    units = to_units("Rivals of the night train...\n\n" + LEAD + "\n\n" + SECOND + "\n")
    cleaned = clean(units)
    assert cleaned.headline_index == 0
    assert all(reason is None for reason in cleaned.reasons)


def test_a_date_over_the_headline_and_its_kicker_dates_the_article():
    raw = page(
        *MENU,
        "15. Mai 2019, 05:28 Uhr",
        "Bahnverkehr",
        "Nachtzug an die Küste fährt wieder ab Juni",
        "Der Nachtzug an die Küste fährt ab Juni wieder, teilte die Bahn am Dienstag mit.",
        "Die Strecke war zwei Jahre lang wegen der Sanierung der Brücke gesperrt worden.",
        "Eine Sprecherin sagte, die Züge würden zunächst langsamer fahren als früher.",
    )
    article = parse_article(raw, "nachtzug.txt")
    assert article.headline == "Nachtzug an die Küste fährt wieder ab Juni"
    assert article.published.iso == dt.date(2019, 5, 15).isoformat()


def test_a_time_zoned_page_clock_over_the_headline_does_not_date_the_article():
    raw = page(
        *MENU,
        "10:02 GMT 3 March 2021",
        "Night train to the coast returns in June",
        LEAD,
        SECOND,
        THIRD,
    )
    article = parse_article(raw, "clock.txt")
    assert article.published.iso != "2021-03-03"
    assert "10:02 GMT 3 March 2021" in {line.text for line in article.removed}


def test_a_field_label_and_a_captions_note_are_not_the_headline():
    # "Posted on" over its date, "Article by" over its author, and a caption ending in a
    # bracketed note: none is a title, though each sits close above the article.
    raw = page(
        *MENU,
        "",
        "Posted on",
        "May 3, 2022",
        "Night train to the coast returns in June",
        "Article by",
        "Dana Okoro",
        "The night train at Kelmarsh station before the line closed. (FILE)",
        "",
        LEAD,
        "",
        SECOND,
        "",
        THIRD,
    )
    article = parse_article(raw, "labels.txt")
    assert article.headline == "Night train to the coast returns in June"
    assert article.headline_derived is False
    assert "Posted on" not in article.body_text


def test_a_date_label_on_its_own_line_is_no_headline_candidate():
    # "Posted on" over "April 29, 2022", the page's own headline below in the article's
    # run: the label is never offered as the title, however often the page repeats it.
    units = to_units(
        page(
            *MENU, "Posted on", "April 29, 2022", "Posted on", "April 29, 2022", LEAD, SECOND
        ).decode()
    )
    reasons = [line_furniture(unit.text) for unit in units]
    start, end = article_span(units, reasons, detect(unit.text for unit in units))
    rows = candidate_features(units, reasons, start, end, detect([LEAD]))
    assert "Posted on" not in {units[index].text for index, _ in rows}


def test_a_question_headline_right_above_the_lead_is_the_headline():
    # "…?" over the lead reads like a sentence, but a short question that opens the
    # article's run is its headline; the lead stays the first paragraph.
    raw = page(
        *MENU,
        "",
        "Will the night train to the coast run again this summer?",
        "",
        LEAD,
        "",
        SECOND,
        "",
        THIRD,
    )
    article = parse_article(raw, "question.txt")
    assert article.headline == "Will the night train to the coast run again this summer?"
    assert not article.headline_derived
    assert LEAD in article.body_text


STANDFIRST = "Tickets for the first trains go on sale next week, and they are cheap!"


def test_an_exclamation_under_the_byline_and_date_stays_in_the_article():
    # Under the headline, its byline and date, a short exclamation is the standfirst.
    raw = page(
        *MENU,
        "",
        "Night train to the coast returns in June",
        "By Mara Quell",
        "3 May 2022",
        "",
        STANDFIRST,
        "",
        LEAD,
        "",
        SECOND,
        "",
        THIRD,
    )
    article = parse_article(raw, "standfirst.txt")
    assert article.headline == "Night train to the coast returns in June"
    assert STANDFIRST in article.body_text
    assert LEAD in article.body_text


def test_an_author_beside_a_separator_and_a_date_is_not_a_headline_candidate():
    # A blog theme: "Julia Brenner" / "/" / "Dezember 29 2021" between headline and lead.
    lines = [*MENU, "Night train to the coast returns", "Julia Brenner", "/", "Dezember 29 2021"]
    units = to_units("\n".join([*lines, LEAD, SECOND, THIRD]))
    reasons = [line_furniture(unit.text) for unit in units]  # as the candidates are sought
    language = detect(unit.text for unit in units)
    start, end = article_span(units, reasons, language)
    texts = {units[i].text for i, _ in candidate_features(units, reasons, start, end, language)}
    assert "Night train to the coast returns" in texts
    assert "Julia Brenner" not in texts


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Carrie Lam should study her rival's playbook", "Alice Wu"),
        # "Gunter" is in the given names gathered from many countries, not the short table.
        ("Bericht zur Lage vom 22.04.2020", "Gunter Frank"),
    ],
)
def test_a_persons_name_alone_is_not_a_headline_candidate(title, name):
    # An author's box between the headline and the lead is not a title.
    units = to_units("\n".join([*MENU, title, name, LEAD, SECOND, THIRD]))
    reasons = [line_furniture(unit.text) for unit in units]
    language = detect(unit.text for unit in units)
    start, end = article_span(units, reasons, language)
    texts = {units[i].text for i, _ in candidate_features(units, reasons, start, end, language)}
    assert title in texts
    assert name not in texts


@pytest.mark.parametrize(
    "picture",
    [
        "Night train at Kelmarsh station before the line closed © Rail Archive / Jon Pell",
        "Kelmarsh-bridge-repairs.jpg",
        "Die Brücke bei Kelmarsh (Symbolbild)",
        "Home » Travel » Rail » Night train returns in June",
    ],
)
def test_a_pictures_credit_file_name_or_stock_note_is_no_headline_candidate(picture):
    # A picture's line right above the lead (or a breadcrumb, which has the headline's
    # words): the title above it is the headline.
    raw = page(*MENU, "Night train to the coast returns in June", picture, LEAD, SECOND, THIRD)
    units = to_units(raw.decode())
    reasons = [line_furniture(unit.text) for unit in units]
    start, end = article_span(units, reasons, detect(unit.text for unit in units))
    rows = candidate_features(units, reasons, start, end, detect([LEAD]))
    texts = {units[index].text for index, _ in rows}
    assert picture not in texts  # drop: the picture's line
    assert "Night train to the coast returns in June" in texts  # keep: the title
    assert parse_article(raw, "picture.txt").headline == "Night train to the coast returns in June"


def test_a_kicker_over_the_headline_and_a_standfirst_under_it_are_not_the_headline():
    # A short kicker above, a long standfirst below: the headline is the line between.
    raw = page(
        *MENU,
        "Rail",
        "Night train to the coast returns in June",
        "Two years after the Kelmarsh bridge was closed, passengers can sleep their way to the "
        "sea again",
        "By Mara Quell",
        LEAD,
        SECOND,
        THIRD,
    )
    article = parse_article(raw, "kicker.txt")
    assert article.headline == "Night train to the coast returns in June"


def test_a_breadcrumb_that_opens_the_file_is_not_its_title():
    # A text browser's dump that starts with the breadcrumb, the headline at its end, and
    # then the headline itself: the headline line is the headline.
    crumb = "Sie sind hier:» Home » Presse » Archiv » Nachtzug an die Küste fährt wieder"
    raw = page(
        crumb,
        "Nachtzug an die Küste fährt wieder",
        "Hamburg, 2. November 2021",
        "Der Nachtzug an die Küste fährt ab Juni wieder, teilte die Bahn am Dienstag mit.",
        "Die Strecke war zwei Jahre lang wegen der Sanierung der Brücke gesperrt worden.",
    )
    article = parse_article(raw, "crumb.txt")
    assert article.headline == "Nachtzug an die Küste fährt wieder"  # keep: the title
    assert crumb not in article.body_text  # drop: the breadcrumb
