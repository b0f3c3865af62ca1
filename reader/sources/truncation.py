"""Is this the whole article, or only the part a paywall or a teaser page let through?

A reader who sees six quotes from a teaser takes them for the article's six quotes. The signs, from
strongest to weakest: a paywall's own words near the end of the text ("Subscribe to continue
reading"), a text that ends on "Read more", a page that declares many more words than the text has
(schema.org `wordCount`) or marks itself for subscribers with hardly any text, a text barely longer
than the page's own summary, and a last paragraph of prose that stops mid-sentence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "article_facts.json"

#: Characters around the end of the body searched for a paywall's words.
TAIL_CHARS = 600
#: A text with fewer words than this share of the page's declared word count is a part of it.
DECLARED_SHARE = 0.6
#: A page marked for subscribers only is cut when its text has fewer words than this.
SUBSCRIBER_TEASER_WORDS = 400
#: A last paragraph of at least this many words that ends without a full stop was cut mid-sentence.
PROSE_WORDS = 12
_ENDS_SENTENCE = re.compile(r"[.!?\u2026\"'\u201d\u2019\u00bb)\]:;*_]$")
_BULLET = re.compile(r"^\s*(?:[-*\u2022>#|]|\d+[.)])\s")


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], frozenset[str]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    words = "|".join(re.escape(p) for p in sorted(data["paywall_phrases"], key=len, reverse=True))
    endings = frozenset(str(p) for p in data["ending_phrases"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE), endings


def _last_lines(text: str, count: int) -> list[str]:
    lines = [line.strip() for line in text.rstrip().split("\n") if line.strip()]
    return lines[-count:]


def _bare(line: str) -> str:
    return " ".join(line.strip(" \t>\u00bb\u203a\u2192|[]()*_").split()).casefold()


def _paywall(body: str, after: str) -> str | None:
    pattern, endings = _phrases()
    for line in (*_last_lines(body[-TAIL_CHARS:], 3), *[x for x in after[:TAIL_CHARS].split("\n") if x][:3]):
        found = pattern.search(line)
        if found and len(line) <= 200:
            return f'a paywall prompt ("{found.group(0)}")'
    # The text's last line, even when the boilerplate finder set it apart from the body.
    last = _last_lines(after, 1) or _last_lines(body, 1)
    if last and _bare(last[0]).rstrip(".…:") in {e.rstrip(".…") for e in endings}:
        return f'it ends on "{last[0].strip()[:40]}"'
    return None


def _mid_sentence(body: str) -> str | None:
    last = _last_lines(body, 1)
    if not last:
        return None
    line = last[0]
    if len(line.split()) < PROSE_WORDS or _BULLET.match(line) or " | " in line:
        return None
    if line.endswith(("...", "\u2026")) or not _ENDS_SENTENCE.search(line):
        return "it stops mid-sentence"
    return None


def find_truncation(
    body: str,
    *,
    after: str = "",
    declared_words: int | None = None,
    description: str | None = None,
    for_subscribers: bool = False,
) -> str | None:
    """Why the text looks cut off (a short phrase for the reader), or None when it looks whole.

    `after` is what follows the body (web boilerplate), where a paywall's prompt often lands.
    """
    why = _paywall(body, after)
    if why:
        return why
    words = len(body.split())
    if declared_words and words < DECLARED_SHARE * declared_words:
        return f"{words:,} of the {declared_words:,} words the page declares"
    if for_subscribers and words < SUBSCRIBER_TEASER_WORDS:
        return "a subscriber-only page with a short text"
    summary = len(description.split()) if description else 0
    if summary >= 15 and words <= summary + 15:
        return "hardly longer than the page's summary"
    return _mid_sentence(body)
