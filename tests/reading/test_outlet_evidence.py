"""The outlet from a page's copyright line and title, only where the page bears it out.

Made-up pages in the shape of a text dump: a menu, the article, a footer. A copyright
holder counts when the page shows a web address of the same name on another line; the
holder is cut to that name ("Kelmar Post www.kelmarpost.com" -> "Kelmar Post"). A
photographer's copyright is not the outlet, nor is a holder the article's captions
credit (a picture's), unless it names a web address the page shows. A site name after
a headline on a page ("Headline | Site") counts only when the page says the name again.
The name atop the page
(its logo's text, a name in its header menu) counts when the page shows a web address of
that name, unless the header names several sites and none leads (a publisher's network),
the address is a platform's, or the name is a host's credit. The page's closing copyright
counts when the page says the holder's name alone, unless the holder is a person, and
when the footer names it again in a line that is not the same notice, a software's
credit or a line about a group and its brands (an owner's). So
does a link about the site itself ("Über Kelmar Post", "Kelmar Post Newsletter") whose
name the page shows as a web address or alone atop the page (not a menu's word), and
the web address of the page's contact mailboxes ("redaktion@…", not a person's or a
publishing house's). A chart's "Source:" and an app prompt for a platform name no
outlet.
"""

from newscorpus.reading.parse import UNKNOWN_OUTLET, parse_article

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


def page_with(top: list[str], *footer: str, under_headline: tuple[str, ...] = ()) -> bytes:
    lines = [*top, *MENU, HEADLINE, *under_headline, *ARTICLE, "Imprint", "Privacy", *footer]
    return "\n".join(lines).encode()


def test_the_name_atop_the_page_with_an_address_of_that_name_is_the_outlet():
    raw = page_with(["Kelmar Post"], "Write to us: post@kelmarpost.com")
    article = parse_article(raw, "masthead.txt")
    assert article.outlet == "Kelmar Post"
    assert "Kelmar Post" not in article.body_text


def test_the_sites_name_in_its_header_menu_with_its_address_is_the_outlet():
    raw = page_with(["Skip to content", "Home", "About Kelmar Post"], "post@kelmarpost.com")
    assert parse_article(raw, "menu.txt").outlet == "Kelmar Post"


def test_a_site_name_with_its_domain_atop_the_page_is_the_outlet():
    raw = page_with(["KelmarPost.com", "Home"], "Advertise: ads@kelmarpost.com")
    assert parse_article(raw, "domain.txt").outlet == "KelmarPost.com"


def test_a_publishers_network_in_the_header_names_no_outlet():
    # Three sites of one publisher, each shown once in the footer: none is the page's own.
    top = ["Kelmar Post", "Rail Weekly", "Coast Jobs"]
    raw = page_with(top, "kelmarpost.com", "rail-weekly.com", "coast-jobs.com")
    assert parse_article(raw, "network.txt").outlet == UNKNOWN_OUTLET


def test_the_site_the_page_shows_most_leads_its_network():
    top = ["Kelmar Post", "Rail Weekly"]
    footer = ("post@kelmarpost.com", "www.kelmarpost.com", "ads@kelmarpost.com", "rail-weekly.com")
    assert parse_article(page_with(top, *footer), "lead.txt").outlet == "Kelmar Post"


def test_a_platforms_address_names_no_outlet():
    # A share button's name atop the page and its address in the footer.
    raw = page_with(["Twitter", "Home"], "Follow us: twitter.com/kelmarpost")
    assert parse_article(raw, "platform.txt").outlet == UNKNOWN_OUTLET


def test_a_hosts_credit_names_no_outlet():
    raw = page_with(["Home", "Blog hosted by vaubel.de"], "Imprint: vaubel.de")
    assert parse_article(raw, "host.txt").outlet == UNKNOWN_OUTLET


def test_the_closing_copyright_counts_when_the_page_says_its_name_alone():
    raw = page_with(["Kelmar Post"], "Newsletter", "© Kelmar Post")
    article = parse_article(raw, "closing.txt")
    assert article.outlet == "Kelmar Post"
    assert "© Kelmar Post" in {line.text for line in article.removed}


def test_a_pictures_copyright_above_the_pages_own_is_not_the_outlet():
    # "© Nordex" under a picture, "Nordex" alone in a list of partners; the page's own
    # notice closes the page.
    partners = ["Our partners", "Nordex", "© Nordex"]
    raw = page(*partners, *[f"Region {number}" for number in range(30)], "© 2021")
    assert parse_article(raw, "picture.txt").outlet == UNKNOWN_OUTLET


def test_a_credit_the_articles_captions_give_is_not_the_outlet():
    # A picture of a tourist board, credited under it and again in the list of the page's
    # pictures below the article.
    caption = "Night trains at the Kelmarsh bridge. © Kelmar Radio | Jan Sommer"
    body = [*ARTICLE[:2], caption, ARTICLE[2]]
    lines = [*MENU, HEADLINE, *body, "Imprint", "Privacy", "© Kelmar Radio | Jan Sommer"]
    article = parse_article("\n".join(lines).encode(), "credit.txt")
    assert caption in article.body_text
    assert article.outlet == UNKNOWN_OUTLET
    # The same notice with no caption giving it is the page's own.
    uncredited = page("© Kelmar Radio | Jan Sommer")
    assert parse_article(uncredited, "notice.txt").outlet == "Kelmar Radio"


def test_a_persons_closing_copyright_is_not_the_outlet():
    raw = page("About the author", "Katrin Albers", "© 2021 Katrin Albers")
    assert parse_article(raw, "person.txt").outlet == UNKNOWN_OUTLET


def test_a_year_and_a_comma_before_the_holder():
    raw = page("© 2022, KelmarPost.com.", "Send us your news: news@kelmarpost.com")
    assert parse_article(raw, "comma.txt").outlet == "KelmarPost.com"


def test_the_authors_own_copyright_under_a_picture_is_not_the_outlet():
    raw = page_with([], "© Jana Felsberg", under_headline=("By", "Jana Felsberg"))
    article = parse_article(raw, "author.txt")
    assert article.byline == ("Jana Felsberg",)
    assert article.outlet == UNKNOWN_OUTLET


def test_a_holder_beside_an_address_is_cut_to_the_address():
    raw = page("© 2021 Samuel Weiss rent-a-vicar.com", "Contact: hello@rent-a-vicar.com")
    assert parse_article(raw, "holder.txt").outlet == "rent-a-vicar.com"


def test_the_source_of_a_chart_is_not_the_outlet():
    raw = page("Source: CDC, Chicago Department of Public Health")
    assert parse_article(raw, "chart.txt").outlet == UNKNOWN_OUTLET


def test_a_source_line_beside_news_agencies_names_the_outlet():
    raw = page("Source: Kelmar Post and news agencies")
    assert parse_article(raw, "agencies.txt").outlet == "Kelmar Post"


def test_an_app_prompt_for_a_platform_is_not_the_outlet():
    raw = page("Download the Android app", "Get the iPhone app")
    assert parse_article(raw, "app.txt").outlet == UNKNOWN_OUTLET


def test_the_sites_link_about_itself_with_its_address_is_the_outlet():
    raw = page("Über Kelmar Post", "Kelmar Post Newsletter", "Leserbriefe: post@kelmarpost.de")
    article = parse_article(raw, "self.txt")
    assert article.outlet == "Kelmar Post"
    assert "Über Kelmar Post" in {line.text for line in article.removed}


def test_a_link_about_a_platform_names_no_outlet():
    raw = page("Follow Instagram", "Our pictures: instagram.com/kelmarpost")
    assert parse_article(raw, "platform-link.txt").outlet == UNKNOWN_OUTLET


def test_a_link_about_a_site_the_page_never_shows_names_no_outlet():
    raw = page("Subscribe to Rail Weekly", "Imprint: kelmarpost.com")
    assert parse_article(raw, "other-site.txt").outlet == UNKNOWN_OUTLET


def test_the_pages_contact_mailboxes_give_its_address():
    raw = page("Redaktion: redaktion@kelmarpost.de", "Anzeigen: anzeigen@kelmarpost.de")
    article = parse_article(raw, "contact.txt")
    assert article.outlet == "kelmarpost.de"
    assert article.outlet_reason == "the web address of the page's contact mailboxes"


def test_a_publishing_houses_mailbox_names_no_outlet():
    raw = page("Abo-Service: service@kelmar-verlag.de")
    assert parse_article(raw, "publisher.txt").outlet == UNKNOWN_OUTLET


def test_a_persons_mailbox_names_no_outlet():
    # "…office@" is a person's office, not the site's contact.
    raw = page("Write to the MP: jana.felsberg.office@parliament.example.org")
    assert parse_article(raw, "person-mail.txt").outlet == UNKNOWN_OUTLET


def test_a_mailbox_in_the_article_names_no_outlet():
    article_with_address = [
        *ARTICLE[:2],
        "Passengers who bought tickets for the cancelled trains can write to "
        "info@coastrail.example.com, the authority said, and will get their money back.",
    ]
    raw = "\n".join([*MENU, HEADLINE, *article_with_address, "Imprint"]).encode()
    article = parse_article(raw, "in-article.txt")
    assert "info@coastrail.example.com" in article.body_text
    assert article.outlet == UNKNOWN_OUTLET


def test_a_link_about_the_site_under_its_logo_is_the_outlet():
    raw = page_with(["Kelmarbote"], "Über den Kelmarbote", "Impressum")
    assert parse_article(raw, "logo.txt").outlet == "Kelmarbote"


def test_a_link_about_a_menu_word_atop_the_page_names_no_outlet():
    raw = page_with(["Newsletter"], "Über den Newsletter", "Impressum")
    assert parse_article(raw, "menu-word.txt").outlet == UNKNOWN_OUTLET


def test_a_footers_copyright_line_without_a_year_counts_like_a_notice():
    # "Copyright Kelmar Post", with no year or sign, in the page's footer; the page says
    # "Kelmar Post" alone further up.
    raw = page_with(["Kelmar Post"], "Newsletter", "Copyright Kelmar Post", "Privacy Policy")
    article = parse_article(raw, "footer-notice.txt")
    assert article.outlet == "Kelmar Post"
    assert "Copyright Kelmar Post" in {line.text for line in article.removed}


def test_a_publishing_houses_compound_name_is_not_the_outlet():
    raw = page_with(
        ["Landwirtschaftsverlag"],
        "Copyright by Landwirtschaftsverlag GmbH. Alle Rechte vorbehalten.",
    )
    assert parse_article(raw, "verlag.txt").outlet == UNKNOWN_OUTLET


def test_the_web_address_alone_atop_the_page_is_the_outlet():
    raw = page_with(["www.kelmarpost.com"])
    article = parse_article(raw, "logo-address.txt")
    assert article.outlet == "kelmarpost.com"
    assert article.outlet_reason == "the web address atop the page"
    assert "www.kelmarpost.com" not in article.body_text


def test_a_bar_of_a_publishers_sites_atop_the_page_names_no_outlet():
    raw = page_with(["kelmarpost.com", "rail-weekly.com", "coast-jobs.com"])
    assert parse_article(raw, "site-bar.txt").outlet == UNKNOWN_OUTLET


def test_a_platforms_address_atop_the_page_names_no_outlet():
    raw = page_with(["wordpress.com"])
    assert parse_article(raw, "platform-logo.txt").outlet == UNKNOWN_OUTLET


def test_the_closing_copyright_counts_when_the_footer_names_the_holder_again():
    raw = page(
        "Get the Kelmar Quill newsletter",
        "Kelmar Quill uses cookies to count its readers.",
        "© 2021 Kelmar Quill. All rights reserved.",
    )
    article = parse_article(raw, "again.txt")
    assert article.outlet == "Kelmar Quill"
    # The footer's lines that named it are furniture, not article text.
    assert "Get the Kelmar Quill newsletter" in {line.text for line in article.removed}
    assert "Kelmar Quill" not in article.body_text


def test_the_same_notice_twice_does_not_bear_out_its_holder():
    notice = "© 2021 Kelmar Holdco. All rights reserved."
    assert parse_article(page(notice, "Imprint", notice), "twice.txt").outlet == UNKNOWN_OUTLET


def test_a_platforms_or_an_owners_closing_copyright_is_not_the_outlet():
    forum = page("Forum software by Boardly", "© 2010-2019 Boardly Ltd.")
    assert parse_article(forum, "forum.txt").outlet == UNKNOWN_OUTLET
    group = page("Un site du groupe Prisma Média", "© 2020 Prisma Média - Tous droits réservés")
    assert parse_article(group, "group.txt").outlet == UNKNOWN_OUTLET


def test_a_menu_word_atop_the_page_is_no_outlet_though_an_address_has_it():
    # "Sport" heads the menu, and a sister site's address is "sport.pl".
    raw = page_with(["Sport"], "More football on www.sport.pl every day")
    article = parse_article(raw, "section.txt")
    assert article.outlet == UNKNOWN_OUTLET
    assert "Sport" in {line.text for line in article.removed}


def test_teasers_picture_credits_name_no_outlet_though_one_is_atop_the_page():
    # An author's box atop the page ("Marina Beuerle"), then teasers after the article,
    # each picture credited "© Name": a photographer's credit among many is no outlet.
    lines = [*MENU, "Marina Beuerle", HEADLINE, *ARTICLE, "Mehr entdecken"]
    for title, credit in (
        ("Herbst am See", "Wiebke Jann"),
        ("Die schönsten Wälder", "Marina Beuerle"),
        ("Therme bei Regen", "Sonja Koller"),
    ):
        lines += [f"© {credit}", title]
    article = parse_article("\n".join([*lines, "Imprint", "Privacy"]).encode(), "credits.txt")
    assert article.outlet == UNKNOWN_OUTLET  # drop: the photographer as outlet
    assert "© Marina Beuerle" in {line.text for line in article.removed}  # the credit goes


def test_the_sites_own_notice_after_its_pictures_credits_is_the_outlet():
    lines = [*MENU, HEADLINE, *ARTICLE, "Mehr entdecken"]
    for title, credit in (("Herbst am See", "Wiebke Jann"), ("Therme", "Sonja Koller")):
        lines += [f"© {credit}", title]
    lines += ["Kelmar Post", "Imprint", "© 2023 Kelmar Post. Alle Rechte vorbehalten."]
    article = parse_article("\n".join(lines).encode(), "own.txt")
    assert article.outlet == "Kelmar Post"  # keep: the site's own, with a year
