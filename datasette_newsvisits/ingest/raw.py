"""What reading yields: a ``RawArticle`` to load, or an ``InputError`` to report."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

MAX_TEXT_CHARS = 2_000_000
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


@dataclass
class RawArticle:
    """One article as read from its input, before cleaning.

    ``source`` is its name in ``articles.source``; ``location`` is where a user finds
    it (the path as given, and the line for a JSONL/CSV row), for messages;
    ``legacy_source`` is the name the loader's first rule gave it (no prefix), by which
    a database loaded before the rule changed still knows it.
    """

    source: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict)
    location: str = ""
    encoding: str | None = None
    legacy_source: str | None = None

    def origin(self, name: str) -> str:
        """Where a field's value came from, for the evidence: the manifest or the file."""
        if name in self.extra.get("from_manifest", ()):
            return "manifest.json"
        return f"{self.format} field"

    @property
    def where(self) -> str:
        """How messages name this article: its location, else its source."""
        return self.location or self.source

    @property
    def content_hash(self) -> str:
        """A hash of everything read for this article: unchanged input, same hash."""
        payload = json.dumps(
            [self.text, self.title, self.url, self.published, self.outlet],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class InputError:
    """An input that could not be read: reported (one line) and skipped."""

    location: str
    problem: str

    def __str__(self) -> str:
        return one_line(f"{self.location}: {self.problem}")


def vet(article: RawArticle) -> RawArticle | InputError:
    """The article, or the error that makes it unusable: no letters or digits, too long."""
    if not LETTER_OR_DIGIT.search(article.text):
        detail = " (only invisible characters)" if article.text.strip() else ""
        return InputError(article.where, f"empty: no article text{detail}")
    if len(article.text) > MAX_TEXT_CHARS:
        return InputError(
            article.where, f"text longer than {MAX_TEXT_CHARS} characters"
        )
    return article


def os_problem(error: OSError) -> str:
    """An operating-system error in a few words ("permission denied")."""
    return (error.strerror or str(error)).lower()


def unreadable(location: str, error: Exception) -> InputError:
    """The InputError for a file that could not be read (OSError) or decoded."""
    if isinstance(error, OSError):
        return InputError(location, f"cannot read it ({os_problem(error)})")
    return InputError(location, str(error))


def one_line(message: str) -> str:
    """``message`` with its line breaks (from file names or file contents) as spaces."""
    return LINE_BREAKS.sub(" ", message)
