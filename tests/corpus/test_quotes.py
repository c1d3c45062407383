"""Quotes: finding them, who said them, and the same quote across articles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newscorpus.corpus.quotes import PersonMention, find_quotes, match_quotes, word_diff


def people(text: str, **names: str) -> list[PersonMention]:
    """Person mentions for every occurrence of each surname key, named by its value."""
    return [
        PersonMention(m.start(), m.end(), full)
        for surname, full in names.items()
        for m in re.finditer(surname, text)
    ]


def quotes_of(text: str, **names: str):
    return [(q.text, q.speaker) for q in find_quotes(text, people(text, **names))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not step back from this deal," Erdogan said on Saturday.', "Erdogan"),
        ("“We will not step back from this deal,” said Erdogan.", "Erdogan"),
        ("Erdogan said: “We will not step back from this deal.”", "Erdogan"),
        ("Erdogan told reporters that “we will not step back from this deal”.", "Erdogan"),
        ("Erdogan was quoted as saying “we will not step back from this deal”.", "Erdogan"),
        (
            "Erdogan spoke in Istanbul. “We will not step back from this deal,” he told students.",
            "Erdogan",
        ),
        (
            "Erdogan spoke. “We will not step back from this deal,” the Turkish president added.",
            "Erdogan",
        ),
        ("‘We will not step back from this deal,’ Erdogan said.", "Erdogan"),
    ],
)
def test_attribution_patterns_name_the_speaker(text, expected):
    found = [(q.rstrip(".").lower(), who) for q, who in quotes_of(text, Erdogan=expected)]
    assert found == [("we will not step back from this deal", expected)]


def test_quotes_keep_inner_quotes_apostrophes_and_sentence_breaks():
    text = (
        "“Turkey’s deal is done. Nobody said ‘maybe’ about it, and it stands,” "
        "Erdogan said. Ankara’s critics disagreed."
    )
    assert quotes_of(text, Erdogan="Recep Tayyip Erdogan") == [
        (
            "Turkey’s deal is done. Nobody said ‘maybe’ about it, and it stands",
            "Recep Tayyip Erdogan",
        )
    ]


def test_a_quote_runs_over_paragraphs_newspaper_style():
    text = (
        "Erdogan said: “The deal is complete and nothing will change that.\n\n"
        "“The deliveries begin in July, maybe earlier.”\n\nOfficials declined to comment."
    )
    (quote,) = find_quotes(text, people(text, Erdogan="Recep Tayyip Erdogan"))
    assert quote.text == (
        "The deal is complete and nothing will change that. "
        "The deliveries begin in July, maybe earlier."
    )
    assert quote.speaker == "Recep Tayyip Erdogan"


def test_a_following_quote_without_attribution_continues_the_speaker():
    text = (
        "“We signed the contract for the S-400s,” Chemezov said. "
        "“The S-500s are still under development.”"
    )
    speakers = [q.speaker for q in find_quotes(text, people(text, Chemezov="Sergey Chemezov"))]
    assert speakers == ["Sergey Chemezov", "Sergey Chemezov"]


def test_scare_quotes_and_unbalanced_marks_are_not_quotes():
    assert quotes_of("He called it a “done deal” and left.") == []
    assert quotes_of("He said “this never closes and goes on and on.") == []
    assert quotes_of("Quote ” without ” an opening mark, said Erdogan.") == []
    text = 'He said "the first part never closes.\n\nA new paragraph without a mark.'
    assert quotes_of(text) == []


def test_an_unattributed_quote_has_no_speaker():
    assert quotes_of("“Prices will rise again next year, whatever happens.”") == [
        ("Prices will rise again next year, whatever happens.", None)
    ]


@given(st.text(alphabet=st.sampled_from(list("ab “”\"‘’'.,\n")), max_size=200))
def test_any_text_is_read_without_error(text):
    for quote in find_quotes(text):
        assert quote.text and 0 <= quote.start <= quote.end <= len(text)


def test_the_seed_quote_is_one_quote_by_erdogan_in_three_outlets(seeds):
    carried = []
    for key in sorted(seeds):
        text = seeds[key].body_text
        for q in find_quotes(text, people(text, Erdogan="Recep Tayyip Erdogan")):
            carried.append((key, q.text, q.speaker))
    groups = match_quotes([(text, speaker) for _, text, speaker in carried])
    (group,) = [g for g in groups if any("absolutely no question" in carried[i][1] for i in g)]
    assert sorted(carried[i][0] for i in group) == ["000", "001", "003"]
    assert {carried[i][2] for i in group} == {"Recep Tayyip Erdogan"}
    wordings = {carried[i][1] for i in group}
    assert any("stepping back on the S-400 issue" in w for w in wordings)
    assert any("(Turkey) taking a step back" in w for w in wordings)


def test_matching_takes_truncated_and_edited_quotes_but_not_other_quotes():
    quotes = [
        ("They are passing the ball around in the midfield now, showing reluctance.", "A"),
        ("passing the ball around in the midfield now", "A"),
        ("They [the US] are passing the ball around in the midfield now...", None),
        ("The ball is in their court and the midfield is empty today.", "A"),
        ("They are passing the ball around in the midfield now, showing reluctance.", "B"),
    ]
    assert match_quotes(quotes) == [[0, 1, 2], [3], [4]]


def test_word_diff_marks_what_a_variant_changes():
    runs = word_diff(
        "There is no question of taking a step back.", "There is no question of stepping back."
    )
    assert runs == [("There is no question of", False), ("stepping", True), ("back.", False)]


def test_word_diff_of_a_quote_with_itself_marks_nothing_and_keeps_its_words():
    assert word_diff("  No  question\nof it. ", "  No  question\nof it. ") == [
        ("No question of it.", False)
    ]
    assert word_diff("", "") == []
