"""Analysis objects as the reader shows them: labels, summaries and lines for panels, cards and the status.

Screens and widgets draw what these functions return; none of them decides on its own how a quote, a
speaker or an event reads, so the same quote looks the same in the text, the panel, the card and the
palette.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text

from reader.analysis.model import DOUBTFUL_CONFIDENCE, Analysis, Event, Quote, Referent
from reader.analysis.summary import display_date, notices, when_text
from reader.article import Article, count_words, reading_minutes
from reader.terminal import mask_url, one_line
from reader.ui.layout import wrap

#: Attributions below this confidence are "doubtful": hidden (text, panel, ]/[ jumps, counts) until the
#: user asks for all of them with `a`, then shown dimmer and marked "?".
QUOTE_CONFIDENCE_THRESHOLD = DOUBTFUL_CONFIDENCE


DOUBTFUL_MARK = "?"


def is_doubtful(quote: Quote) -> bool:
    """True for an attribution the quote finder is unsure of (below QUOTE_CONFIDENCE_THRESHOLD)."""
    return quote.doubtful


def hidden_by_default(quote: Quote) -> bool:
    """True for what the reader shows only on request (`a`): doubtful attributions, and every
    act that is not spoken or written words (beliefs, intentions, evidence, questions, topics,
    actions, words nobody named said)."""
    return is_doubtful(quote) or not quote.is_speech


def act_label(quote: Quote) -> str:
    """ "belief", "intention" or "evidence" for an attribution that is not speech, else ""."""
    return "" if quote.is_speech else quote.act


def shown_quotes(analysis: Analysis | None, show_doubtful: bool) -> list[tuple[int, Quote]]:
    """`(index in analysis.quotes, quote)` of the quotes on show, in text order: confident speech,
    and every attribution (`show_doubtful`: the `a` key's "all attributions")."""
    if analysis is None:
        return []
    pairs = [(i, q) for i, q in enumerate(analysis.quotes) if show_doubtful or not hidden_by_default(q)]
    pairs.sort(key=lambda pair: (pair[1].content.start, pair[1].content.end))
    return pairs


def quote_speaker_label(quote: Quote) -> str | None:
    """The name to show next to a quote: the actor's name, else the speaker's words."""
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker is not None:
        return quote.speaker.text
    return None


#: How far into the text a byline or date is looked for before the meta line repeats it.
META_SEARCH_CHARS = 1500


def _said_in(head: str, *forms: str | None) -> bool:
    return any(form and " ".join(form.split()).casefold() in head for form in forms)


#: Between two facts of the line under the title (the view breaks that line only here).
FACT_SEPARATOR = " · "
#: After the reading time's number.
MINUTES = " min read"


def article_meta(article: Article) -> str | None:
    """The byline, date, site and reading time, joined for the dim line under the title.

    A byline, date or site the text's opening lines already show (a Markdown byline line) is left
    out, so the reader does not see it twice.
    """
    head = " ".join(article.text[:META_SEARCH_CHARS].split()).casefold()
    parts: list[str] = []
    if article.byline and not _said_in(head, article.byline):
        parts.append(article.byline.strip())
    shown_date = display_date(article.date)
    if shown_date and not _said_in(head, article.date, shown_date):
        parts.append(shown_date)
    if article.site and not _said_in(head, article.site):
        parts.append(article.site.strip())
    words = article_words(article)
    if words:
        parts.append(
            f"{words:,} word{'s' if words != 1 else ''}{FACT_SEPARATOR}{reading_minutes(words):,}{MINUTES}"
        )
    return FACT_SEPARATOR.join(p for p in parts if p) or None


def meta_facts(meta: str) -> list[str]:
    """The facts of a line made by `article_meta`, the length and its reading time as one ("610 words ·
    3 min read"): where the line may break."""
    facts: list[str] = []
    for part in meta.split(FACT_SEPARATOR):
        if facts and part.endswith(MINUTES) and re.fullmatch(r"[\d,]+ words?", facts[-1]):
            facts[-1] += FACT_SEPARATOR + part
        else:
            facts.append(part)
    return facts


def article_words(article: Article) -> int:
    """The article's words as the header, the library and `reader analyze` count them."""
    return article.meta.words or count_words(article.body)


def article_notices(article: Article, analysis: Analysis | None = None) -> list[str]:
    """The cut-off and language lines: the source's facts, completed by the analysis's language."""
    facts = article.meta.with_text_facts(analysis.meta) if analysis is not None else article.meta
    return notices(facts)


def source_label(article: Article) -> str:
    """Where the article came from, briefly: a file name, a URL, or "standard input"."""
    source = article.source
    if not source or source == "-":
        return "standard input"
    if "://" in source:
        return mask_url(source)
    return one_line(Path(source).name)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def quote_summary(quote: Quote) -> str:
    """Speaker, kind and cue of a quote for the status line: "Zarif (direct, wrote)"."""
    speaker = quote_speaker_label(quote) or "unattributed"
    details = [quote.kind] + ([quote.act] if not quote.is_speech else [])
    details += [" ".join(quote.cue.text.split())] if quote.cue else []
    doubt = f", doubtful {quote.confidence:.2f}" if is_doubtful(quote) else ""
    return f"{speaker} ({', '.join(details)}{doubt})"


QUOTE_MARKERS = {"direct": "“", "indirect": "~", "mixed": "≈"}


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with "…" (at least the "…")."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def event_line(analysis: Analysis, event: Event) -> Text:
    actor = analysis.referent(event.actor)
    where = analysis.referent(event.where)
    parts: list[tuple[str, str] | str] = []
    parts.append((actor.name if actor else event.agent or "—", "bold"))
    parts.append(" ")
    if event.what:  # the readable phrase: "launched missiles on two bases", "the branch was closed"
        parts.append((shorten(event.what, 60), "italic"))
    else:
        parts.append((event.trigger.text, "italic"))
        if event.object:
            parts.append(" " + shorten(event.object, 40))
    details = [x for x in (when_text(event), where.name if where else event.where) if x]
    if details:
        parts.append((" · " + " · ".join(details), "dim"))
    return Text.assemble(*parts)


#: The most cells a reported-speech cue takes in a panel line ("writing on Twitter"), and its share of
#: a narrow line at most (the words said matter more than the verb).
CUE_CELLS = 20


def quote_label(quote: Quote, width: int | None = None) -> Text:
    """A quote's line in the panel: kind marker, cue for reported speech, the words; "?" if doubtful.

    With a `width` (the list's width) the whole line fits in it: a narrow panel shortens the cue to at
    most half the line, then the words, each ending in "…" (a tree line cannot wrap, and the border
    would cut it mid-word); a wider panel shows more. Without a width, the words are cut to 70 characters.
    """
    doubtful = is_doubtful(quote)
    label = Text(style="dim" if doubtful else "")
    if doubtful:
        label.append(DOUBTFUL_MARK + " ", "bold")
    words = quote.shown
    if quote.kind == "direct" and words and words[0] in "“\"'‘«":
        label.append(words[0] + " ", "dim")  # the quote's own opening mark is the marker
        words = words[1:].lstrip()
    else:
        label.append(QUOTE_MARKERS.get(quote.kind, "") + " ", "dim")
    act = act_label(quote)
    if act:
        label.append(f"[{act}] ", "bold")  # not speech: shown with `a`, labelled by its act
    if quote.kind != "direct" and quote.cue is not None:
        cue_room = CUE_CELLS if width is None else min(CUE_CELLS, max(4, (width - label.cell_len) // 2))
        label.append(shorten(quote.cue.text, cue_room) + ": ", "italic")
    if width is None:
        label.append(shorten(words, 70))
        return label
    room = width - label.cell_len
    if room > 1:
        label.append(shorten(words, room))
    label.truncate(max(1, width), overflow="ellipsis")
    return label


def said_words(quote: Quote, words: str, doubtful: bool) -> Text:
    """What a speaker said as the card shows it: a direct quote in quotation marks (its own, when the
    text has them), reported speech as the paraphrase it is, without marks the speaker never used."""
    dim = " dim" if doubtful else ""
    if quote.kind != "direct":
        return Text(words, dim.strip())
    if words[:1] in "“\"'‘«":
        return Text(words, "italic" + dim)
    return Text.assemble(("“", "dim"), (words, "italic" + dim), ("”", "dim"))


def card_text(referent: Referent, analysis: Analysis, show_doubtful: bool = False) -> Text:
    """The card's body as styled text (also what the tests read).

    Doubtful attributions are listed (dim, with their confidence) only when they are on show.
    """
    text = Text()
    text.append(referent.name, "bold")
    text.append(f"  {referent.kind}\n", "dim")
    others = [alias for alias in referent.aliases if alias != referent.name]
    if others:
        text.append("Also called: ", "dim")
        text.append(", ".join(others) + "\n")
    count = len(referent.mentions)
    text.append(f"{count} mention{'s' if count != 1 else ''} in the text\n")
    quotes = [q for _i, q in shown_quotes(analysis, show_doubtful) if q.actor == referent.id]
    events = [e for e in analysis.events if e.actor == referent.id]
    if events:
        text.append(f"\nDid ({len(events)})\n", "bold")
        for event in events[:8]:
            parts = [event.trigger.text, event.object or "", event.when or ""]
            text.append("• " + " ".join(p for p in parts if p) + "\n")
    if quotes:
        text.append(f"\nSaid ({len(quotes)})\n", "bold")
        for quote in quotes:
            words = quote.shown
            doubtful = is_doubtful(quote)
            text.append_text(said_words(quote, words, doubtful))
            details = [quote.kind] + ([quote.act] if not quote.is_speech else [])
            details += [" ".join(quote.cue.text.split())] if quote.cue else []
            if doubtful:
                details.append(f"{DOUBTFUL_MARK} doubtful ({quote.confidence:.2f})")
            text.append("\n  " + " · ".join(details) + "\n\n", "dim")
    mine = [q for q in analysis.quotes if q.actor == referent.id]
    hidden = 0 if show_doubtful else sum(hidden_by_default(q) for q in mine)
    if hidden:
        plural = "s" if hidden != 1 else ""
        text.append(f"\n{hidden} other attribution{plural} hidden (a in the article shows them).\n", "dim")
    elif not quotes and referent.kind in ("person", "organisation", "group"):
        text.append("\nNo quotes attributed.\n", "dim")
    return text


def wrap_facts(meta: str, width: int) -> list[str]:
    """The facts line ("Jane Doe · 14 March 2024 · 6 min read") in `width` columns, broken between two
    facts rather than inside one ("· 6" / "min read"); a fact longer than a line wraps as text does."""
    lines: list[str] = []
    facts = meta_facts(meta)  # a fact wider than the line ("610 words · 3 min read") breaks into its parts
    facts = [
        part for fact in facts for part in (fact.split(FACT_SEPARATOR) if cell_len(fact) > width else [fact])
    ]
    for fact in facts:
        if lines and cell_len(lines[-1] + FACT_SEPARATOR + fact) <= width:
            lines[-1] += FACT_SEPARATOR + fact
        elif cell_len(fact) <= width:
            lines.append(fact)
        else:
            layout = wrap(fact, width)
            lines.extend(layout.line_text(i) for i in range(len(layout)))
    return lines
