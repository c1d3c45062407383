"""The learned review of the cleaner's verdicts (newscorpus.reading.linemodel).

The fixture imitates a blog page whose article is short and cut into pieces by its
links, with a sidebar of longer teaser blurbs below: the rules take the sidebar for the
article's run of prose; the headline above the short article marks where the article
begins, and the review drops the widget lines the rules keep between the two.
"""

from pathlib import Path

from conftest import squash
from newscorpus.reading.clean import clean, to_units
from newscorpus.reading.linemodel import FEATURE_NAMES, line_features, load_model
from newscorpus.reading.parse import parse_article

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pages" / "short_article_big_sidebar.txt"
ARTICLE = [
    "Macro photography of insects is not an easy hobby.",
    "All of his photos were taken with his phones, here is a fine example:",
    "An ant in a bar!",
]
FURNITURE = ["Rate this post", "Loading...", "Archive", "About"]


def kept_text(learned: bool) -> str:
    units = to_units(FIXTURE.read_text(encoding="utf-8"))
    cleaned = clean(units, learned=learned)
    return squash(" ".join(units[i].text for i in cleaned.kept()))


def test_the_model_shipped_fits_the_features_the_code_computes():
    assert load_model() is not None


def test_every_unit_gets_one_value_per_feature():
    units = to_units(FIXTURE.read_text(encoding="utf-8"))
    cleaned = clean(units, learned=False)
    rows = line_features(cleaned, [None] * len(units))
    assert len(rows) == len(units)
    assert {len(row) for row in rows} == {len(FEATURE_NAMES)}


def test_the_rules_alone_keep_a_rating_widget_the_review_drops():
    rules, reviewed = kept_text(learned=False), kept_text(learned=True)
    assert "Rate this post" in rules
    assert "Rate this post" not in reviewed
    for text in ARTICLE:
        assert squash(text) in rules
        assert squash(text) in reviewed


def test_the_review_keeps_the_article_and_drops_the_page_furniture():
    article = parse_article(FIXTURE.read_bytes(), FIXTURE.name)
    body = squash(article.body_text)
    for text in ARTICLE:
        assert squash(text) in body
    removed = {line.text for line in article.removed}
    for text in FURNITURE:
        assert text in removed
        assert all(block.text != text for block in article.blocks)


def test_a_clean_text_is_left_to_the_rules():
    text = (
        "A headline for a clean text\n\n"
        "The council met on Tuesday.\n\n"
        "Results:\n\nYes 12\n\nNo 3\n\n"
        "The plan now goes to the mayor, who has a week to sign it.\n"
    )
    units = to_units(text)
    assert clean(units).reasons == clean(units, learned=False).reasons
    assert all(reason is None for reason in clean(units).reasons)
