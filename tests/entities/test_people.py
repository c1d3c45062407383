"""Who is a person: names cut from what the model glued to them, and the evidence around a
name that decides its type across the corpus."""

from __future__ import annotations

import pytest
from newscorpus.entities.canonical import (
    Named,
    clean_name,
    drop_leading_word,
    vote_types,
    word_counts,
)
from newscorpus.entities.mentions import person_pieces
from newscorpus.entities.people import evidence, split_person
from newscorpus.model import Mention


def pieces(text: str, name: str, label: str) -> list[tuple[str, str]]:
    """The (text, label) pieces of the model's span ``name`` at its place in ``text``."""
    start = text.index(name)
    return [(p.text, p.label) for p in person_pieces(text, name, start, label)]


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        # The role stays out of the name and is not an organisation.
        (
            "Secretary of State Rex Tillerson said on Tuesday that talks would go on.",
            "State Rex Tillerson",
            "ORG",
            [("Rex Tillerson", "PERSON")],
        ),
        (
            "Defense Secretary James Mattis visited the base.",
            "Defense Secretary James Mattis",
            "ORG",
            [("James Mattis", "PERSON")],
        ),
        # An organisation glued to the person: both kept, each with its own type.
        (
            "The photograph was taken by NASA Bill Ingalls at the launch.",
            "NASA Bill Ingalls",
            "ORG",
            [("NASA", "ORG"), ("Bill Ingalls", "PERSON")],
        ),
    ],
)
def test_a_span_is_cut_where_a_person_s_name_starts(text, span, label, expected):
    assert pieces(text, span, label) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A role's word that also opens organisations' names, before a word the text
        # never writes alone: the organisation.
        (
            "General Dynamics will build two destroyers, and General Atomics the drones.",
            "General Dynamics",
            [("General Dynamics", "ORG")],
        ),
        (
            "Chelsea lead the Premier League, ahead of Champions League rivals.",
            "the Premier League",
            [("the Premier League", "ORG")],
        ),
        # An organisation's head after the role's word is no surname, alone or not.
        (
            "The General Assembly voted. Republicans in the Assembly are furious.",
            "General Assembly",
            [("General Assembly", "ORG")],
        ),
        # A general's surname is written alone too: the person, the title cut off.
        (
            "General Petraeus said the surge worked. Petraeus later retired.",
            "General Petraeus",
            [("Petraeus", "PERSON")],
        ),
    ],
)
def test_a_role_s_word_opening_an_organisation_s_name_is_kept(text, span, expected):
    assert pieces(text, span, "ORG") == expected


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Mary Ann Smith won the race.", "Mary Ann Smith", "PERSON"),
        ("The Bill & Melinda Gates Foundation gave $5m.", "Bill & Melinda Gates Foundation", "ORG"),
        ("Recep Tayyip Erdogan spoke in Ankara.", "Recep Tayyip Erdogan", "PERSON"),
        ("Lockheed Martin builds the F-35.", "Lockheed Martin", "ORG"),
        ("Scientology was founded by L. Ron Hubbard.", "L. Ron Hubbard", "PERSON"),
    ],
)
def test_a_whole_name_is_never_cut(text, span, label):
    assert pieces(text, span, label) == [(span, label)]
    assert split_person(span, text[: text.index(span)]) is None


@pytest.mark.parametrize(
    ("before", "after", "name", "kind"),
    [
        ("in a statement, President ", " told reporters", "Trump", "person"),
        ("", " said on Monday that", "Washington", ""),
        ("the inventor ", " was there", "Dean Kamen", "person"),
        ("officials in the ", " administration said", "Trump", "attributive"),
        ("", "'s aides said", "Trump", "attributive"),
        ("shares in ", " rose", "Boeing", ""),
        ("a poll for the ", " showed", "Lib Dems", "determined"),
        ("she won an ", " for the role", "Oscar", "determined"),
        ("the ", " video was posted", "Tom Cruise", "attributive"),
        # Listed between two people: a person, though the first name is not in the table.
        (
            "such as Ansel Adams, Chuck Close, ",
            ", Robert Mapplethorpe and",
            "Walker Evans",
            "person",
        ),
        (
            "stars including Johnny Depp, ",
            " and Leonardo DiCaprio were there",
            "Cate Blanchett",
            "person",
        ),
        (
            "the sound of Aretha Franklin, ",
            " or Wilson Pickett",
            "Otis Redding",
            "person",
        ),
        # Listed between companies, or with a person on one side only: no evidence.
        ("banks such as Goldman Sachs, ", ", and Wells Fargo", "Morgan Stanley", ""),
        ("led by Chuck Close, ", ", the gallery said", "Walker Evans", ""),
        # A given name from the wider table, before a word that can be a surname.
        ("the centre ", " scored twice", "Aurelien Rougerie", "person"),
        ("", " won the heptathlon", "Carolina Kluft", ""),
        ("a visit to ", " on Sunday", "Tate Britain", ""),
        ("songs by ", " were played", "Jackson Five", ""),
        ("", " said", "Christian Medical Fellowship", ""),
        # An initial and a surname, as a team sheet writes a player; "A" is a word.
        ("Thomas (Toulouse, capt); ", " (Newport-Gwent), ", "K Morgan", "person"),
        ("a church founded by ", " in 1954", "L. Ron Hubbard", "person"),
        # An age or "a woman" after the name says a person's.
        ("", ", an Australian woman and former member, said", "Valeska Paris", "person"),
        ("", ", 33, told the court", "Valeska Paris", "person"),
        ("", ", a company that makes chips, said", "Intel", ""),
        ("the books of ", " sold well", "J. K. Rowling", "person"),
        ("", " spokesman said", "A Pentagon", "determined"),
        # A name before a role is whose role it is, not a person's ("former" and
        # "acting" qualify anything: "former Yukos boss").
        ("the trial of former ", " chief Bernie Ebbers", "WorldCom", "attributive"),
        ("a close associate of former ", " boss Mikhail Khodorkovsky", "Yukos", "attributive"),
        ("the break-up of the former ", " in the 1990s", "Soviet Union", ""),
        ("he sold it to former ", " in 2001", "Yugoslavia", ""),
        ("Chelsea boss ", " said", "Jose Mourinho", "person"),
        # A personal title outside the model's span; a company's noun before a name.
        ("the party challenged Mr ", " to stand down", "Kilroy-Silk", "person"),
        ("to be led by Russian energy giant ", " and India's ONGC", "Gazprom", "organisation"),
        ("shares in oil firm ", " fell", "Yukos", "organisation"),
        # A person after a trade that is also a company's noun is still a person; a band
        # named like one is not.
        ("the newspaper publisher ", " said", "Conrad Black", "person"),
        ("Hollywood giant ", " said", "Steven Spielberg", "person"),
        ("Glasgow band ", " won", "Franz Ferdinand", "organisation"),
    ],
)
def test_the_words_around_a_name_are_evidence_of_what_it_names(before, after, name, kind):
    assert evidence(before, after, name) == kind


def named(name: str, label: str, evidence: str = "") -> Named:
    return Named(Mention(name, 0, len(name), label, 0, evidence=evidence), name, label, name)


def test_the_type_vote_follows_evidence_not_the_model_s_majority():
    # The model says ORG three times for "the Trump administration"-style uses and PERSON
    # once where a title stands before the name: the person wins.
    articles = [
        [named("Trump", "ORG", "attributive"), named("Trump", "ORG", "attributive")],
        [named("Trump", "ORG", "attributive"), named("Trump", "PERSON", "person")],
        [named("Boeing", "ORG"), named("Boeing", "ORG"), named("Boeing", "PERSON")],
    ]
    types = vote_types(articles)
    assert types["Trump"] == "PERSON"
    # Without evidence the majority stands.
    assert types["Boeing"] == "ORG"
    only_attributive = [[named("Obama", "ORG", "attributive")]]
    assert vote_types(only_attributive)["Obama"] == "ORG"


def test_evidence_of_one_kind_decides_over_the_model_s_labels():
    # "energy giant Gazprom" twice, and the model's PLACE eight times: a company.
    company = [
        [named("Gazprom", "ORG", "organisation"), *[named("Gazprom", "PLACE")] * 4],
        [named("Gazprom", "PLACE", "organisation"), *[named("Gazprom", "PLACE")] * 4],
    ]
    assert vote_types(company)["Gazprom"] == "ORG"
    # Once is not enough, and evidence of two kinds leaves it to the vote.
    assert vote_types([company[0]])["Gazprom"] == "PLACE"
    mixed = [*company, [named("Gazprom", "PLACE", "place")] * 2]
    assert vote_types(mixed)["Gazprom"] == "PLACE"


def test_a_name_after_an_article_does_not_vote_for_a_person():
    # "the Lib Dems" twice, taken for a person by the model, once without "the".
    articles = [
        [named("Lib Dems", "PERSON", "determined"), named("Lib Dems", "PERSON", "determined")],
        [named("Lib Dems", "PERSON")],
    ]
    assert vote_types(articles)["Lib Dems"] == "ORG"
    # A title before the name still outweighs it.
    person = [[named("Joker", "PERSON", "determined"), named("Joker", "PERSON", "person")]]
    assert vote_types(person)["Joker"] == "PERSON"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("the Adler Planetarium", "ORG"),
        ("Museum of Flight", "ORG"),
        ("Wright-Patterson Air Force Base", "ORG"),
        ("the White House", "ORG"),
    ],
)
def test_a_building_or_site_is_a_place(name, label):
    assert clean_name(name, label)[1] == "PLACE"


@pytest.mark.parametrize(
    ("name", "label", "kind"),
    [
        ("Wilson County", "PERSON", "PLACE"),
        ("British Virgin Islands", "ORG", "PLACE"),
        # A first name and a surname that is also a place's last word: a person.
        ("Michael Bay", "PERSON", "PERSON"),
        ("Ben Castle", "PERSON", "PERSON"),
    ],
)
def test_a_county_or_islands_are_a_place_but_a_named_person_is_not(name, label, kind):
    assert clean_name(name, label) == (name, kind)


@pytest.mark.parametrize(
    ("name", "label"),
    [("L. Ron Hubbard", "PERSON"), ("George W. Bush", "PERSON"), ("U.S. Army", "ORG")],
)
def test_an_initials_full_stop_is_no_sentence_break_in_a_name(name, label):
    assert clean_name(name, label) == (name, label)
    # A sentence's end inside a span is: the model ran across two sentences.
    assert clean_name("Smith. Then Jones", label) is None


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Mervyn King", "PERSON", ("Mervyn King", "PERSON")),
        ("John Major", "PERSON", ("John Major", "PERSON")),
        ("Mr King", "PERSON", ("King", "PERSON")),
        ("al-Qaeda", "ORG", ("al-Qaeda", "ORG")),
        ("Defence Secretary", "PERSON", None),
        ("NASA Administrator", "ORG", None),
    ],
)
def test_a_surname_that_is_a_role_s_word_is_still_a_name(name, label, expected):
    assert clean_name(name, label) == expected


@pytest.mark.parametrize(
    "name", ["Welsh", "Britons", "Scots", "Muslims", "Islam", "Indigenous Peoples", "Latinos"]
)
def test_a_people_or_a_faith_alone_is_no_entity(name):
    assert clean_name(name, "ORG") is None
    assert clean_name(name, "PERSON") is None


@pytest.mark.parametrize("name", ["Antiguan", "Belizeans", "Dominican", "Samoan"])
def test_a_country_s_people_named_from_the_country_is_no_entity(name):
    # "the Antiguan government": no groups list names every country's people.
    assert clean_name(name, "PERSON") is None


def test_a_name_shaped_like_a_country_s_people_but_not_one_is_kept():
    assert clean_name("Elan", "ORG") == ("Elan", "ORG")
    assert clean_name("Roman Abramovich", "PERSON") == ("Roman Abramovich", "PERSON")


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Oscar", "ORG"),
        ("Olympic", "PLACE"),  # "double Olympic champion"
        ("Easter", "PLACE"),
        ("French Open", "PLACE"),
        ("Super Bowl", "ORG"),
        ("General Election", "ORG"),
        ("COVID-19", "ORG"),
        ("Brexit", "PERSON"),
        ("Python", "ORG"),
        ("DRM", "ORG"),
        ("R&B", "ORG"),
        ("Digital Rights Management", "ORG"),
        ("Xbox", "ORG"),
    ],
)
def test_an_award_a_holiday_a_match_a_disease_or_software_is_no_entity(name, label):
    assert clean_name(name, label) is None


def test_names_that_share_an_awards_or_a_matchs_word_are_kept():
    assert clean_name("Oscar Pistorius", "PERSON") == ("Oscar Pistorius", "PERSON")
    assert clean_name("Open University", "ORG") == ("Open University", "ORG")
    assert clean_name("Monty Python", "ORG") == ("Monty Python", "ORG")
    assert clean_name("International Olympic Committee", "ORG") == (
        "International Olympic Committee",
        "ORG",
    )


def test_a_country_taken_for_an_organisation_is_a_place():
    # "Slovakia beat Ireland": the team, shown as the country.
    assert clean_name("Slovakia", "ORG") == ("Slovakia", "PLACE")
    # A union is an organisation, and a surname that is a country is left to the model.
    assert clean_name("United Nations", "ORG") == ("United Nations", "ORG")
    assert clean_name("European Union", "ORG") == ("European Union", "ORG")
    assert clean_name("Jordan", "PERSON") == ("Jordan", "PERSON")


def test_a_name_that_holds_a_nationality_is_still_a_name():
    assert clean_name("Irvine Welsh", "PERSON") == ("Irvine Welsh", "PERSON")
    assert clean_name("Muslim Council of Britain", "ORG") == ("Muslim Council of Britain", "ORG")


def test_a_platform_taken_for_a_person_is_an_organisation():
    # "Twitter gave Mohamed the option of an internship": the model said PERSON.
    assert clean_name("Twitter", "PERSON") == ("Twitter", "ORG")
    assert clean_name("Sergey Brin", "PERSON") == ("Sergey Brin", "PERSON")


def test_a_place_listed_after_cities_outvotes_the_model():
    articles = [[named("Wrexham", "PERSON", "place"), named("Wrexham", "PERSON")]]
    assert vote_types(articles)["Wrexham"] == "PLACE"


@pytest.mark.parametrize(
    ("name", "label"),
    [("Lockheed Martin", "ORG"), ("Park Geun-hye", "PERSON"), ("Museum", "ORG")],
)
def test_other_names_keep_their_type(name, label):
    assert clean_name(name, label)[1] == label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Francesca Schiavone of", "Francesca Schiavone"),
        ("Scientology on French", "Scientology"),
        # A team sheet: "Manchester United: Carroll, Neville …".
        ("Manchester United: Carroll", "Manchester United"),
        ("Council on Foreign Relations", None),
        ("Instagram as", "Instagram"),
        ("Associated Press news agency", "Associated Press"),
        ("Anders Tegnell & co", "Anders Tegnell"),
        ("Bank of England by", "Bank of England"),
    ],
)
def test_a_span_that_runs_on_into_function_words_ends_before_them(text, name):
    assert clean_name(text, "ORG")[0] == (name or text)


@pytest.mark.parametrize(
    "name", ["State Department Spokesperson", "NASA Administrator", "Police Officers", "MPs"]
)
def test_a_title_alone_is_not_a_name(name):
    assert clean_name(name, "ORG") is None


@pytest.mark.parametrize("name", ["PACKAGE_NAME", "My_Project"])
def test_a_program_s_identifier_is_not_a_name(name):
    assert clean_name(name, "PERSON") is None


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("the Google Science Fair", "ORG"),
        ("Toronto Film Festival", "PERSON"),
        ("Northern Arena Esports Championship", "ORG"),
        ("Operation Clambake", "ORG"),
        ("Space Shuttle Columbia", "ORG"),
        # "the Athens Olympic 100m silver medallist": the games, not a body.
        ("Athens Olympic", "ORG"),
        # Wars, crises and summits are events too.
        ("the Great Recession", "PLACE"),
        ("the Cold War", "ORG"),
        ("Suez Crisis", "PLACE"),
    ],
)
def test_an_event_operation_or_vehicle_is_not_a_person_organisation_or_place(name, label):
    assert clean_name(name, label) is None


@pytest.mark.parametrize(
    ("name", "label", "kept"),
    [
        # A journal cited by its abbreviated title is none of the site's types.
        ("Br J Dermatol", "PERSON", False),
        ("N Engl J Med", "ORG", False),
        ("Proc Natl Acad Sci U S A.", "ORG", False),
        ("Immunol", "PERSON", False),
        ("Med", "PERSON", True),
        # Single capitals alone, a whole word or a player's initial are not titles.
        ("U S A", "PLACE", True),
        ("Public Health England", "ORG", True),
        ("J Lewsey", "PERSON", True),
    ],
)
def test_a_journal_s_abbreviated_title_is_not_a_name(name, label, kept):
    assert (clean_name(name, label) is not None) == kept


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("World Food Programme", "ORG"),
        ("British Geological Survey", "ORG"),
        ("Riot Games", "ORG"),
        ("Operation", "ORG"),
        ("Cup", "ORG"),
        ("International Olympic Committee", "ORG"),
    ],
)
def test_organisations_that_share_an_events_words_keep_their_type(name, label):
    assert clean_name(name, label) == (name, label)


def test_a_span_that_runs_into_a_bracket_it_does_not_close_ends_before_it():
    assert clean_name("The World Health Organisation (WHO", "ORG") == (
        "World Health Organisation",
        "ORG",
    )
    assert clean_name("Thames Water (UK)", "ORG") == ("Thames Water", "ORG")
    assert clean_name("Cable News Network (CNN)", "ORG") == ("Cable News Network", "ORG")


@pytest.mark.parametrize(
    ("text", "span", "label", "role"),
    [
        (
            "Talks went on, said Secretary of State Rex Tillerson.",
            "State Rex Tillerson",
            "ORG",
            "Secretary of State",
        ),
        (
            "Defense Secretary James Mattis visited.",
            "Defense Secretary James Mattis",
            "ORG",
            "Defense Secretary",
        ),
        (
            "In a statement, President Trump said the talks would go on.",
            "Trump",
            "PERSON",
            "President",
        ),
        ("Shares in Boeing rose.", "Boeing", "ORG", ""),
        # The role starts after the sentence before it ends, and after a word that opens
        # the sentence; a title of the name's own ("Sir", "Dr") is no role.
        (
            "It will be played at the Olympic Stadium. ARU chief executive Gary Flowers said.",
            "Gary Flowers",
            "PERSON",
            "ARU chief executive",
        ),
        (
            "But Home Secretary Charles Clarke disagreed.",
            "Charles Clarke",
            "PERSON",
            "Home Secretary",
        ),
        ("Lt. Gen. Mark Hertling said.", "Mark Hertling", "PERSON", "Lt. Gen."),
        (
            "But Manchester United manager Sir Alex Ferguson said.",
            "Alex Ferguson",
            "PERSON",
            "Manchester United manager",
        ),
        ("The vaccine works, said Dr Anthony Fauci.", "Anthony Fauci", "PERSON", ""),
    ],
)
def test_the_title_before_a_person_s_name_is_kept_as_the_person_s_role(text, span, label, role):
    start = text.index(span)
    *_, person = person_pieces(text, span, start, label)
    assert person.role == role


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Pro-Beijing", "PLACE", None),
        ("Ex-Labour", "ORG", None),
        ("Pan-democrat Lam Cheuk-ting", "PERSON", ("Lam Cheuk-ting", "PERSON")),
        ("Anti-Defamation League", "ORG", ("Anti-Defamation League", "ORG")),
    ],
)
def test_a_stance_or_a_former_role_before_a_name_is_not_part_of_it(name, label, expected):
    assert clean_name(name, label) == expected


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        # A common word's "-ing" form taken into a single name: the name alone.
        ("Taking Archie", "Archie"),
        ("Entering Westminster", "Westminster"),
        # Not a plural's or a verb's "-s", which ends first names too.
        ("Miles Davis", "Miles Davis"),
        # A common word before a full name, whatever its form.
        ("Sprinter Kelly Holmes", "Kelly Holmes"),
        # A first name that is also a common word stays.
        ("Will Smith", "Will Smith"),
        ("Mark Thompson", "Mark Thompson"),
        # A capitalised word the corpus does not write in lower case stays.
        ("Rogers Hornsby", "Rogers Hornsby"),
    ],
)
def test_a_common_word_before_a_name_is_not_its_first_name(name, kept):
    counts = word_counts(
        [
            "He is taking notes, taking time and taking part, entering it, entering, entering."
            " She walks for miles, miles and miles."
            " The sprinter will mark it; the sprinter will win; a sprinter will mark time."
            " Rogers said so."
        ]
    )
    assert drop_leading_word(name, counts) == kept
