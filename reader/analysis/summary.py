"""The plain-text summary `reader analyze` prints: a pure function of an Analysis.

Everything that came from the article passes through `safe`, so a hostile text cannot move the
cursor, retitle the terminal or hide lines: control characters are shown as visible escapes.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict

from reader.analysis.language import language_warning
from reader.analysis.model import Analysis, Event, Quote, Referent
from reader.article import ArticleMeta, count_words
from reader.terminal import UNSAFE_CHARACTERS

#: Shown as visible escapes: what a terminal acts on (the one list), and zero-width characters.
_CONTROL_RE = re.compile(f"[{UNSAFE_CHARACTERS}\u200b-\u200f]")
_KIND_LABEL = {
    "person": "person",
    "organisation": "organisation",
    "group": "group",
    "place": "place",
    "region": "region",
    "facility": "facility",
}


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str, *, one_line: bool = True) -> str:
    """`text` with control and bidi-override characters made visible (`\\x1b`), whitespace folded."""
    if one_line:
        text = " ".join(text.replace("\t", " ").split("\n"))
        text = re.sub(r"[ \u00a0]{2,}", " ", text)
    return _CONTROL_RE.sub(_escape, text)


def shorten(text: str, width: int) -> str:
    """One line of at most `width` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    if cut < width // 2:
        cut = width - 1
    return text[:cut].rstrip(" ,;:") + "…"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _referent_lines(records: list[Referent], width: int) -> list[str]:
    if not records:
        return ["  (none found)"]
    name_width = min(32, max(len(safe(r.name)) for r in records))
    lines = []
    for record in records:
        name = shorten(safe(record.name), name_width)
        kind = _KIND_LABEL.get(record.kind, record.kind)
        line = f"  {name:<{name_width}}  {kind:<12}  {len(record.mentions):>3}×"
        if record.aliases:
            line += "  also: " + ", ".join(safe(a) for a in record.aliases[:4])
        lines.append(line if len(line) <= width else line[: width - 1].rstrip() + "…")  # keep the columns
    return lines


def when_text(event: Event) -> str | None:
    """The event's time as written, with the calendar day when the text leaves it relative."""
    if event.when and event.date and not re.search(r"\b\d{4}\b", event.when):
        return f"{event.when} ({event.date})"
    return event.when


def event_line(event: Event, analysis: Analysis, width: int | None = None) -> str:
    """'who — what happened — when — where', leaving out what is not known.

    With `width`, a long "what" is shortened first so that when and where stay visible.
    """
    actor = analysis.referent(event.actor)
    where = analysis.referent(event.where)
    place = where.name if where else event.where
    doing = [event.what] if event.what else [event.trigger.text, event.object]
    if place and re.search(rf"(?<!\w){re.escape(place)}(?!\w)", " ".join(d for d in doing if d)):
        place = None  # "lived on Mill Street — Mill Street": the place is already said
    parts = [actor.name if actor else event.agent, *doing, when_text(event), place]
    if event.kind == "named":
        parts = [event.trigger.text, when_text(event), where.name if where else event.where]
    parts = [safe(p) if p else None for p in parts]
    line = " — ".join(p for p in parts if p)
    # Too long: shorten who (an agent phrase can be long), then the object or "what", so when and
    # where stay visible.
    for index in (0, len(doing)):
        text = parts[index]
        if width is None or len(line) <= width or event.kind == "named" or not text:
            continue
        room = len(text) - (len(line) - width)
        parts[index] = shorten(text, max(16 if index else 24, room))
        line = " — ".join(p for p in parts if p)
    return line if width is None else shorten(line, width)


def _event_lines(analysis: Analysis, events: list[Event], width: int) -> list[str]:
    """The main event first and marked, then the rest of the news, then the background."""
    lines: list[str] = []
    divided = False
    for event in events:
        if event.background and not divided and lines:
            lines.append("  · background ·")
            divided = True
        prefix = "main: " if event is events[0] and not event.background else ""
        lines.append(f"  {prefix}{event_line(event, analysis, width - 2 - len(prefix))}")
    return lines or ["  (none found)"]


def _speaker(quote: Quote, analysis: Analysis) -> str:
    actor = analysis.referent(quote.actor)
    if actor is not None:
        return actor.name
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker is not None:
        return quote.speaker.text
    return "(unattributed)"


def fact_line(facts: ArticleMeta | None) -> str | None:
    """ "Jane Doe · 14 March 2024 · The Gazette · 6 min read": the checked facts a reader wants first."""
    if facts is None:
        return None
    parts = [" and ".join(facts.authors), display_date(facts.date), facts.site]
    if facts.words:
        parts.append(f"{facts.reading_minutes} min read")
    return " · ".join(p for p in parts if p) or None


def display_date(iso: str | None) -> str | None:
    """An ISO day as people write it ("14 March 2024"); anything else unchanged."""
    if not iso:
        return None
    try:
        from datetime import date

        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B} {day.year}"


def notices(facts: ArticleMeta | None) -> list[str]:
    """The lines a reader must see before trusting the analysis: cut-off text, another language."""
    if facts is None:
        return []
    found = []
    if facts.truncated:
        why = f" ({facts.truncated_why})" if facts.truncated_why else ""
        found.append(f"Cut-off text{why}: quotes and actors are from a partial text")
    warning = language_warning(facts.language)
    if warning:
        found.append(warning)
    return found


def format_summary(
    analysis: Analysis,
    *,
    title: str | None = None,
    source: str | None = None,
    width: int = 100,
    max_events: int = 12,
    max_referents: int = 25,
) -> str:
    """The readable summary: heading, actors, places, top events and quotes grouped by speaker."""
    width = max(40, width)
    body = analysis.text if analysis.body_end is None else analysis.text[: analysis.body_end]
    lines: list[str] = []
    if title:
        lines.extend(textwrap.wrap(safe(title), width) or [""])
    facts = analysis.meta
    byline = fact_line(facts)
    if byline:
        lines.extend(textwrap.wrap(safe(byline), width))
    meta = []
    if source:
        meta.append(safe(source))
    meta.append(_plural(count_words(body), "word"))
    meta.append(f"model {safe(analysis.model.name)} {safe(analysis.model.version)}")
    lines.extend(textwrap.wrap(" · ".join(meta), width))
    for notice in notices(facts):
        lines.extend(textwrap.wrap(safe(notice), width))
    partial = ", from a partial text" if facts is not None and facts.truncated else ""

    actors = analysis.actors[:max_referents]
    lines += ["", f"Actors ({len(analysis.actors)}{partial})"]
    lines += _referent_lines(actors, width)
    if len(analysis.actors) > len(actors):
        lines.append(f"  … and {len(analysis.actors) - len(actors)} more")
    places = analysis.places[:max_referents]
    lines += ["", f"Places ({len(analysis.places)})"]
    lines += _referent_lines(places, width)
    if len(analysis.places) > len(places):
        lines.append(f"  … and {len(analysis.places) - len(places)} more")

    events = analysis.events[:max_events]
    heading = f"Events ({len(analysis.events)}"
    heading += f", top {len(events)})" if len(analysis.events) > len(events) else ")"
    lines += ["", heading]
    lines += _event_lines(analysis, events, width)

    lines += ["", f"Quotes ({len(analysis.quotes)}{partial})"]
    if not analysis.quotes:
        lines.append("  (none found)")
    groups: dict[str, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        groups[_speaker(quote, analysis)].append(quote)
    # Speakers with the most confident attributions first; doubtful ones are marked "?".
    ordered = sorted(
        groups.items(),
        key=lambda item: (
            item[0] == "(unattributed)",
            -sum(not q.doubtful for q in item[1]),
            -len(item[1]),
        ),
    )
    for speaker, quotes in ordered:
        lines.append(f"  {shorten(safe(speaker), width - 14)} ({_plural(len(quotes), 'quote')})")
        for quote in quotes:
            cue = f", cue: {safe(quote.cue.text)}" if quote.cue is not None else ""
            doubt = f", doubtful: {quote.confidence:.2f}" if quote.doubtful else ""
            act = f", {quote.act}" if quote.act != "speech" else ""  # said or written unless marked
            tail = f" ({quote.kind}{act}{cue}{doubt})"
            mark = "? " if quote.doubtful else ""
            content = shorten(safe(quote.shown), max(20, width - 6 - len(mark) - len(tail)))
            lines.append(f"    {mark}{content}{tail}")
    return "\n".join(lines) + "\n"
