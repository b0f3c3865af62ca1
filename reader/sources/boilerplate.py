"""Where the article ends and the web page's footer begins, in plain text copied from a browser.

Text pasted from a news site often ends with "Leave a Reply", "Share this:", "Pin It on Pinterest" or a
copyright line. Left in, "Pinterest" becomes an actor. `find_body_end` finds that trailing block; the
loader keeps the text but sets `Article.body_end`, so the analysis stops there and the app dims the rest.
"""

from __future__ import annotations

import re

# Whole lines (case-insensitive, surrounding punctuation ignored) that only ever appear in page chrome.
_STRONG_LINES = [
    r"leave a (?:reply|comment)(?: cancel reply)?",
    r"(?:post|add|write|submit) (?:a |your )?comment",
    r"(?:\d+|no) comments?(?: so far)?",
    r"comments?(?: \(\d+\))?",
    r"(?:view|show|load|read|see) (?:all )?(?:\d+ )?comments?",
    r"cancel reply",
    r"comments are closed\.?",
    r"(?:sign|log) in to (?:comment|reply).*",
    r"join the (?:conversation|discussion)",
    r"continue reading.*",
    r"our standards: the thomson reuters trust principles\.?",
    r"(?:most popular|don't miss|editor's choice|what to read next)\s*:?",
    r"your email address will not be published\.?(?: required fields are marked \*?)?",
    r"required fields are marked \*?",
    r"save my name, email, and website in this browser for the next time i comment\.?",
    r"you must be logged in to post a comment\.?",
    r"this site uses akismet to reduce spam.*",
    r"pin it on pinterest",
    r"share (?:this|this article|this story|this post|the story|on \w+|via \w+|with \w+)\s*:?",
    r"share",
    r"click to (?:share|email|print) .*",
    r"(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|tumblr|pocket|x)",
    r"like this:?",
    r"like loading\.*…?",
    r"related(?: (?:articles|posts|stories|content|coverage|reading))?:?",
    r"(?:you (?:may|might) also like|more (?:from|stories|on this story|in \w+)|recommended(?: for you)?).*",
    r"(?:read more|see also|also read|most read|trending(?: now)?|popular(?: now)?)\s*:?",
    r"(?:top stories|latest news|more news|editor's picks)\s*:?",
    r"(?:subscribe|sign up|register)(?: (?:to|for|now)\b.*)?",
    r"(?:get|join) (?:our|the) (?:newsletter|daily briefing).*",
    r"follow us(?: on .*)?",
    r"(?:previous|next|older|newer) (?:post|article|story)\b.*",
    r"(?:tags|tagged|topics|filed under|posted in|categories|category)\s*:.*",
    r"(?:©|\(c\)|copyright\b).*",
    r".*\ball rights reserved\b.*",
    r".*\b(?:uses|use of) cookies\b.*",
    r"(?:accept|reject|manage) (?:all )?cookies.*",
    r"cookie (?:policy|settings|preferences)",
    r"(?:privacy policy|terms of (?:use|service)|contact us|about us|back to top|advertisement|sponsored)",
    r"(?:report an error|corrections policy|send us a tip)",
    r"this (?:material|article) may not be (?:published|reproduced).*",
]
_STRONG = re.compile(r"^(?:" + "|".join(_STRONG_LINES) + r")$", re.IGNORECASE)

# Other lines count as footer debris only below a footer line: share counts, names of networks, buttons,
# and the headlines of "Related" lists. Debris is short and never ends like a sentence, so the last
# sentence of the story itself is never swallowed.
_SENTENCE_END = (".", "!", "?", "\u201d", '"', "\u2019", "'", ")")
_MAX_LINE = 300
_TAIL_LINES = 80


def _clean(line: str) -> str:
    return line.strip().strip("|•·-–—_*#>[]()").strip()


def _is_strong(line: str) -> bool:
    return len(line) <= _MAX_LINE and bool(_STRONG.match(line))


def _is_weak(line: str) -> bool:
    return len(line) <= 100 and len(line.split()) <= 12 and not line.endswith(_SENTENCE_END)


def find_body_end(text: str) -> int | None:
    """Offset where a trailing block of web boilerplate starts, or None if the text ends with its story.

    Only the end of the text is examined. The block is the longest run of final lines made of footer lines
    ("Leave a Reply", "Share this:", copyright and cookie notices...) and footer debris (share counts,
    "Facebook"); it must contain at least one unmistakable footer line, and starts at the first of those.
    Blank lines are skipped; the body before the block must keep some text.
    """
    end = len(text)
    start_of_block: int | None = None
    seen = 0
    while end > 0 and seen < _TAIL_LINES:
        line_start = text.rfind("\n", 0, end) + 1
        raw = text[line_start:end]
        end = line_start - 1 if line_start > 0 else 0
        line = _clean(raw)
        if not line:
            if line_start == 0:
                break
            continue
        seen += 1
        if _is_strong(line):
            start_of_block = line_start
        elif not _is_weak(line):
            break
        if line_start == 0:
            break
    if start_of_block is None or not text[:start_of_block].strip():
        return None
    return start_of_block
