"""Bad input: encodings, byte-order marks, line endings and files that are not text."""

from __future__ import annotations

import codecs

import pytest
from newscorpus.reading.decode import UnreadableFile, decode
from newscorpus.reading.parse import parse_article

BODY = "Ministers met in Brussels on Monday to discuss the budget, officials said."


def test_utf8_bom_is_dropped():
    text, warnings = decode(codecs.BOM_UTF8 + f"Café talks\n{BODY}".encode())
    assert text.startswith("Café talks")
    assert warnings == []


def test_utf16_with_bom_is_decoded_with_a_warning():
    text, warnings = decode(f"Café talks\n{BODY}".encode("utf-16"))
    assert text.startswith("Café talks")
    assert warnings and "UTF-16" in warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_by_its_nul_bytes(encoding):
    text, warnings = decode(f"Café talks\n{BODY}".encode(encoding))
    assert text == f"Café talks\n{BODY}"
    assert warnings == [f"decoded as {encoding.upper()} (no byte-order mark)"]


def test_a_few_stray_control_characters_are_removed_and_counted():
    raw = f"Port strike ends\n\n{BODY}\x0c {BODY} \x1b[31mred\x1b[0m {BODY} {BODY}".encode()
    text, warnings = decode(raw)
    assert "\x1b" not in text and "[31mred[0m" in text and text.count(BODY) == 4
    assert warnings == ["2 control characters removed"]


def test_windows_1252_is_decoded_with_a_warning():
    text, warnings = decode("Café talks cost €5 — “cheap”\n".encode("cp1252"))
    assert text.startswith("Café talks cost €5 — “cheap”")
    assert warnings == ["not valid UTF-8; decoded as Windows-1252"]


def test_latin1_bytes_undefined_in_cp1252_fall_back_to_latin1():
    text, warnings = decode(b"Caf\xe9 \x81 talks\n")
    assert text.startswith("Café")
    assert "Latin-1" in warnings[0]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_become_newlines(newline):
    text, _ = decode(f"Headline{newline}{newline}{BODY}{newline}".encode())
    assert text == f"Headline\n\n{BODY}\n"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n \n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"abc\x00def\x00ghi", "NUL bytes"),
        (b"\x00\x01\x00\x02" * 50, "NUL bytes"),
        (b"Headline\n" + b"\x1b\x02text" * 20, "control characters"),
        (b"%PDF-1.4\n", "PDF document"),
    ],
)
def test_unreadable_files_say_why(raw, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode(raw)


def test_headline_only_file_is_unreadable_as_an_article():
    with pytest.raises(UnreadableFile, match="only a headline"):
        parse_article(b"Just a headline on its own\n", "x.txt")


def test_crlf_article_is_cleaned_like_any_other():
    raw = f"Budget talks resume\r\n\r\n{BODY}\r\n\r\nRead more: Other story\r\n".encode()
    article = parse_article(raw, "x.txt")
    assert article.headline == "Budget talks resume"
    assert article.body_text == BODY


def test_invisible_characters_go_and_accents_are_composed():
    # A soft hyphen and a zero-width space split a word for search; a decomposed "é"
    # (as macOS saves it) is the same letter as a composed one. Joiners shape words.
    raw = "Die Zusammen\u00adarbeit mit Jose\u0301 Mari\u0301a\u200b Pe\u0301rez\nمی\u200cخواهم\n"
    text, warnings = decode(raw.encode())
    assert "Zusammenarbeit mit José María Pérez" in text  # keep: the words, whole
    assert "\u00ad" not in text and "\u200b" not in text  # drop: the invisible marks
    assert "می\u200cخواهم" in text  # keep: the Persian non-joiner
    assert warnings == []


def test_a_file_of_invisible_characters_only_is_unreadable():
    with pytest.raises(UnreadableFile, match="only whitespace"):
        decode("\ufeff\u200b\n\u00ad\n".encode())
