"""The analysis model: plain dataclasses that the app renders and `reader analyze` prints.

Nothing here imports spaCy or Textual, so a cached analysis can be loaded and shown without paying
for either. Every offset is a character offset into `Analysis.text`, the article text exactly as read.
The JSON form (`to_dict` / `from_dict`) is a public interface: change a field's name or meaning only
with a new `SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.article import ArticleMeta
from reader.vocab import ACTS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms of every cache hit)
if TYPE_CHECKING:
    from typing import Any, Literal

    QuoteKind = Literal["direct", "indirect", "mixed"]

#: Attributions below this confidence are "doubtful": readers see them only on request. Confidences
#: are calibrated on PolNeAR's training split (docs/quotes.md): below 0.5 an attribution is more
#: likely wrong than right.
DOUBTFUL_CONFIDENCE = 0.5

#: Version of the JSON shape. Bump it when a field changes name or meaning.
#: 2: `locations` is called `places`, the word the reader uses everywhere.
SCHEMA_VERSION = 2
#: Older shapes `from_dict` still reads (saved `--json` output, an index built from it).
READABLE_SCHEMA_VERSIONS = (1, 2)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text; `text == article_text[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


def _act(value: object) -> str:
    """An act from JSON; an unknown one (a newer writer's) reads as speech, the default."""
    return value if isinstance(value, str) and value in ACTS else "speech"


def _span_or_none(data: dict[str, Any] | None) -> Span | None:
    return None if data is None else Span.from_dict(data)


@dataclass(frozen=True, slots=True)
class Entity:
    """One named-entity mention with spaCy's label (PERSON, ORG, GPE, DATE, ...)."""

    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), str(data["label"]))


@dataclass(slots=True)
class Referent:
    """One real-world thing (a person, organisation, group or place) with all its mentions merged.

    Used for both `Analysis.actors` and `Analysis.places`; a country that acts ("Iran launched")
    can appear in both lists under the same id.
    """

    id: str
    name: str
    kind: str  # person | organisation | group | place | region | facility
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Referent:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=str(data["kind"]),
            aliases=[str(a) for a in data.get("aliases", [])],
            mentions=[Span.from_dict(m) for m in data.get("mentions", [])],
        )


@dataclass(slots=True)
class Event:
    """What happened: who did what to whom, when and where.

    One event may be told several times (headline, lead, a later recap): `mentions` holds each
    telling's trigger, and `trigger`/`sentence` the one that shows it best. Events come in rank
    order: `rank` 1 is the main event; `background` events (earlier events, claims inside quotes,
    what could, would or did not happen) rank below all the others.
    """

    trigger: Span
    actor: str | None  # Referent id of who did it
    object: str | None  # what or whom it was done to, as text
    when: str | None  # DATE/TIME text from the clause, the sentence, or the lead or dateline
    where: str | None  # Referent id of a location, or place text when no record matches
    sentence: Span
    kind: str = "action"  # action (a verb) | named (an EVENT entity such as "the Iraq War")
    salience: float = 0.0
    rank: int = 0  # 1 for the main event; 0 when not ranked
    what: str | None = None  # readable phrase: "launched missiles on two bases", "the branch was closed"
    agent: str | None = None  # who did it as text when no actor record names them: "three of the men"
    mentions: list[Span] = field(default_factory=list)  # triggers of every telling, in text order
    background: bool = False
    date: str | None = None  # `when` as an ISO day when the text and publication date fix it

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "trigger": self.trigger.to_dict(),
            "actor": self.actor,
            "agent": self.agent,
            "what": self.what,
            "object": self.object,
            "when": self.when,
            "date": self.date,
            "where": self.where,
            "sentence": self.sentence.to_dict(),
            "kind": self.kind,
            "salience": round(self.salience, 4),
            "background": self.background,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            trigger=Span.from_dict(data["trigger"]),
            actor=data.get("actor"),
            object=data.get("object"),
            when=data.get("when"),
            where=data.get("where"),
            sentence=Span.from_dict(data["sentence"]),
            kind=str(data.get("kind", "action")),
            salience=float(data.get("salience", 0.0)),
            rank=int(data.get("rank", 0)),
            what=data.get("what"),
            agent=data.get("agent"),
            mentions=[Span.from_dict(m) for m in data.get("mentions", [])],
            background=bool(data.get("background", False)),
            date=data.get("date"),
        )


@dataclass(slots=True)
class Quote:
    """Who said (or wrote, believes, found) what: one attribution in the article.

    `content` spans the whole attributed text; an interrupted quote ("We do not seek escalation,"
    Zarif wrote, "but ...") keeps its pieces in `segments`.
    """

    kind: QuoteKind
    content: Span
    speaker: Span | None  # the mention that names the source, e.g. "Zarif", "he", "critics"
    actor: str | None  # Referent id the speaker resolves to, or None when honestly unknown
    cue: Span | None  # "said", "according to", "writing on Twitter", ...
    confidence: float
    segments: list[Span] = field(default_factory=list)
    speaker_name: str | None = None  # display name: the actor's canonical name, else the speaker text
    rule: str = ""  # the construction that found it ("cue_verb", "verb_frame", ...): docs/quotes.md
    act: str = "speech"  # one of reader.vocab.ACTS
    refers_to: Span | None = None  # what a relative pronoun content stands for: "which" -> "the levy"

    @property
    def shown(self) -> str:
        """The words a list shows for this quote, on one line: a content that is only "which" is
        shown with what it stands for ("which [the levy]"), which the text around it makes plain."""
        words = " ".join(self.content.text.split())
        if self.refers_to is None:
            return words
        return f"{words} [{' '.join(self.refers_to.text.split())}]"

    @property
    def is_speech(self) -> bool:
        """True for spoken or written words; every other act (belief, evidence, ...) shows on request."""
        return self.act == ACTS[0]

    @property
    def doubtful(self) -> bool:
        """True when the quote finder is unsure of this attribution (see DOUBTFUL_CONFIDENCE)."""
        return self.confidence < DOUBTFUL_CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": self.content.to_dict(),
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "actor": self.actor,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "confidence": round(self.confidence, 4),
            "segments": [s.to_dict() for s in self.segments],
            "speaker_name": self.speaker_name,
            "rule": self.rule,
            "act": self.act,
            "refers_to": None if self.refers_to is None else self.refers_to.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            kind=data["kind"],
            content=Span.from_dict(data["content"]),
            speaker=_span_or_none(data.get("speaker")),
            actor=data.get("actor"),
            cue=_span_or_none(data.get("cue")),
            confidence=float(data.get("confidence", 0.0)),
            segments=[Span.from_dict(s) for s in data.get("segments", [])],
            speaker_name=data.get("speaker_name"),
            rule=str(data.get("rule", "")),
            act=_act(data.get("act", "speech")),
            refers_to=_span_or_none(data.get("refers_to")),
        )


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which spaCy pipeline produced the analysis (part of the cache key)."""

    name: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version}


@dataclass(slots=True)
class Analysis:
    """Everything the reader knows about one article."""

    text: str
    model: ModelInfo
    body_end: int | None = None  # text past this offset is web boilerplate (footer), not analysed
    entities: list[Entity] = field(default_factory=list)
    actors: list[Referent] = field(default_factory=list)
    places: list[Referent] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: The article's facts. The analysis fills what the text alone tells (language, words); whoever
    #: shows it adds what the source said (authors, date, site, cut-off text).
    meta: ArticleMeta | None = None

    def referent(self, referent_id: str | None) -> Referent | None:
        """The actor or place with this id, if any."""
        if referent_id is None:
            return None
        for record in (*self.actors, *self.places):
            if record.id == referent_id:
                return record
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "model": self.model.to_dict(),
            "text": self.text,
            "body_end": len(self.text) if self.body_end is None else self.body_end,
            "entities": [e.to_dict() for e in self.entities],
            "actors": [a.to_dict() for a in self.actors],
            "places": [place.to_dict() for place in self.places],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "meta": None if self.meta is None else self.meta.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        version = data.get("schema_version")
        if version not in READABLE_SCHEMA_VERSIONS:
            raise ValueError(f"unsupported schema_version {version!r}")
        places = data.get("places", []) if version != 1 else data.get("locations", [])
        model = data["model"]
        return cls(
            text=str(data["text"]),
            model=ModelInfo(str(model["name"]), str(model["version"])),
            body_end=data.get("body_end"),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            actors=[Referent.from_dict(a) for a in data.get("actors", [])],
            places=[Referent.from_dict(place) for place in places],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            meta=None if data.get("meta") is None else ArticleMeta.from_dict(data["meta"]),
        )
