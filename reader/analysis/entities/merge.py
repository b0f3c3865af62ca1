"""Mentions merged into one record per real-world thing, in named steps."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.analysis.entities.names import Mention, is_acronym, looks_personal, normalise
from reader.analysis.entities.words import (
    ACTOR_KINDS,
    ALIASES,
    BUSINESS_WORDS,
    LABEL_KIND,
    NICKNAME_RE,
    NICKNAMES,
    ORG_WORDS,
    TIE_ORDER,
    TITLES,
)
from reader.analysis.model import Referent, Span


@dataclass(slots=True)
class Cluster:
    """Mentions believed to name one thing, before it becomes a Referent."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None  # from the alias table

    @property
    def first(self) -> int:
        return self.mentions[0].start


def _tokens(key: str) -> list[str]:
    return key.split(" ")


def _group_by_key(mentions: Iterable[Mention]) -> dict[str, Cluster]:
    """One cluster per merge key, in order of first mention; votes are reset for a fresh merge."""
    by_key: dict[str, Cluster] = {}
    for mention in mentions:
        mention.vote = None  # decided afresh on every merge: a later full name can make a surname ambiguous
        cluster = by_key.get(mention.key)
        if cluster is None:
            cluster = by_key[mention.key] = Cluster(mention.key, canonical=ALIASES.get(mention.key))
        cluster.mentions.append(mention)
    return by_key


def _vote_person(cluster: Cluster) -> None:
    """Every mention of `cluster` votes "person", except one whose context says "place"
    ("Little Ashby's residents")."""
    for mention in cluster.mentions:
        mention.vote = None if mention.cue == "place" else "PERSON"


def _majority_labels(by_key: dict[str, Cluster]) -> dict[str, str]:
    """The label most of each cluster's mentions carry, where the context outvotes the model.

    "Ewan MacLeod said" once makes every "Ewan MacLeod" a person, and "Adeyemi said" makes
    "Marcus Adeyemi" one; "Rio Tinto, the mining company" once makes every "Rio Tinto" a company
    (unless another mention makes it a person). Computed once: every later step reads it.
    """
    labels = {key: Counter(m.label for m in c.mentions).most_common(1)[0][0] for key, c in by_key.items()}
    cued_surnames = {
        key for key, c in by_key.items() if " " not in key and any(m.cue == "person" for m in c.mentions)
    }
    for key, cluster in by_key.items():
        cues = Counter(m.cue for m in cluster.mentions)
        if cues["organisation"] > cues["person"] and not cluster.canonical:
            labels[key] = "ORG"
            for mention in cluster.mentions:
                mention.vote = None if mention.cue == "place" else "ORG"
            continue
        if " " not in key or labels[key] == "PERSON" or cluster.canonical:
            continue
        cued = cues["person"] > 0
        personal = all(looks_personal(name) for name in {m.name for m in cluster.mentions})
        if cued or (_tokens(key)[-1] in cued_surnames and personal):
            labels[key] = "PERSON"
            _vote_person(cluster)
    return labels


#: Words after a surname that belong to it: "Donald Trump Jr." is not "Donald Trump".
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _given_and_family(parts: list[str]) -> tuple[str, str] | None:
    """A person's first given name and family name, without middle names or initials:
    "donald j. trump" -> ("donald", "trump"); None when the name has no two such parts."""
    suffix = ""
    if len(parts) > 2 and parts[-1] in _NAME_SUFFIXES:
        suffix, parts = " " + parts[-1], parts[:-1]
    if len(parts) < 2 or len(parts[0].rstrip(".")) < 2 or len(parts[-1].rstrip(".")) < 2:
        return None
    return parts[0], parts[-1] + suffix


def _same_given_name(a: str, b: str) -> bool:
    """ "jim" and "james", "bill" and "william": one given name in its formal and familiar forms."""
    return a == b or b in NICKNAMES.get(a, ())


def _fits_any(given: str, group: set[tuple[str, str]]) -> bool:
    return any(_same_given_name(given, other) for other, _ in group)


def _fold_name_variants(by_key: dict[str, Cluster], labels: dict[str, str]) -> None:
    """Fold the forms of one person's full name into one cluster, in place: "Donald J. Trump" and
    "Donald Trump", "James R. Hacker" and "Jim Hacker".

    Names with the same family name fold when their given names are one name (equal, or a nickname of
    the other, from the nickname table) and no other such name of the article is a different given
    name that fits one of them ("Ron" beside both "Ronald" and "Aaron" stays apart). The fullest form
    (most words) is kept as the cluster; the others move into it.
    """
    by_family: dict[str, list[tuple[str, str]]] = {}
    for key, cluster in by_key.items():
        if labels[key] != "PERSON" or cluster.canonical:
            continue
        named = _given_and_family(_tokens(key))
        if named is not None:
            by_family.setdefault(named[1], []).append((named[0], key))
    for forms in by_family.values():
        if len(forms) < 2:
            continue
        for given, key in forms:
            if key not in by_key:
                continue
            group = {(given, key)}
            grown = True
            while grown:  # every form linked to the group by a given name that fits
                more = {
                    f for f in forms if f not in group and any(_same_given_name(f[0], g) for g, _ in group)
                }
                group |= more
                grown = bool(more)
            givens = {g for g, _ in group}
            if len(group) < 2 or any(not _same_given_name(x, y) for x in givens for y in givens):
                continue  # "ron" fits "ronald" and "aaron", which are two people
            keys = [k for _, k in group if k in by_key]
            target = max(keys, key=lambda k: (len(_tokens(k)), len(by_key[k].mentions), k))
            for other in keys:
                if other != target:
                    by_key[target].mentions.extend(by_key.pop(other).mentions)
                    labels.pop(other, None)
            by_key[target].mentions.sort(key=lambda m: m.start)


def _sole_owners(pairs: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """Short form -> the one key that has it, or None when two keys share it (then it is not safe)."""
    owners: dict[str, str | None] = {}
    for short, key in pairs:
        owner = owners.get(short, key)
        owners[short] = key if owner == key else None
    return owners


@dataclass(slots=True)
class _ShortForms:
    """Who owns each short form of a name: the indexes the merge decisions read."""

    surnames: dict[str, list[str]]  # "soleimani" -> ["qassem soleimani"]; several for a shared surname
    first_names: dict[str, str | None]  # "margaret" -> "margaret ellison"
    org_heads: dict[str, str | None]  # "council" -> "harbourside city council"
    nicknames: dict[str, str | None]  # "kate boyd" -> "catherine “kate” boyd"
    org_tails: dict[str, str | None]  # "coastal agency" -> "national coastal agency"
    org_stems: dict[str, str | None]  # "caldera" -> "caldera power"
    acronyms: dict[str, str | None]  # "irgc" -> "islamic revolutionary guard corps"


def _short_forms(by_key: dict[str, Cluster], labels: dict[str, str]) -> _ShortForms:
    """Index the short forms of every full name: surnames and name tails of people, first names,
    nicknames, the head word, tail and first word of organisations' names, and acronyms."""
    people = [
        (key, _tokens(key))
        for key, c in by_key.items()
        if len(_tokens(key)) >= 2 and not c.canonical and labels[key] == "PERSON"
    ]
    orgs = [
        (key, _tokens(key))
        for key, c in by_key.items()
        if len(_tokens(key)) >= 2 and not c.canonical and labels[key] == "ORG"
    ]
    surnames: dict[str, list[str]] = {}
    for key, parts in people:
        for i in range(1, len(parts)):
            owners = surnames.setdefault(" ".join(parts[i:]), [])
            if key not in owners:
                owners.append(key)
    nicknames = []
    for key in by_key:
        named = NICKNAME_RE.match(key)
        if named is not None and labels[key] == "PERSON":
            nicknames += [(f"{named[2]} {named[3]}", key), (f"{named[1]} {named[3]}", key)]
    acronyms = []
    for key in by_key:
        parts = [p for p in _tokens(key) if p not in ("of", "the", "and", "for", "to", "&")]
        if len(parts) >= 2 and labels[key] in ("ORG", "FAC"):
            acronyms.append(("".join(p[0] for p in parts if p), key))
    return _ShortForms(
        surnames=surnames,
        first_names=_sole_owners((parts[0], key) for key, parts in people),
        org_heads=_sole_owners((parts[-1], key) for key, parts in orgs),
        nicknames=_sole_owners(nicknames),
        org_tails=_sole_owners(
            (" ".join(parts[i:]), key)
            for key, parts in orgs
            if len(parts) >= 3
            for i in range(1, len(parts) - 1)
        ),
        org_stems=_sole_owners(
            (parts[0], key) for key, parts in orgs if len(parts) == 2 and parts[1] in BUSINESS_WORDS
        ),
        acronyms=_sole_owners(acronyms),
    )


def _personish(key: str, label: str, cluster: Cluster, forms: _ShortForms) -> bool:
    """A one-word cluster that may name a person even if the model said otherwise."""
    if label == "PERSON" or any(m.cue == "person" for m in cluster.mentions):
        return True
    short_org = key in forms.org_heads or key in forms.org_stems or key in ORG_WORDS
    return label == "ORG" and not short_org


def _gender_of(cluster: Cluster) -> str | None:
    """The gender a person's mentions agree on ("Mrs. Trump", "Melania Trump"), or None."""
    genders = {m.gender for m in cluster.mentions if m.gender}
    return genders.pop() if len(genders) == 1 else None


def _share_out(cluster: Cluster, owners: list[str], by_key: dict[str, Cluster]) -> list[tuple[Mention, str]]:
    """A surname two people share (Donald and Melania Trump) goes, mention by mention, to its most
    salient bearer so far, not to the one named last.

    Salience is the bearer's mentions before that point: its full name and the bare surname already
    given to it, so the one the article has been calling "Trump" keeps the name; on a tie, the one
    named last. A bearer not yet named cannot be meant (unless none is), nor one whose gender a title
    contradicts ("Mrs. Trump" is not Donald).
    """
    seen: dict[str, list[int]] = {owner: sorted(m.start for m in by_key[owner].mentions) for owner in owners}
    genders = {owner: _gender_of(by_key[owner]) for owner in owners}
    moves = []
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        before = {o: bisect.bisect_left(starts, mention.start) for o, starts in seen.items()}
        fitting = [o for o in owners if not (mention.gender and genders[o] and genders[o] != mention.gender)]
        named = [o for o in fitting if before[o]] or fitting or owners
        called = max(named, key=lambda o: (before[o], seen[o][before[o] - 1] if before[o] else -1, o))
        bisect.insort(seen[called], mention.start)
        moves.append((mention, called))
    return moves


def _target(key: str, cluster: Cluster, label: str, forms: _ShortForms) -> tuple[str | None, str]:
    """The full name a short one abbreviates, if exactly one fits, and the label its mentions vote for."""
    owners = forms.surnames.get(key, [])
    if owners:
        return owners[0], "PERSON"
    target = forms.nicknames.get(key)
    if target is not None:
        return target, "PERSON"
    one_word = " " not in key
    if one_word and label == "PERSON" and key not in forms.first_names and forms.org_stems.get(key):
        return forms.org_stems[key], "ORG"  # "Barratt said" after "Barratt Homes": nobody else is Barratt
    if one_word and key not in TITLES and _personish(key, label, cluster, forms):
        target = forms.first_names.get(key)
        if target is not None:
            return target, "PERSON"
    if one_word and label == "ORG":
        target = forms.org_heads.get(key) or (forms.org_stems.get(key) if key not in ORG_WORDS else None)
        if target is not None:
            return target, "ORG"
    if not one_word and label == "ORG" and _tokens(key)[0] not in ("of", "and"):
        target = forms.org_tails.get(key)
        if target is not None:
            return target, "ORG"
    if is_acronym(cluster.mentions[0].name):
        target = forms.acronyms.get(key.replace(".", ""))
        if target is not None:
            return target, "ORG"
    return None, "PERSON"


def _decide(
    by_key: dict[str, Cluster], labels: dict[str, str], forms: _ShortForms
) -> tuple[dict[str, str], list[tuple[Mention, str]]]:
    """Which clusters fold into which (`merged`), and which single mentions move (`moves`, shared surnames).

    Sets the votes of the mentions that move: a surname the model called a place votes for its person.
    """
    merged: dict[str, str] = {}
    moves: list[tuple[Mention, str]] = []
    for key, cluster in by_key.items():
        if (cluster.canonical and cluster.canonical.lower() != key) or key in ALIASES:
            continue
        label = labels[key]
        owners = forms.surnames.get(key, [])
        if len(owners) > 1 and (" " in key or _personish(key, label, cluster, forms)):
            moves += _share_out(cluster, owners, by_key)
            _vote_person(cluster)
            continue
        target, vote = _target(key, cluster, label, forms)
        if target and target != key:
            merged[key] = target
            if vote == "PERSON":
                _vote_person(cluster)
            else:
                for mention in cluster.mentions:
                    mention.vote = vote
    return merged, moves


def _apply(
    by_key: dict[str, Cluster], merged: dict[str, str], moves: list[tuple[Mention, str]]
) -> list[Cluster]:
    """Fold the merged clusters into their targets (following chains) and move the shared-surname mentions."""

    def final(key: str) -> str:
        target = key
        seen = {key}
        while target in merged and merged[target] not in seen:  # chains are short; stop on a cycle
            target = merged[target]
            seen.add(target)
        return target

    for key in list(merged):
        target = final(key)
        if target != key and key in by_key and target in by_key:
            by_key[target].mentions.extend(by_key.pop(key).mentions)
    moved = {id(m) for m, _ in moves}
    for key in {m.key for m, _ in moves}:
        if key in by_key:
            by_key[key].mentions = [m for m in by_key[key].mentions if id(m) not in moved]
            if not by_key[key].mentions:
                del by_key[key]
    for mention, owner in moves:
        dest = by_key.get(final(owner)) or by_key.get(owner)
        if dest is None:  # only after a cycle of merges: keep the mention under its own name
            dest = by_key.setdefault(mention.key, Cluster(mention.key))
        dest.mentions.append(mention)
    clusters = list(by_key.values())
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    return clusters


def _cluster(mentions: Iterable[Mention]) -> list[Cluster]:
    """Group mentions by key, then fold surnames, first names, nicknames, organisations' short names and
    acronyms into the full names they abbreviate."""
    by_key = _group_by_key(mentions)
    labels = _majority_labels(by_key)
    _fold_name_variants(by_key, labels)
    forms = _short_forms(by_key, labels)
    merged, moves = _decide(by_key, labels, forms)
    return _apply(by_key, merged, moves)


def _slug(name: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "-", normalise(name).replace("'", "")).strip("-")
    return slug or "x"


def _name_of(cluster: Cluster) -> str:
    if cluster.canonical:
        return cluster.canonical
    counts = Counter(m.name for m in cluster.mentions)
    # The fullest form as written in running text: not in capitals ("INCHMORRA" of a heading), then
    # most words, then longest, then most used, then first seen.
    order = {name: i for i, name in reversed(list(enumerate(m.name for m in cluster.mentions)))}
    return max(counts, key=lambda n: (not n.isupper(), len(n.split()), len(n), counts[n], -order[n]))


def _kind_of(cluster: Cluster) -> str:
    """The kind most mentions vote for; a mention whose context says what it is ("visited Inchmorra",
    a dateline) counts twice, as the context is surer than the small model's label, except a place
    cue against a full name the model calls a person ("came from superstars Shonda Rhimes")."""
    full_name = any(" " in m.name and m.label == "PERSON" for m in cluster.mentions)
    votes: Counter[str] = Counter()
    for m in cluster.mentions:
        surer = m.cue and not m.vote and not (full_name and m.cue == "place")
        votes[m.vote or m.label] += 2 if surer else 1
    best = max(votes.values())
    winners = [label for label, count in votes.items() if count == best]
    if (
        "PERSON" in winners
        and len(winners) > 1
        and not full_name
        and any(w in ("GPE", "LOC", "FAC") for w in winners)
    ):
        winners.remove("PERSON")  # "Riverside" once a person and once a place: a one-word name is a place
    if (
        "ORG" in winners
        and any(w in ("GPE", "LOC", "FAC") for w in winners)
        and any(m.cue == "place" and (m.vote or m.label) in winners for m in cluster.mentions)
    ):
        winners.remove("ORG")  # a tie between the model's "organisation" and a place the context vouches for
    label = min(winners, key=lambda lab: TIE_ORDER.index(lab) if lab in TIE_ORDER else 99)
    return LABEL_KIND[label]


@dataclass(slots=True)
class Referents:
    """The merged records: actors, places, and which referent each mention (by start offset) names."""

    actors: list[Referent]
    places: list[Referent]
    by_start: dict[int, str]
    kinds: dict[str, str]


def merge_mentions(mentions: Sequence[Mention]) -> Referents:
    """Merge mentions into actors and places, sorted by salience (mentions, then first position).

    A place that acts in any mention appears in both lists as the same record (same id).
    """
    clusters = _cluster(mentions)
    clusters.sort(key=lambda c: (-len(c.mentions), c.first))
    actors: list[Referent] = []
    places: list[Referent] = []
    by_start: dict[int, str] = {}
    kinds: dict[str, str] = {}
    used_ids: set[str] = set()
    for cluster in clusters:
        name = _name_of(cluster)
        base = _slug(name)
        ident, n = base, 2
        while ident in used_ids:
            ident, n = f"{base}-{n}", n + 1
        used_ids.add(ident)
        kind = _kind_of(cluster)
        seen: dict[str, int] = {}
        for m in cluster.mentions:
            if m.name != name:
                seen[m.name] = seen.get(m.name, 0) + 1
        aliases = sorted(seen, key=lambda a: -seen[a])
        record = Referent(
            id=ident,
            name=name,
            kind=kind,
            aliases=aliases,
            mentions=[Span(m.start, m.end, m.text) for m in cluster.mentions],
        )
        kinds[ident] = kind
        for m in cluster.mentions:
            by_start[m.start] = ident
        if kind in ACTOR_KINDS:
            actors.append(record)
        else:
            places.append(record)
            if any(m.acts for m in cluster.mentions):
                actors.append(record)
    return Referents(actors, places, by_start, kinds)
