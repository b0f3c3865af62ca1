"""Bytes to text: byte-order marks, UTF-8, legacy encodings, and refusing what is not text.

Order matters: a BOM settles the encoding (UTF-16 is full of NUL bytes, so it must be recognised before
the binary checks); then known file signatures ("looks like a PDF document"); then UTF-8, which almost
every article is; only then the slower statistical detection for cp1252, latin-1 and friends.
"""

from __future__ import annotations

import codecs
import re

from reader.errors import ReaderError
from reader.sources.text import control_ratio

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (offset, signature, what it looks like). Checked in order; the first match wins.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "a PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"\x00\x00\x01\x00", "an icon file"),
    (0, b"8BPS", "a Photoshop image"),
    (0, b"PK\x03\x04", "a ZIP archive"),
    (0, b"PK\x05\x06", "a ZIP archive"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"BZh", "a bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"(\xb5/\xfd", "a zstd archive"),
    (257, b"ustar", "a tar archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (0, b"\x7fELF", "an executable program"),
    (0, b"\xcf\xfa\xed\xfe", "an executable program"),
    (0, b"\xca\xfe\xba\xbe", "an executable program"),
    (0, b"\x00asm", "a WebAssembly program"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"ID3", "an MP3 audio file"),
    (0, b"OggS", "an Ogg audio file"),
    (0, b"fLaC", "a FLAC audio file"),
    (0, b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (4, b"ftyp", "an MP4 video"),
    (0, b"wOFF", "a web font"),
    (0, b"wOF2", "a web font"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"bplist00", "a Safari web archive"),
)

_ZIP_KINDS = (
    (b"word/", "a Word document"),
    (b"xl/", "an Excel spreadsheet"),
    (b"ppt/", "a PowerPoint presentation"),
    (b"application/epub+zip", "an EPUB e-book"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file"),
)


def sniff_binary(data: bytes) -> str | None:
    """What a binary file looks like ("a PDF document"), or None if it may be text."""
    for offset, signature, kind in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            if kind == "a ZIP archive":
                head = data[:4096]
                for marker, zip_kind in _ZIP_KINDS:
                    if marker in head:
                        return zip_kind
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[data[8:12]]
    if data[:2] == b"MZ" and b"\x00" in data[:64]:
        return "a Windows program"
    return None


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Legacy encodings a news reader meets most; they win statistical ties with their Central-European cousins
# (charset-normalizer, given short English text with "é" and curly quotes, may otherwise pick cp1250).
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1"}


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: 1024 * 1024]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        close = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.02
        if close and _WESTERN & set(match.could_be_from_charset):
            return "cp1252" if "cp1252" in match.could_be_from_charset else match.encoding
    return best.encoding


def _decode_with(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, name: str, *, declared: str | None = None, html: bool = False) -> str:
    """Decode an article's bytes, or raise a one-line ReaderError saying why they are not text.

    `declared` is an encoding the source announced (an HTTP charset); `html` allows a <meta charset>.
    The result still has its original line endings and control characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_with(data[len(bom) :], encoding)
            if text is None:
                raise ReaderError(f"cannot decode {name}: it starts like {encoding.upper()} but is not valid")
            return text
    kind = sniff_binary(data)
    if kind:
        raise ReaderError(f"{name} looks like {kind}, not an article")
    if b"\x00" in data:
        utf16 = _looks_like_utf16(data)
        text = _decode_with(data, utf16) if utf16 else None
        if text is None or control_ratio(text) > 0.02:
            raise ReaderError(f"{name} contains NUL bytes: it looks like a binary file, not an article")
        return text
    # Strict UTF-8 succeeding is stronger evidence than any label: servers often claim ISO-8859-1 by default.
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    if html:
        meta = _META_CHARSET.search(data[:4096])
        if meta:
            candidates.append(meta.group(1).decode("ascii", "replace"))
    for encoding in candidates:
        text = _decode_with(data, encoding)
        if text is not None:
            return text
    detected = _detect(data)
    text = _decode_with(data, detected) if detected else None
    if text is None:
        raise ReaderError(f"cannot decode {name}: it is not UTF-8 and no other text encoding fits")
    return text


def check_text(text: str, name: str) -> None:
    """Refuse decoded text that is empty or mostly control characters."""
    if not text:
        raise ReaderError(f"{name} is empty")
    if not text.strip():
        raise ReaderError(f"{name} is empty (only whitespace)")
    if control_ratio(text) > 0.15:
        raise ReaderError(f"{name} looks like a binary file, not an article")
