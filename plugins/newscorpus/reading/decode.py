"""Bytes to text: encodings, byte-order marks, line endings, binary files."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

# Magic numbers of file types people drop into folders by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# More control characters than this share of the text means a binary file; fewer are
# stray bytes (a form feed from a PDF, a terminal colour code) and are removed.
MAX_CONTROL_SHARE = 0.01
LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85|\x0b|\x0c")
# Characters that change nothing a reader sees: a soft hyphen ("Zusammen\u00adarbeit", a
# hyphenation hint), a zero-width space, a word joiner, a byte-order mark mid-text. Kept,
# they split words for search and entities. Zero-width (non-)joiners stay: they shape
# Persian and Indic words and join emoji.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Character references a scraper left in the text ("&#163;1.8m", "&amp;", "&eacute;"). Only
# complete ones, with their semicolon: "AT&T" and "R&D" are words, not references.
CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


class UnreadableFile(ValueError):
    """The file holds no article text we can read; the message says why."""


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Decode a corpus file; return the text (``\\n`` line ends) and warnings.

    Raises :class:`UnreadableFile` for empty, whitespace-only and binary files.
    """
    if not raw:
        raise UnreadableFile("empty file (0 bytes)")
    warnings: list[str] = []
    text = _decode_bytes(raw, warnings)
    controls = len(CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise UnreadableFile("binary file (control characters in the text)")
    if controls:
        text = CONTROL_CHARS.sub("", text)
        warnings.append(f"{controls} control character{'s' if controls > 1 else ''} removed")
    # Composed (NFC): an "é" saved as "e" and an accent (macOS does) is the same word.
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", unescape_references(text)))
    if not text.strip():
        raise UnreadableFile("no text (only whitespace)")
    return LINE_BREAKS.sub("\n", text), warnings


def unescape_references(text: str) -> str:
    """Replace HTML character references by their characters; unknown names stay as written."""
    return CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group(0)), text)


def _decode_bytes(raw: bytes, warnings: list[str]) -> str:
    """Pick the encoding: a BOM wins, then UTF-8, then Windows-1252, then Latin-1."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(
                    f"starts with a {encoding} byte-order mark but {error}"
                ) from None
            if encoding != "utf-8":
                warnings.append(f"decoded as {encoding.upper()} (byte-order mark)")
            return text
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise UnreadableFile(f"binary file ({kind})")
    if b"\x00" in raw:
        encoding = _utf16_without_bom(raw)
        if encoding is None:
            raise UnreadableFile("binary file (NUL bytes)")
        warnings.append(f"decoded as {encoding.upper()} (no byte-order mark)")
        return raw.decode(encoding)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        warnings.append("not valid UTF-8; decoded as Windows-1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        warnings.append("not valid UTF-8; decoded as Latin-1")
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes are the high bytes of UTF-16 code units.

    Text in a Latin script saved as UTF-16 has a NUL in (nearly) every other byte, on
    one side only; binary files have NULs on both sides.
    """
    if len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    units = len(raw) // 2
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= 0.6 * units and low.count(0) == 0:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if not CONTROL_CHARS.search(text) else None
    return None
