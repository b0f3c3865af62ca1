"""One event, many mentions: the headline, the lead and a later recap tell the same strike.

Mentions merge when they share the trigger's lemma, do not name different actors, and either name
the same actor or share a participant word ("approved the extension" / "extension approved").
The merged event reads its slots from its most complete mention, then fills the gaps from the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.analysis.events.rank import Candidate

#: Each further mention raises a merged event by this much, up to `_MAX_REPEAT_BONUS`.
REPEAT_BONUS = 0.05
_MAX_REPEAT_BONUS = 0.10
#: Participant words a headline's event must share with a body's to be the same whoever the actors.
_HEADLINE_SHARED = 2


@dataclass(slots=True)
class Group:
    """Mentions of one event; `best` is the mention whose sentence shows it best."""

    mentions: list[Candidate] = field(default_factory=list)
    best: Candidate | None = None
    actor: str | None = None
    agent: str | None = None
    where: str | None = None
    when: str | None = None
    score: float = 0.0

    @property
    def background(self) -> bool:
        return all(c.background for c in self.mentions)

    @property
    def rep(self) -> Candidate:
        return self.best if self.best is not None else self.mentions[0]


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.raw.kind != b.raw.kind or a.raw.lemma != b.raw.lemma:
        return False
    if a.raw.kind == "named":
        return True
    shared = (a.raw.words & b.raw.words) - {a.raw.lemma}
    if (a.in_headline or b.in_headline) and len(shared) >= _HEADLINE_SHARED:
        return True  # a headline names its people by surname: the words, not the actor ids, decide
    if a.actor is not None and b.actor is not None and a.actor != b.actor:
        return False
    if _named_apart(a, b) or _named_apart(b, a):
        return False  # "dockers walked out" and "the manager walked through the yard"
    doers = (_doer_text(a), _doer_text(b))
    if all(doers) and doers[0] != doers[1] and not (a.in_headline or b.in_headline):
        return False  # "the trust would own" and "had been owned by a family trust"
    if a.background != b.background:
        return False  # "could raise taxes" is not "raised taxes"
    if a.actor is not None and a.actor == b.actor and (a.raw.object is None or b.raw.object is None):
        return True
    if (a.in_headline and b.in_lead) or (a.in_lead and b.in_headline):
        return True  # the headline restates the lead
    return bool(shared)


def _named_apart(a: Candidate, b: Candidate) -> bool:
    """`a` names its doer by a record and `b` by a phrase that is not that record (or by a `by`
    phrase of means): two doers."""
    return a.actor is not None and b.actor is None and bool(b.raw.agent or b.raw.means)


def _doer_text(c: Candidate) -> str | None:
    """Who did it as the text says, when no record names them (an agent, or a `by` phrase of means)."""
    if c.actor is not None:
        return None
    text = c.raw.agent or c.raw.means
    return text.lower() if text else None


def _completeness(c: Candidate) -> tuple[float, int]:
    """How well a mention shows its event: slots filled, the body over the headline, then earliest."""
    filled = (
        2.0 * (c.actor is not None)
        + bool(c.raw.agent)
        + bool(c.raw.object)
        + bool(c.raw.when)
        + bool(c.where)
    )
    filled += 0.5 * (not c.in_headline) + 0.5 * (not c.background)
    return (-filled, c.raw.trigger.start)


def group_mentions(candidates: list[Candidate]) -> list[Group]:
    """Merge candidates into events (each candidate joins the first group it matches)."""
    by_lemma: dict[tuple[str, str], list[Group]] = {}
    groups: list[Group] = []
    for c in sorted(candidates, key=lambda c: c.raw.trigger.start):
        key = (c.raw.kind, c.raw.lemma)
        home = next((g for g in by_lemma.get(key, ()) if any(_same_event(c, m) for m in g.mentions)), None)
        if home is None:
            home = Group()
            by_lemma.setdefault(key, []).append(home)
            groups.append(home)
        home.mentions.append(c)
    for group in groups:
        _settle(group)
    return groups


def _settle(group: Group) -> None:
    """Pick the best mention and fill the group's slots and score."""
    ordered = sorted(group.mentions, key=_completeness)
    group.best = ordered[0]
    group.actor = next((c.actor for c in ordered if c.actor is not None), None)
    if group.actor is None:
        group.agent = next((c.raw.agent for c in ordered if c.raw.agent), None)
    group.where = next((c.where for c in ordered if c.where is not None), None)
    group.when = next((c.raw.when for c in ordered if c.raw.when), None)
    bonus = min(_MAX_REPEAT_BONUS, REPEAT_BONUS * (len(group.mentions) - 1))
    group.score = max(c.score for c in group.mentions) + bonus
