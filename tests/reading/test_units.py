"""How a text dump's lines become units (newscorpus.reading.clean.to_units).

A scraper saves each text node on its own line, so a title or paragraph cut by a link or
a line break comes in pieces. The pieces that carry a line on are joined to it; the
lines that stand on their own (a byline's label, a quotation that opens a line, a clock
stamp) are not. The lines are made up.
"""

from newscorpus.reading.clean import to_units


def texts(*lines: str) -> list[str]:
    return [unit.text for unit in to_units("\n".join(lines))]


def test_a_title_cut_after_and_is_joined_even_when_the_rest_is_capitalised():
    assert texts("Harbour Fish Cakes, Hot", "and", "Fresh") == ["Harbour Fish Cakes, Hot and Fresh"]


def test_a_sentence_cut_after_an_auxiliary_is_joined_even_when_the_rest_is_capitalised():
    assert texts("Rust has been", "Stack Overflow’s most loved language for four years.") == [
        "Rust has been Stack Overflow’s most loved language for four years."
    ]
    assert texts("Who We Are", "Our Team") == ["Who We Are", "Our Team"]


def test_an_aside_after_a_dash_carries_the_sentence_on_but_a_posts_attribution_does_not():
    lines = ("Dee Dee Myers", "— a White House press secretary for", "Bill Clinton",
             "— is exiting her role at the studio.")  # fmt: skip
    assert texts(*lines) == [
        "Dee Dee Myers — a White House press secretary for Bill Clinton — is exiting her role "
        "at the studio."
    ]
    post = ("Simple as pie. pic.twitter.com/Rikoq31Xnq", "— rubito (@studiodelatorre)")
    assert texts(*post) == list(post)


def test_a_bylines_label_alone_is_not_joined_to_the_title_above():
    lines = ("Lounge: Kein Zugang mehr mit Sparpreis-Ticket", "von", "", "David Krenz")
    assert texts(*lines) == ["Lounge: Kein Zugang mehr mit Sparpreis-Ticket", "von", "David Krenz"]


def test_a_german_quotation_opening_a_line_is_not_joined_to_the_menu_above():
    assert texts("- Datenschutz", "»Abzocke wird als Klimaschutz verkauft«") == [
        "- Datenschutz",
        "»Abzocke wird als Klimaschutz verkauft«",
    ]


def test_a_french_closing_quotation_mark_carries_its_sentence_on():
    assert texts("Il a dit « c'est fini", "» avant de partir.") == [
        "Il a dit « c'est fini» avant de partir."
    ]


def test_a_time_zone_is_not_a_dangling_word():
    assert texts("Feb 09, 2022, 08:00 ET", "Share this article") == [
        "Feb 09, 2022, 08:00 ET",
        "Share this article",
    ]


def test_a_compound_and_a_bracket_split_at_their_elements_are_one_line():
    # Pages set an abbreviation in its own element: "KI" / "-Systemen", "(" / "KI" / ")".
    units = to_units(
        "Mehr Sicherheit für künstliche Intelligenz (\nKI\n) im Straßenverkehr: wie die\n"
        "IT\n-Sicherheit von\nKI\n-Systemen geprüft wird.\n\n- Ein Punkt der Liste\n"
    )
    texts = [unit.text for unit in units]
    assert texts[0] == (  # keep: one sentence, its words whole
        "Mehr Sicherheit für künstliche Intelligenz (KI) im Straßenverkehr: wie die "
        "IT-Sicherheit von KI-Systemen geprüft wird."
    )
    assert texts[1] == "- Ein Punkt der Liste"  # keep apart: a list item after a blank line


def test_a_byline_label_with_a_colon_does_not_carry_a_long_headline_on():
    # "by: Cora Neas" after a blank line opens the byline; the headline stays whole.
    headline = "Voters pass increase for retired workers, but future shortfalls likely to emerge"
    units = to_units(f"{headline}\n\nby: Cora Neas\n\nPosted: Nov 8, 2023\n")
    assert [unit.text for unit in units][:2] == [headline, "by: Cora Neas"]


def test_a_text_browsers_nested_list_stays_one_item_a_line():
    # inscriptis renders nested lists as "* ", "+ " and "o " items; "o Ausbildung" is an
    # item, not a lower-case line carrying the one above on.
    units = to_units("* Fachliches\n+ Fachbereiche\no Ausbildung\no Frauen\n* Verband\n")
    assert [unit.text for unit in units] == [  # keep each apart
        "* Fachliches",
        "+ Fachbereiche",
        "o Ausbildung",
        "o Frauen",
        "* Verband",
    ]
