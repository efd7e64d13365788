"""Bytes as captured to text: which character encoding, and how it was known.

The order is the one browsers use: a byte-order mark (UTF-8, UTF-16, UTF-32), then the
charset the capture declares (an HTTP-style ``Content-Type`` header at the top of the
file, or an HTML ``<meta charset>``), then UTF-8, then charset-normalizer's detection.
A declaration that contradicts bytes which are valid UTF-8 loses: pages saved by a
browser or crawler are often re-encoded to UTF-8 with the old ``<meta>`` kept.

Each decoded text comes with a label for ``article_sources.encoding``: the codec's name,
and ``(BOM)``, ``(declared)`` or ``(detected)`` when it was not plain UTF-8.
"""

from __future__ import annotations

import codecs
import re

BOMS = [  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
PRESCAN_BYTES = 8192  # where a <meta charset> or NUL bytes are looked for
HTTP_STATUS = re.compile(rb"HTTP/\d(?:\.\d)? \d{3}\b")
HEADER_CHARSET = re.compile(
    rb"(?im)^content-type:[^\r\n]*?charset\s*=\s*[\"']?([\w.:-]+)"
)
META_CHARSET = re.compile(rb"(?is)<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([\w.:-]+)")
# Characters text does not contain: C0/C1 controls other than whitespace, and
# the replacement character. Detection that yields many of them found no text.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
NOT_TEXT_SHARE = 0.01


class NotText(ValueError):
    """The bytes are not text in any encoding the loader can tell: the message says why."""


def strip_http_header(data: bytes) -> tuple[bytes, bytes]:
    """(header block, body) of a capture saved with its HTTP response headers.

    The header block (status line to the first blank line) is transport, not page;
    a capture without one is returned whole as the body.
    """
    if not HTTP_STATUS.match(data):
        return b"", data
    for separator in (b"\r\n\r\n", b"\n\n"):
        end = data.find(separator, 0, 65536)
        if end != -1:
            return data[:end], data[end + len(separator) :]
    return b"", data


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, length of the mark) when ``data`` starts with a byte-order mark."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None


def declared_encoding(header: bytes, data: bytes, html: bool) -> str | None:
    """The codec a ``Content-Type`` header or (for HTML) a ``<meta>`` names, if known."""
    match = HEADER_CHARSET.search(header)
    if match is None and html:
        match = META_CHARSET.search(data, 0, PRESCAN_BYTES)
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None  # an unknown name is no declaration
    # A declaration readable as ASCII cannot be UTF-16 or -32 (browsers read UTF-8).
    return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec


def decode(data: bytes, html: bool = False) -> tuple[str, str]:
    """(text, encoding label) of a whole captured file; raises ``NotText``.

    An HTTP header block at the top is removed from the text.
    """
    found = bom_encoding(data)
    if found:
        codec, length = found
        text = _strict(data[length:], codec)
        return text, f"{codec} (BOM)"
    if b"\x00" in data[:PRESCAN_BYTES]:
        raise NotText("binary file (contains NUL bytes)")
    header, data = strip_http_header(data)
    declared = declared_encoding(header, data, html)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        return text, "utf-8"
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), f"{declared} (declared)"
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect
    return detect(data, utf8_error)


def detect(
    data: bytes, utf8_error: UnicodeDecodeError | None = None
) -> tuple[str, str]:
    """(text, label) by charset-normalizer's detection; raises ``NotText``."""
    codec = detect_codec(data)
    if codec is None or codec == "utf-8":
        raise NotText(_not_utf8(utf8_error) + "; no charset declared or detected")
    text = data.decode(codec, errors="replace")
    if len(NOT_TEXT.findall(text)) > NOT_TEXT_SHARE * max(len(text), 1):
        raise NotText(f"not text ({_not_utf8(utf8_error)}; not {codec} either)")
    return text, f"{codec} (detected)"


def detect_codec(sample: bytes) -> str | None:
    """The codec charset-normalizer finds for ``sample``, or None."""
    from charset_normalizer import from_bytes  # imported when first needed: rarely

    best = from_bytes(sample).best()
    return codecs.lookup(best.encoding).name if best else None


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise NotText(
            f"not valid {codec} text despite its byte-order mark "
            f"(invalid bytes at position {error.start})"
        ) from None


def _not_utf8(error: UnicodeDecodeError | None) -> str:
    if error is None:
        return "not UTF-8 text"
    return f"not UTF-8 text (invalid byte at position {error.start})"
