"""Canonical names: folding, type votes and junk rules, on hand-made mentions (no model)."""

from __future__ import annotations

import re
from dataclasses import replace

from newscorpus.entities.canonical import Curation, canonicalise, load_curation, name_key
from newscorpus.model import Mention, RawExtraction


def article(text: str, *names: tuple[str, str]) -> tuple[RawExtraction, str]:
    """A body and its raw mentions: each ``(surface, label)`` at its first unused place."""
    mentions = []
    taken = 0
    for surface, label in names:
        start = text.index(surface, taken)
        taken = start + len(surface)
        before = text[:start].rstrip(" \"'‘“")
        initial = not before or before.endswith((".", "\n"))
        mentions.append(Mention(surface, start, taken, label, 0, False, initial))
    return RawExtraction(tuple(mentions), (), ((0, len(text)),)), text


def names_of(*articles: tuple[RawExtraction, str], table: Curation | None = None):
    """Canonical ``{name: type}`` per article."""
    result = canonicalise([a for a, _ in articles], [t for _, t in articles], table or Curation())
    return [{e.name: e.type for e in entities} for entities in result.entities], result


def test_plurals_and_possessives_of_designators_fold_into_one_weapon():
    one = article(
        "Turkey bought S-400s. The S-400’s radar and the S-400 itself.",
        ("S-400s", "WEAPON"), ("S-400", "WEAPON"), ("S-400", "WEAPON"),
    )  # fmt: skip
    found, result = names_of(one)
    assert found == [{"S-400": "WEAPON"}]
    assert "S-400s" in result.aliases["S-400"]
    assert len(result.entities[0][0].mentions) == 3


def test_surname_folds_into_the_full_name_in_the_same_article():
    one = article(
        "President Recep Tayyip Erdogan spoke. Erdogan said more. Mr Erdogan left.",
        ("Recep Tayyip Erdogan", "PERSON"), ("Erdogan", "PERSON"), ("Mr Erdogan", "ORG"),
    )  # fmt: skip
    found, result = names_of(one)
    assert found == [{"Recep Tayyip Erdogan": "PERSON"}]
    assert len(result.entities[0][0].mentions) == 3


def test_short_names_fold_into_the_longest_of_a_chain():
    one = article(
        "Recep Tayyip Erdogan spoke. Tayyip Erdogan said more. Erdogan left.",
        ("Recep Tayyip Erdogan", "PERSON"), ("Tayyip Erdogan", "PERSON"), ("Erdogan", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [{"Recep Tayyip Erdogan": "PERSON"}]


def test_surname_alone_folds_into_the_one_full_name_seen_elsewhere_in_the_corpus():
    first = article("Recep Tayyip Erdogan visited Ankara.", ("Recep Tayyip Erdogan", "PERSON"))
    second = article("They met Erdogan on Monday.", ("Erdogan", "PERSON"))
    found, _ = names_of(first, second)
    assert found[1] == {"Recep Tayyip Erdogan": "PERSON"}


def test_ambiguous_surname_stays_as_written():
    first = article("Boris Johnson and Stanley Johnson met.", ("Boris Johnson", "PERSON"),
                    ("Stanley Johnson", "PERSON"))  # fmt: skip
    second = article("Later, Johnson said no.", ("Johnson", "PERSON"))
    found, _ = names_of(first, second)
    assert "Johnson" in found[1]
    assert "Boris Johnson" not in found[1]


def test_surname_folds_to_the_person_in_its_own_article_not_another_articles():
    first = article(
        "Andy Clarke said. Clarke added.", ("Andy Clarke", "PERSON"), ("Clarke", "PERSON")
    )
    second = article("Charles Clarke said. Clarke added.", ("Charles Clarke", "PERSON"),
                     ("Clarke", "PERSON"))  # fmt: skip
    found, _ = names_of(first, second)
    assert found == [{"Andy Clarke": "PERSON"}, {"Charles Clarke": "PERSON"}]


def test_alias_table_folds_us_forms_into_united_states():
    table = load_curation()
    one = article(
        "The US warned. The U.S. said, and the United States agreed. America waits.",
        ("US", "PLACE"), ("U.S.", "PLACE"), ("the United States", "PLACE"), ("America", "PLACE"),
    )  # fmt: skip
    found, result = names_of(one, table=table)
    assert found == [{"United States": "PLACE"}]
    assert {"US", "U.S.", "America"} <= set(result.aliases["United States"])


def test_rules_work_with_an_empty_alias_table():
    one = article(
        "The North Atlantic Treaty Organization (NATO) met. NATO allies agreed. Lockheed "
        "Martin builds jets; Lockheed said so.",
        ("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG"), ("NATO", "ORG"),
        ("Lockheed Martin", "ORG"), ("Lockheed", "ORG"),
    )  # fmt: skip
    found, _ = names_of(one, table=Curation())
    assert found == [{"North Atlantic Treaty Organization": "ORG", "Lockheed Martin": "ORG"}]


def test_type_is_decided_by_a_vote_over_the_corpus():
    first = article("Ankara said. Ankara denied.", ("Ankara", "PLACE"), ("Ankara", "PLACE"))
    second = article("Officials in Ankara agreed.", ("Ankara", "PERSON"))
    found, _ = names_of(first, second)
    assert found == [{"Ankara": "PLACE"}, {"Ankara": "PLACE"}]


def test_a_person_label_nothing_bears_out_does_not_outvote_the_other_labels():
    # The model calls an oil company a person in most mentions; no mention shows a person
    # (no role before it, no first name), and some call it an organisation.
    people = [article(f"Shares in Yukos fell {n}.", ("Yukos", "PERSON")) for n in range(4)]
    company = article("Yukos said it would appeal.", ("Yukos", "ORG"))
    found, _ = names_of(*people, company)
    assert found == [{"Yukos": "ORG"}] * 5


def test_a_name_from_a_list_the_model_labelled_as_one_name_does_not_vote():
    # "Vieira, Clichy" in three line-ups was one organisation to the model each time;
    # two sentences show Clichy alone, as a person.
    def lineup(n: int, evidence: str) -> tuple:
        raw, text = article(f"Vieira, Clichy ({n}).", ("Vieira", "ORG"), ("Clichy", "ORG"))
        mentions = tuple(replace(m, evidence=evidence) for m in raw.mentions)
        return replace(raw, mentions=mentions), text

    people = [article(f"Clichy ran {n}.", ("Clichy", "PERSON")) for n in range(2)]
    found, _ = names_of(*(lineup(n, "listed") for n in range(3)), *people)
    assert found[-1] == {"Clichy": "PERSON"}
    # Counted, the list's labels would outvote the person.
    found, _ = names_of(*(lineup(n, "") for n in range(3)), *people)
    assert found[-1] == {"Clichy": "ORG"}


def test_a_person_label_with_a_first_name_keeps_person():
    people = [article(f"Ray Charles sang {n}.", ("Ray Charles", "PERSON")) for n in range(4)]
    band = article("Ray Charles toured.", ("Ray Charles", "ORG"))
    found, _ = names_of(*people, band)
    assert found == [{"Ray Charles": "PERSON"}] * 5


def test_a_person_label_borne_out_by_a_role_keeps_person():
    extraction, text = article("Striker Mertens scored.", ("Mertens", "PERSON"))
    supported = RawExtraction(
        tuple(replace(m, evidence="person") for m in extraction.mentions),
        extraction.dates,
        extraction.sentences,
    )
    club = article("Mertens signed.", ("Mertens", "ORG"))
    found, _ = names_of((supported, text), club)
    assert found == [{"Mertens": "PERSON"}, {"Mertens": "PERSON"}]


def test_a_short_name_far_more_widely_used_than_the_longer_one_is_a_name_of_its_own():
    subsidiary = article("Yukos USA filed for bankruptcy.", ("Yukos USA", "ORG"))
    others = [article(f"Yukos shares fell {n}.", ("Yukos", "ORG")) for n in range(4)]
    found, _ = names_of(subsidiary, *others)
    assert found[0] == {"Yukos USA": "ORG"}
    assert found[1:] == [{"Yukos": "ORG"}] * 4


def test_a_short_name_folds_into_the_longer_one_of_another_article_when_used_alike():
    full = article("Anadolu News Agency reported it.", ("Anadolu News Agency", "ORG"))
    short = [article(f"Anadolu reported {n}.", ("Anadolu", "ORG")) for n in range(2)]
    found, _ = names_of(full, *short)
    assert found == [{"Anadolu News Agency": "ORG"}] * 3


def test_a_name_ending_in_an_organisations_noun_is_an_organisation():
    one = article(
        "The House Armed Services Committee met. Manchester United won. The Senate voted. "
        "Settlers in the West Bank protested.",
        ("House Armed Services Committee", "PERSON"), ("Manchester United", "PLACE"),
        ("Senate", "PERSON"), ("West Bank", "PLACE"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [
        {
            "House Armed Services Committee": "ORG",
            "Manchester United": "ORG",
            "Senate": "ORG",
            "West Bank": "PLACE",
        }
    ]


def test_a_society_an_alliance_or_a_movement_is_an_organisation():
    one = article(
        "Befrienders Worldwide answers calls. The Five Star Movement won. The Law Society "
        "objected. Google acquired Pyra Labs.",
        ("Befrienders Worldwide", "PERSON"), ("Five Star Movement", "PLACE"),
        ("Law Society", "PERSON"), ("Pyra Labs", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [
        {
            "Befrienders Worldwide": "ORG",
            "Five Star Movement": "ORG",
            "Law Society": "ORG",
            "Pyra Labs": "ORG",
        }
    ]


def test_junk_never_becomes_an_entity():
    one = article(
        "Sooner or later they will. It happens sooner than you think. Subscribe to the "
        "newsletter. Some 100 jets. The Education Secretary said education matters and "
        "education costs. Istanbul hosted Chelsea v Arsenal. AI needs a faster CPU in "
        "Firefox.",
        ("Sooner", "ORG"), ("Subscribe", "ORG"), ("100", "ORG"), ("Education", "ORG"),
        ("Istanbul", "PLACE"), ("Chelsea v Arsenal", "PERSON"), ("AI", "ORG"), ("CPU", "ORG"),
        ("Firefox", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [{"Istanbul": "PLACE"}]


def test_a_compass_point_alone_is_no_place_but_a_surname_stays_a_persons():
    one = article(
        "North and South Korea exchanged fire. The North retaliated. Kanye West sang; "
        "West said he would return to North Korea never, nor to the North East.",
        ("North", "PLACE"), ("South Korea", "PLACE"), ("North", "PLACE"),
        ("Kanye West", "PERSON"), ("West", "PERSON"), ("North Korea", "PLACE"),
        ("North East", "PLACE"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [
        {"South Korea": "PLACE", "North Korea": "PLACE", "Kanye West": "PERSON",
         "North East": "PLACE"}
    ]  # fmt: skip


def test_names_seen_only_in_subheadings_are_headline_fragments():
    raw, text = article(
        "Turkey Says Yes\n\nTurkey agreed.", ("Turkey Says", "ORG"), ("Turkey", "PLACE")
    )
    heading = raw.mentions[0]
    raw = RawExtraction(
        (Mention(heading.text, heading.start, heading.end, "ORG", 0, True, True), raw.mentions[1]),
        (),
        raw.sentences,
    )
    found, _ = names_of((raw, text))
    assert found == [{"Turkey": "PLACE"}]


def test_titles_and_edge_punctuation_are_not_part_of_a_name():
    one = article(
        "“Mr Balls said,” and Ed Balls agreed; Moazzam Begg - have a look.",
        ("Mr Balls", "ORG"), ("Ed Balls", "PERSON"), ("Moazzam Begg - have", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [{"Ed Balls": "PERSON", "Moazzam Begg": "PERSON"}]
    styled = article(
        "The Acting Premier Honourable Natalio Wheatley and Rev. Jesse Jackson spoke.",
        ("Honourable Natalio Wheatley", "PERSON"), ("Rev. Jesse Jackson", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(styled)
    assert found == [{"Natalio Wheatley": "PERSON", "Jesse Jackson": "PERSON"}]
    ran_on = article("George sighs and apologises.", ("George sighs", "PERSON"))
    found, _ = names_of(ran_on)
    assert found == [{"George": "PERSON"}]
    opening = article("Across Wales, pickets were held.", ("Across Wales", "PLACE"))
    found, _ = names_of(opening)
    assert found == [{"Wales": "PLACE"}]
    marked = article("Open it in Photoshop® with Patti Smith + friends.",
                     ("Photoshop®", "ORG"), ("Patti Smith +", "PERSON"))  # fmt: skip
    found, _ = names_of(marked)
    assert found == [{"Patti Smith": "PERSON", "Photoshop": "ORG"}]


def test_name_key_ignores_case_accents_stops_and_spaces():
    assert name_key("Erdoğan") == name_key("ERDOGAN")
    assert name_key("U.S.") == name_key("US")
    assert name_key("Time Warner") == name_key("TimeWarner")
    assert re.fullmatch(r"[a-z0-9]+", name_key("S-400"))


def test_a_common_word_before_a_persons_name_is_not_part_of_it():
    one = article(
        "Sprinter Kelly Holmes won. The sprinter ran, a sprinter rested, every sprinter ate.",
        ("Sprinter Kelly Holmes", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [{"Kelly Holmes": "PERSON"}]


def test_the_memos_form_of_canonical_entities_gives_back_the_same_entities():
    import pickle

    from newscorpus.entities.extract import mention_numbers, with_mentions

    one = article(
        "President Recep Tayyip Erdogan spoke. Erdogan said more. Turkey bought S-400s.",
        ("Recep Tayyip Erdogan", "PERSON"), ("Erdogan", "PERSON"), ("Turkey", "PLACE"),
        ("S-400s", "WEAPON"),
    )  # fmt: skip
    two = article("Mr Erdogan met NATO in Brussels.", ("Mr Erdogan", "PERSON"), ("NATO", "ORG"))
    raws = [one[0], two[0]]
    result = canonicalise(raws, [one[1], two[1]], Curation())
    kept = pickle.loads(pickle.dumps(mention_numbers(result, raws)))
    assert with_mentions(kept, raws) == result
    assert "Mention" not in repr(kept)  # the mentions stay in the extraction cache


def test_a_first_name_alone_never_folds_into_a_person_of_another_article():
    cliff = article("Cliff Richard sang at the gala.", ("Cliff Richard", "PERSON"))
    judy = article(
        "Richard and Judy will return to television.", ("Richard", "PERSON"), ("Judy", "PERSON")
    )
    found, _ = names_of(cliff, judy)
    assert found == [{"Cliff Richard": "PERSON"}, {"Richard": "PERSON", "Judy": "PERSON"}]


def curation_from(tmp_path, text: str) -> Curation:
    path = tmp_path / "aliases.conf"
    path.write_text(text, encoding="utf-8")
    return load_curation(path)


def test_curation_lines_drop_retype_and_split_names(tmp_path):
    curation = curation_from(
        tmp_path,
        "# corrections\n"
        "drop: Read More | Sign Up\n"
        "type: Tottenham Hotspur = organisation\n"
        "split: Richard\n"
        "Kremlin = Moscow\n",
    )
    cliff = article("Cliff Richard sang. Richard then left.", ("Cliff Richard", "PERSON"),
                    ("Richard", "PERSON"))  # fmt: skip
    club = article(
        "Tottenham Hotspur won. Read More about Tottenham Hotspur.",
        ("Tottenham Hotspur", "PERSON"), ("Read More", "ORG"), ("Tottenham Hotspur", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(cliff, club, table=curation)
    assert found == [
        {"Cliff Richard": "PERSON", "Richard": "PERSON"},
        {"Tottenham Hotspur": "ORG"},
    ]
    assert curation.problems == ()
    assert curation.joins[name_key("Moscow")] == "Kremlin"


def test_without_curation_the_same_names_fold_and_keep_the_models_type():
    cliff = article("Cliff Richard sang. Richard then left.", ("Cliff Richard", "PERSON"),
                    ("Richard", "PERSON"))  # fmt: skip
    club = article("Tottenham Hotspur won. Read More.", ("Tottenham Hotspur", "PERSON"),
                   ("Read More", "ORG"))  # fmt: skip
    found, _ = names_of(cliff, club)
    assert found == [
        {"Cliff Richard": "PERSON"},
        {"Tottenham Hotspur": "PERSON", "Read More": "ORG"},
    ]


def test_split_also_undoes_a_join_of_the_built_in_table(tmp_path):
    curation = curation_from(tmp_path, "split: America\n")
    one = article("The US warned. America waits.", ("US", "PLACE"), ("America", "PLACE"))
    found, _ = names_of(one, table=curation)
    assert found == [{"United States": "PLACE", "America": "PLACE"}]


def test_a_curation_line_that_cannot_be_read_is_reported_with_its_number(tmp_path):
    curation = curation_from(
        tmp_path, "drop: Sign Up\ntype: NATO = club\nsplit Richard\nRussia =\n"
    )
    assert curation.drops == {name_key("Sign Up")}
    assert curation.problems == (
        "aliases.conf, line 2: not understood: 'type: NATO = club'",
        "aliases.conf, line 3: not understood: 'split Richard'",
        "aliases.conf, line 4: not understood: 'Russia ='",
    )
    assert name_key("NATO") not in curation.types


def test_a_possessive_inside_a_name_keeps_the_name_when_the_owner_is_a_plural_noun():
    one = article(
        "The Korean People's Army fired shells. The Bank of England's Monetary Policy "
        "Committee met.",
        ("Korean People's Army", "ORG"),
        ("Bank of England's Monetary Policy Committee", "ORG"),
    )
    found, _ = names_of(one)
    assert found == [{"Korean People's Army": "ORG", "Bank of England": "ORG"}]


def test_a_town_and_the_town_with_its_state_are_one_place():
    one = article(
        "Huntsville, Alabama hosts the rocket. Huntsville is proud.",
        ("Huntsville, Alabama", "PLACE"), ("Huntsville", "PLACE"),
    )  # fmt: skip
    other = article("A museum in Huntsville opened.", ("Huntsville", "PLACE"))
    found, result = names_of(one, other)
    assert found == [{"Huntsville, Alabama": "PLACE"}] * 2
    assert "Huntsville" in result.aliases["Huntsville, Alabama"]


def test_a_town_in_two_states_folds_only_into_the_one_its_article_names():
    oregon = article(
        "Portland, Oregon voted. Portland counts.",
        ("Portland, Oregon", "PLACE"), ("Portland", "PLACE"),
    )  # fmt: skip
    maine = article("Portland, Maine voted.", ("Portland, Maine", "PLACE"))
    alone = article("Portland stayed calm.", ("Portland", "PLACE"))
    found, _ = names_of(oregon, maine, alone)
    assert found == [
        {"Portland, Oregon": "PLACE"},
        {"Portland, Maine": "PLACE"},
        {"Portland": "PLACE"},
    ]


def test_a_town_written_alone_far_more_often_keeps_its_own_name():
    once = article("Chicago, Illinois is cold.", ("Chicago, Illinois", "PLACE"))
    others = [article(f"Chicago won {n}.", ("Chicago", "PLACE")) for n in range(4)]
    found, result = names_of(once, *others)
    assert found == [{"Chicago": "PLACE"}] * 5
    assert "Chicago, Illinois" in result.aliases["Chicago"]


def test_a_full_name_the_model_nearly_always_calls_a_person_stays_a_person():
    # No role, no first name the tables know; eight person labels, one place label in a
    # team sheet.
    people = [article(f"Lleyton Hewitt won {n}.", ("Lleyton Hewitt", "PERSON")) for n in range(8)]
    sheet = article("Seeds: Lleyton Hewitt (Australia).", ("Lleyton Hewitt", "PLACE"))
    found, _ = names_of(*people, sheet)
    assert found == [{"Lleyton Hewitt": "PERSON"}] * 9
    # One word so labelled may be a club: it still needs the corpus to bear it out.
    club = [article(f"Everton won {n}.", ("Everton", "PERSON")) for n in range(8)]
    ground = article("Everton said it would appeal.", ("Everton", "ORG"))
    found, _ = names_of(*club, ground)
    assert found == [{"Everton": "ORG"}] * 9
    # A company's name with a word after it, taken for a person's, is the company's
    # product: "Coinbase" alone is an organisation's name.
    product = [
        article(f"Coinbase Pro charges less {n}.", ("Coinbase Pro", "PERSON")) for n in range(8)
    ]
    company = article(
        "Coinbase owns Coinbase Pro, and Coinbase is older.",
        ("Coinbase", "ORG"), ("Coinbase Pro", "ORG"), ("Coinbase", "ORG"),
    )  # fmt: skip
    found, _ = names_of(*product, company)
    assert found == [{"Coinbase Pro": "ORG"}] * 9


def test_a_full_name_the_model_calls_a_person_whenever_it_is_written_in_full_stays_one():
    # "Hewitt" alone, folded into the full name, is a place or a club as often as not:
    # the model's label on a surname alone does not outvote the full name's.
    full = [
        article(f"Lleyton Hewitt won {n}. Hewitt served.", ("Lleyton Hewitt", "PERSON"),
                ("Hewitt", "PLACE" if n % 2 else "ORG"))
        for n in range(3)
    ]  # fmt: skip
    found, _ = names_of(*full)
    assert found == [{"Lleyton Hewitt": "PERSON"}] * 3
    # Not when a word of the name is a place the corpus names, or a company's form (five
    # of six is not nearly always).
    rangers = [
        article(f"Glasgow Rangers won {n}. Rangers led in Glasgow.",
                ("Glasgow Rangers", "PERSON"), ("Rangers", "ORG"), ("Glasgow", "PLACE"))
        for n in range(3)
    ]  # fmt: skip
    found, _ = names_of(*rangers)
    assert [names["Glasgow Rangers"] for names in found] == ["ORG"] * 3
    company = [
        article(f"Leadplex LLC sued {n}. Leadplex LLC won.", ("Leadplex LLC", "PERSON"),
                ("Leadplex LLC", "ORG" if n == 0 else "PERSON"))
        for n in range(3)
    ]  # fmt: skip
    found, _ = names_of(*company)
    assert found == [{"Leadplex LLC": "ORG"}] * 3


def test_initials_the_model_calls_a_place_and_an_organisation_are_a_companys():
    places = [article(f"BT is offering calls {n}.", ("BT", "PLACE")) for n in range(3)]
    company = article("BT's research unit built it.", ("BT", "ORG"))
    found, _ = names_of(*places, company)
    assert found == [{"BT": "ORG"}] * 4
    # A country's initials in the alias table stay the place.
    places = [article(f"The US said {n}.", ("US", "PLACE")) for n in range(3)]
    team = article("US beat Wales.", ("US", "ORG"))
    found, _ = names_of(*places, team)
    assert found == [{"US": "PLACE"}] * 4


def test_a_company_s_noun_before_a_name_counts_three_times_for_an_organisation():
    places = [article(f"Yukos shares went to Gazprom {n}.", ("Gazprom", "PLACE")) for n in range(2)]
    raw, text = article("It was led by energy giant Gazprom.", ("Gazprom", "ORG"))
    giant = replace(raw, mentions=(replace(raw.mentions[0], evidence="organisation"),))
    found, _ = names_of(*places, (giant, text))
    assert found == [{"Gazprom": "ORG"}] * 3


def test_a_surname_does_not_fold_into_a_person_where_its_article_writes_a_place():
    person = article(
        "UKIP's John Houston quit. Mr Houston said so.",
        ("John Houston", "PERSON"), ("Houston", "PERSON"),
    )  # fmt: skip
    raw, text = person
    person = (
        replace(raw, mentions=(raw.mentions[0], replace(raw.mentions[1], evidence="person"))),
        text,
    )
    tennis = article("Hewitt played in Houston last year.", ("Houston", "PLACE"))
    report = article("Houston said the vote was fair.", ("Houston", "PERSON"))
    found, _ = names_of(person, tennis, report)
    assert found[0] == {"John Houston": "PERSON"}
    # Kept apart: the city in the tennis report.
    assert "John Houston" not in found[1]
    # Folded: the same surname, written as a person's in another article.
    assert found[2] == {"John Houston": "PERSON"}


def test_a_name_often_written_as_a_work_s_title_is_no_entity_anywhere():
    raw, text = article("The comedy Sideways won.", ("Sideways", "ORG"))
    comedy = (replace(raw, mentions=(replace(raw.mentions[0], evidence="work"),)), text)
    alone = article("Sideways took $7m.", ("Sideways", "PERSON"))
    again = article("Sideways is written by him.", ("Sideways", "ORG"))
    found, _ = names_of(comedy, alone, again)
    assert found == [{}, {}, {}]


def test_a_place_once_the_title_of_a_film_stays_a_place():
    raw, text = article("The film Chicago won.", ("Chicago", "PLACE"))
    film = (replace(raw, mentions=(replace(raw.mentions[0], evidence="work"),)), text)
    city = [article(f"Chicago voted {n}.", ("Chicago", "PLACE")) for n in range(6)]
    found, _ = names_of(film, *city)
    # The title's own mention is not the city's; the city is named everywhere else.
    assert found == [{}] + [{"Chicago": "PLACE"}] * 6


def test_a_town_named_like_a_state_does_not_fold_into_the_town_with_its_state():
    capital = article("Washington, D.C. was quiet.", ("Washington, D.C.", "PLACE"))
    state = article("Washington voted on Tuesday.", ("Washington", "PLACE"))
    found, _ = names_of(capital, state)
    assert found == [{"Washington, D.C.": "PLACE"}, {"Washington": "PLACE"}]


def test_an_initial_and_a_surname_fold_into_the_one_full_name_with_that_initial():
    report = article("Gavin Henson kicked well.", ("Gavin Henson", "PERSON"))
    sheet = article("Wales: G Henson, G Thomas.", ("G Henson", "PERSON"), ("G Thomas", "PERSON"))
    later = article("Henson scored twice.", ("Henson", "PERSON"))
    found, _ = names_of(report, sheet, later)
    assert found[1] == {"Gavin Henson": "PERSON", "G Thomas": "PERSON"}
    # The bare surname still finds the full name, not the team sheet's form.
    assert found[2] == {"Gavin Henson": "PERSON"}
    # Two full names with the initial: the team sheet's form stays as written.
    two = article(
        "Gareth Thomas and Gwyn Thomas played.",
        ("Gareth Thomas", "PERSON"),
        ("Gwyn Thomas", "PERSON"),
    )
    found, _ = names_of(two, sheet)
    assert "G Thomas" in found[1]


def test_a_surname_folded_into_a_person_does_not_outvote_the_person():
    # The model calls the surname alone an organisation in sentence after sentence; the
    # full name, with a first name before the surname, says whose it is.
    raw, text = article(
        "Kirstie Alley is another celebrity. Alley has been in many shows. Alley lost "
        "weight. Later Alley said so, and Alley returned to television.",
        ("Kirstie Alley", "PERSON"), ("Alley", "ORG"), ("Alley", "ORG"),
        ("Alley", "ORG"), ("Alley", "ORG"),
    )  # fmt: skip
    first = replace(raw.mentions[0], evidence="person")
    celebrity = replace(raw, mentions=(first, *raw.mentions[1:]))
    found, result = names_of((celebrity, text))
    assert found == [{"Kirstie Alley": "PERSON"}]
    assert len(result.entities[0][0].mentions) == 5
    # With nothing to say the full name is a person's, the folded name still votes:
    # "Forest" (a club) into "Nottingham Forest", which the model once took for a person.
    club = article(
        "Nottingham Forest won. Forest scored twice and Forest held on.",
        ("Nottingham Forest", "PERSON"), ("Forest", "ORG"), ("Forest", "ORG"),
    )  # fmt: skip
    found, _ = names_of(club)
    assert found == [{"Nottingham Forest": "ORG"}]


def test_a_name_and_the_same_name_with_middle_initials_are_one_person():
    formal = article(
        "Billionaire Michael R. Bloomberg entered the race. Bloomberg spent heavily.",
        ("Michael R. Bloomberg", "PERSON"), ("Bloomberg", "PERSON"),
    )  # fmt: skip
    plain = article(
        "One is with Michael Bloomberg, and Bloomberg polls well.",
        ("Michael Bloomberg", "PERSON"), ("Bloomberg", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(formal, plain)
    assert found == [{"Michael R. Bloomberg": "PERSON"}] * 2
    # Two sets of initials with that first name and surname: the plain name is either.
    son = article("George W. Bush spoke.", ("George W. Bush", "PERSON"))
    father = article("George H. W. Bush spoke.", ("George H. W. Bush", "PERSON"))
    either = article("George Bush spoke.", ("George Bush", "PERSON"))
    found, _ = names_of(son, father, either)
    assert found[2] == {"George Bush": "PERSON"}


def test_a_country_whose_initials_the_model_calls_an_organisation_stays_a_place():
    one = article(
        "Firms in the British Virgin Islands (BVI) pay little. BVI officials said so, and "
        "BVI law allows it.",
        ("British Virgin Islands", "PLACE"), ("BVI", "ORG"), ("BVI", "ORG"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [{"British Virgin Islands": "PLACE"}]


def test_a_hospital_or_a_school_named_after_a_person_is_an_organisation():
    one = article(
        "Dr Marwan Al-Hams, director of Youssef Al-Najjar Hospital, spoke at Smith College.",
        ("Marwan Al-Hams", "PERSON"), ("Youssef Al-Najjar Hospital", "PERSON"),
        ("Smith College", "PERSON"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [
        {"Marwan Al-Hams": "PERSON", "Youssef Al-Najjar Hospital": "ORG", "Smith College": "ORG"}
    ]


def test_a_name_with_its_country_and_without_in_one_article_are_one():
    one = article(
        "The UK Independence Party said the Independence Party would stand, and the Home "
        "Office agreed with the United Kingdom Home Office.",
        ("UK Independence Party", "ORG"), ("Independence Party", "ORG"),
        ("Home Office", "ORG"), ("United Kingdom Home Office", "ORG"),
    )  # fmt: skip
    found, _ = names_of(one)
    assert found == [{"UK Independence Party": "ORG", "United Kingdom Home Office": "ORG"}]
    # Two countries' courts: "the Supreme Court" could be either.
    two = article(
        "The US Supreme Court and the UK Supreme Court differ; the Supreme Court said so.",
        ("US Supreme Court", "ORG"), ("UK Supreme Court", "ORG"), ("Supreme Court", "ORG"),
    )  # fmt: skip
    found, _ = names_of(two)
    assert set(found[0]) == {"US Supreme Court", "UK Supreme Court", "Supreme Court"}


def test_a_short_form_of_a_given_name_and_the_full_one_are_one_person():
    short = [article(f"Liz Truss spoke {n}.", ("Liz Truss", "PERSON")) for n in range(2)]
    full = article("Elizabeth Truss, the minister, spoke.", ("Elizabeth Truss", "PERSON"))
    found, _ = names_of(*short, full)
    assert found == [{"Liz Truss": "PERSON"}] * 3  # named as the corpus names her most
    # A surname that others bear too: "Steve Jones" of the Dragons is not Stephen Jones.
    hooker = article("Steve Jones is likely to be drafted in.", ("Steve Jones", "PERSON"))
    fly_half = article("Stephen Jones kicked three penalties.", ("Stephen Jones", "PERSON"))
    wing = article("Adam Jones scored.", ("Adam Jones", "PERSON"))
    found, _ = names_of(hooker, fly_half, wing)
    assert found == [
        {"Steve Jones": "PERSON"},
        {"Stephen Jones": "PERSON"},
        {"Adam Jones": "PERSON"},
    ]


def test_a_surname_of_a_person_the_article_names_in_full_is_a_person_s_name():
    # "Trump" alone: the model says ORG as often as PERSON and no mention has a title
    # before it, so its PERSON labels are not borne out, and the ORG labels win.
    bare = (
        "Trump spoke. Trump won. Trump left. Critics of Trump agreed. Trump stayed.",
        ("Trump", "PERSON"), ("Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "ORG"),
        ("Trump", "ORG"),
    )  # fmt: skip
    assert names_of(article(*bare))[0] == [{"Trump": "ORG"}]
    # Where another article names "Donald Trump" and "Tiffany Trump" (no telling which
    # "Trump" means, so nothing folds), "Trump" is a person's name all the same.
    family = article(
        "Donald Trump met Tiffany Trump. Trump spoke. Trump won. Fans of Trump cheered.",
        ("Donald Trump", "PERSON"), ("Tiffany Trump", "PERSON"), ("Trump", "PERSON"),
        ("Trump", "PERSON"), ("Trump", "ORG"),
    )  # fmt: skip
    found, _ = names_of(article(*bare), family)
    assert found[0] == {"Trump": "PERSON"}
    assert found[1]["Trump"] == "PERSON"
    # The text counts where the model missed the full name ("Even though Céline Dion is").
    missed = (
        "Even though Céline Dion is a star, Dion sang. Dion won. Dion left. Dion's fans.",
        ("Dion", "PERSON"), ("Dion", "PERSON"), ("Dion", "ORG"), ("Dion", "ORG"),
    )  # fmt: skip
    assert names_of(article(*missed))[0] == [{"Dion": "PERSON"}]
