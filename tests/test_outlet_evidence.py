"""The outlet from a page's copyright line and title, only where the page bears it out.

Made-up pages in the shape of a text dump: a menu, the article, a footer. A copyright
holder counts when the page shows a web address of the same name on another line; the
holder is cut to that name ("Kelmar Post www.kelmarpost.com" -> "Kelmar Post"). A
photographer's copyright is not the outlet. A site name after a headline on a page
("Headline | Site") counts only when the page says the name again.
"""

from newscorpus.parse import UNKNOWN_OUTLET, parse_article

MENU = ["Home", "Region", "Sport", "Culture", "Search"]
HEADLINE = "Night train to the coast returns in June"
ARTICLE = [
    "The regional rail authority said on Tuesday that the night train to the coast will "
    "run again from June, after two years in which the line was closed for repairs.",
    "Passengers had waited for the reopening since the bridge at Kelmarsh was found to be "
    "unsafe, and the authority said tickets would go on sale next week.",
    "A spokeswoman said the trains would be slower at first, because the new bridge must "
    "settle before it carries full speed, and that the timetable would change in autumn.",
]


def page(*footer: str, headline: str = HEADLINE) -> bytes:
    return "\n".join([*MENU, headline, *ARTICLE, "Imprint", "Privacy", *footer]).encode()


def test_a_holder_is_cut_to_the_name_of_the_address_the_page_shows():
    raw = page("Letters: briefe@kelmarpost.com", "© 2021 Kelmar Post www.kelmarpost.com")
    article = parse_article(raw, "footer.txt")
    assert article.outlet == "Kelmar Post"
    assert "© 2021 Kelmar Post www.kelmarpost.com" in {line.text for line in article.removed}


def test_a_holder_and_the_rest_of_its_line():
    raw = page("Write to us: post@kelmarpost.de", "© 2021 KelmarPost - Alle Inhalte geschützt")
    assert parse_article(raw, "footer.txt").outlet == "KelmarPost"


def test_a_photographers_copyright_is_not_the_outlet():
    raw = page("© 2021 Marina Beuerle")
    assert parse_article(raw, "footer.txt").outlet == UNKNOWN_OUTLET


def test_a_site_name_after_a_headline_on_a_page_needs_the_page_to_say_it_again():
    unconfirmed = parse_article(page(headline=f"{HEADLINE} | Step-by-Step Guide"), "a.txt")
    assert unconfirmed.headline == HEADLINE
    assert unconfirmed.outlet == UNKNOWN_OUTLET
    confirmed = parse_article(page("Kelmar Post", headline=f"{HEADLINE} | Kelmar Post"), "b.txt")
    assert confirmed.headline == HEADLINE
    assert confirmed.outlet == "Kelmar Post"
