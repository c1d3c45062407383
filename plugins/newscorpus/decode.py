"""Bytes to text: encodings, byte-order marks, line endings, binary files."""

from __future__ import annotations

import codecs
import re

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
LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85|\x0b|\x0c")


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
    text = text.replace("\ufeff", "")
    if CONTROL_CHARS.search(text) and _control_ratio(text) > 0.01:
        raise UnreadableFile("binary file (control characters in the text)")
    text = CONTROL_CHARS.sub("", text)
    if not text.strip():
        raise UnreadableFile("no text (only whitespace)")
    return LINE_BREAKS.sub("\n", text), warnings


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
        raise UnreadableFile("binary file (NUL bytes)")
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


def _control_ratio(text: str) -> float:
    return len(CONTROL_CHARS.findall(text)) / max(len(text), 1)
