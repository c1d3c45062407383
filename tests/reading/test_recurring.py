"""Lines a site's pages share (its menus, tagline, footer, prompts) are furniture when
the corpus holds several of its pages; copies of one story share their text and keep it.

The made-up corpus (``tests/fixtures/template_site``): four pages of one local paper
(``post/``), each with its own article under the paper's template (the lines below),
and one wire story saved from three other sites (``wire/``, one copy trimmed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from newscorpus.reading.parse import parse_article
from newscorpus.reading.recurring import lines_of, read_dumps, recurring_in, recurring_lines

SITE = Path(__file__).parent.parent / "fixtures" / "template_site"
TEMPLATE_TOP = [
    "Skip to content",
    "Kelmar Evening Post",
    "News for the Kelmar valley since 1901",
    "Home",
    "Local",
    "Business",
    "Sport",
    "Opinion",
    "Subscribe",
]
# A line the site sets in every article, which no rule of the cleaner knows.
PROMPT = "Have a story for us? Call the newsroom on 01632 960 555"
SUBHEADING = "What happens next?"
TEMPLATE_FOOT = ["About us", "Contact", "Advertise with us", "© 2021 Kelmar Evening Post"]

STORIES = {
    "ferry": (
        "Night ferry to the islands returns on Friday",
        "The night ferry between Kellport and the islands sails again from Friday, after "
        "two winters tied up at the east quay, the harbour board said on Tuesday.",
        "Tickets go on sale on Thursday morning at the quay office and online, and the "
        "first crossing leaves the east quay at eleven.",
        "Crews have been hired back from the old company, and the timetable is the one "
        "islanders knew before the ferry stopped.",
        "The board will review the service in the autumn, when it knows how many people "
        "used the ferry over the summer months.",
    ),
    "market": (
        "Fish market roof to be mended before winter",
        "The town has chosen a builder for the fish market roof, which has leaked over "
        "the stalls for three winters running, the works committee said on Monday.",
        "Traders had asked for the repair since a storm tore away part of the roof, and "
        "some moved their stalls to the car park.",
        "The builder will start as soon as the last of the autumn storms has passed and "
        "expects the work to take six weeks.",
        "Stalls will stay open during the work, with a covered walkway along the north "
        "side of the hall.",
    ),
    "kayak": (
        "Kayak rentals open early as bookings rise",
        "The rental hut at the north beach will open in April rather than in June this "
        "year, its owners said, because bookings have come in earlier than ever.",
        "They put the rush down to a mild winter and to a new path that links the beach "
        "with the station.",
        "Two more instructors have been hired for the season, and lessons for children "
        "will run on Saturday mornings.",
        "The owners have asked the council for a second slipway at the south end of the beach.",
    ),
    "museum": (
        "Keepers' cottages at the point to become a museum",
        "The two keepers' cottages at the point, empty since the light was automated, are "
        "to become a small museum of the coast, a trust said on Wednesday.",
        "The trust raised the money for the repairs from donations made over two years, "
        "most of them from people in the valley.",
        "The lamp room will be open to visitors on summer weekends, with guides from the "
        "old keepers' families.",
        "Work on the roofs begins next month and the museum should open next spring.",
    ),
}

WIRE = (
    "Rail strike called off after overnight talks",
    "A national rail strike planned for Monday has been called off after overnight talks "
    "between the union and the operators, both sides said on Sunday.",
    "The union said the operators had agreed to review the new rosters, which drivers "
    "say leave too little rest between shifts.",
    "Trains will run to the normal timetable on Monday, the operators said, though some "
    "early services may start late.",
    "The talks are to resume next week, with a report on the rosters due by the end of the month.",
)


def corpus() -> dict[str, str]:
    """The fixture corpus: name (relative path) -> text."""
    return {
        path.relative_to(SITE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(SITE.rglob("*.txt"))
    }


@pytest.fixture(scope="module")
def found() -> dict[str, frozenset[str]]:
    return recurring_lines({name: lines_of(text.encode()) for name, text in corpus().items()})


def test_a_sites_template_recurs_in_each_of_its_pages(found):
    for key in STORIES:
        template = found[f"post/{key}.txt"]
        for line in (*TEMPLATE_TOP, PROMPT, SUBHEADING, *TEMPLATE_FOOT):
            assert line in template  # drop: the template, line for line
        for line in STORIES[key]:
            assert line not in template  # keep: the page's own article


def test_copies_of_one_story_share_their_text_and_keep_it(found):
    for name in ("wire/a.txt", "wire/b.txt", "wire/c.txt"):
        assert not found[name] & set(WIRE)  # keep: headline and paragraphs of the copies


def test_a_line_recurring_alone_in_three_articles_is_theirs():
    # A team sheet's substitutes in three match reports: one line, no template.
    subs = "Subs not used: R Russell, B Douglas, N Hines, J Dunbar, M Blair."
    files = {}
    for key in ("ferry", "market", "kayak"):
        headline, *body = STORIES[key]
        files[key] = [headline, *body, subs]
    assert all(not lines for lines in recurring_lines(files).values())


def test_a_page_read_with_its_template_loses_the_template_and_keeps_its_article(found):
    name = "post/ferry.txt"
    article = parse_article(corpus()[name].encode(), name, recurring=found[name])
    headline, *body = STORIES["ferry"]
    assert article.headline == headline
    for paragraph in body:
        assert paragraph in article.body_text  # keep: every paragraph
    assert SUBHEADING in article.body_text  # keep: a subheading between paragraphs
    assert PROMPT not in article.body_text  # drop: the newsletter prompt in the article
    removed = {line.text: line.reason for line in article.removed}
    assert removed[PROMPT] == "repeated in other files"
    assert removed["News for the Kelmar valley since 1901"] == "repeated in other files"


def test_the_corpus_folder_is_read_for_its_templates(tmp_path):
    shutil.copytree(SITE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "page.html").write_text("<html><body><p>Home</p></body></html>")
    paths = sorted((path.relative_to(tmp_path).as_posix(), path) for path in tmp_path.rglob("*.*"))
    from_folder = recurring_in(read_dumps(paths))
    assert "page.html" not in from_folder  # a saved page: its markup's cues decide
    assert from_folder["post/market.txt"] >= set(TEMPLATE_FOOT)
    assert recurring_in(read_dumps(reversed(paths))) == from_folder  # in any order


def test_short_articles_under_long_lines_of_furniture_are_still_different_articles():
    # Each page: the menu, three long lines of the site's furniture (a cookie notice, a
    # newsletter blurb, an about-us line) and a short article of its own. Sharing the
    # furniture's long lines does not make the pages copies of one article.
    furniture = [
        "We use cookies to give you the best experience on our site and to show ads.",
        "Our weekly newsletter brings the valley's news to your inbox every Friday morning.",
        "The Kelmar Evening Post has reported on the valley and its people since 1901.",
    ]
    files = {}
    for key, (headline, first, *_) in STORIES.items():
        files[key] = [*TEMPLATE_TOP, headline, first, *furniture]
    found = recurring_lines(files)
    for key, (headline, first, *_) in STORIES.items():
        assert set(TEMPLATE_TOP) <= found[key]  # drop: the menu
        assert headline not in found[key] and first not in found[key]  # keep: the article
