"""What is not a quote: page furniture, headings, titles, runaway marks, the writer's own voice; and a
pull quote signed on the next line is one quote by that name."""

from __future__ import annotations

import pytest

from reader.analysis.model import Quote
from reader.analysis.quotes import extract_quotes, find_quoted, simple_actors


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


def touching(quotes: list[Quote], text: str, words: str) -> list[Quote]:
    """The quotes whose content or cue starts inside the first line holding `words`."""
    start = text.index(words)
    line_start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line_end = len(text) if end == -1 else end
    return [
        q
        for q in quotes
        if line_start <= q.content.start < line_end
        or (q.cue is not None and line_start <= q.cue.start < line_end)
    ]


BODY = "\n\nThe governor said the state would ask for federal aid."


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # web labels and kickers
        ("Iran fires missiles at bases\n\nREAD MORE: Trump says Iran is standing down" + BODY, "READ MORE"),
        ("Leaders meet in Brussels\n\nWATCH: Merkel says Europe must act on migration" + BODY, "WATCH"),
        ("Leaders meet in Brussels\n\nRELATED: Macron warns that the union is divided" + BODY, "RELATED"),
        ("Leaders meet\n\nRead more | Officials say the summit will run late" + BODY, "Read more"),
        ("The council met.\n\nExclusive: Minister says the defences were never finished" + BODY, "Exclusive"),
        ("The council met.\n\nOpinion | Why the mayor says the tram is worth it" + BODY, "Opinion"),
        ("The council met.\n\nExplainer: What the minister said about pensions" + BODY, "Explainer"),
        ("The council met.\n\nPodcast: The mayor tells us why she is standing down" + BODY, "Podcast"),
        # a line in capitals
        ("The mayor spoke on Monday.\n\nTRUMP SAYS THE WALL WILL BE BUILT" + BODY, "TRUMP SAYS"),
        # photo credits and captions
        (
            "The storm hit the coast.\n\nResidents say the damage is severe. (Photo: John Smith/AP)" + BODY,
            "Residents say",
        ),
        (
            "The storm hit the coast.\n\nPhoto: Officials say the road is closed. Reuters/Jane Doe" + BODY,
            "Photo:",
        ),
        (
            "The storm hit the coast.\n\nFirefighters said the blaze was out, officials said. Getty Images"
            + BODY,
            "Firefighters",
        ),
        # a caption closed by a picture credit, and an editor's note in brackets
        (
            "The river rose.\n\nVolunteers fill sandbags as officials say the river will peak overnight. "
            "Jane Doe/Reuters" + BODY,
            "Volunteers",
        ),
        (
            "The river rose.\n\n(This story was corrected: officials said the toll was nine.)" + BODY,
            "(This story",
        ),
        # headings: Markdown, HTML, and a short title-like line between paragraphs
        ("The deal was signed.\n\n## Trump says the deal is done" + BODY, "## Trump"),
        ("The deal was signed.\n\n<h2>Trump says the deal is done</h2>" + BODY, "<h2>"),
        ("“We are ready,” the mayor said.\n\n'Years of disruption'" + BODY, "Years of disruption"),
        ("“We are ready,” the mayor said.\n\nCritics say it is too late" + BODY, "Critics say"),
    ],
)
def test_page_furniture_and_headings_are_no_quotes(nlp, text: str, line: str) -> None:
    quotes = quotes_of(nlp, text)
    assert touching(quotes, text, line) == []
    governor = [q for q in quotes if "federal aid" in q.content.text]
    assert governor and governor[0].speaker is not None and governor[0].speaker.text == "The governor"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "She said she loved “Harry Potter and the Philosopher’s Stone,” a book she read as a child.",
            "Harry",
        ),
        ("He said “The Grand Budapest Hotel” was the best film of the year.", "Grand Budapest"),
        ("His favourite film is “The Grand Budapest Hotel,” he told reporters.", "Grand Budapest"),
        ("The film, “The Grand Budapest Hotel,” opened on Friday, the studio said.", "Grand Budapest"),
        ("Critics called the plan a “witch hunt” on Monday.", "witch hunt"),
        ("Dwayne “The Rock” Johnson said he would run for office.", "The Rock"),
        ("The senator, who calls himself a “fiscal hawk,” voted against the bill.", "fiscal hawk"),
    ],
)
def test_titles_nicknames_and_scare_quotes_are_no_direct_quotes(nlp, text: str, title: str) -> None:
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if q.kind == "direct" and title in q.content.text]


def test_a_slogan_that_is_said_stays_a_quote(nlp) -> None:
    quotes = quotes_of(nlp, "“Make America Great Again,” he said.")
    assert [q.content.text for q in quotes if q.kind == "direct"] == ["“Make America Great Again,”"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("``We will win,’’ the coach said.", "``We will win,’’"),
        ("``We will win,'' the coach said.", "``We will win,''"),
        ("‘‘We will win,’’ the coach said.", "‘‘We will win,’’"),
    ],
)
def test_doubled_single_marks_close(nlp, text: str, quoted: str) -> None:
    assert [text[q.start : q.end] for q in find_quoted(text)] == [quoted]
    quotes = quotes_of(nlp, text)
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        (quoted, "the coach")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He called the plan “ridiculous and walked out.\n\n“We will vote on Friday,” Smith said.",
        "The union called it a “betrayal.\n\n“We will strike,” Smith said.",
    ],
)
def test_an_unbalanced_mark_never_swallows_the_next_paragraph(nlp, text: str) -> None:
    second = text.index("\n\n") + 2
    assert all(q.end <= second or q.start >= second for q in find_quoted(text))
    later = [q for q in quotes_of(nlp, text) if q.content.start >= second]
    assert later and later[0].speaker is not None and later[0].speaker.text == "Smith"


def test_a_quote_over_paragraphs_still_runs_on() -> None:
    text = "He said: “We will fight.\n\n“And we will win.”"
    assert [(q.start, q.end) for q in find_quoted(text)] == [(text.index("“We"), len(text))]


@pytest.mark.parametrize(
    "writer",
    [
        "It’s unclear if Rouhani is laying out terms of a cease-fire deal.",
        "It remains to be seen whether Rouhani will accept the offer of talks.",
        "It is not clear whether Rouhani said the strikes would stop.",
    ],
)
def test_the_writers_own_voice_is_nobodys_quote(nlp, writer: str) -> None:
    text = "“We do not seek escalation,” Rouhani said on Tuesday.\n\n" + writer
    quotes = quotes_of(nlp, text)
    start = text.index(writer)
    assert [q.content.text for q in quotes if q.content.start >= start] == []
    assert [q.speaker.text for q in quotes if q.speaker] == ["Rouhani"]


@pytest.mark.parametrize(
    "signature",
    ["— Jane Smith, union president", "Jane Smith", "― Jane Smith"],
)
def test_pull_quote_signed_on_the_next_line_is_one_quote(nlp, signature: str) -> None:
    text = (
        "The union rejected the offer on Tuesday.\n\n“We will not back down until every worker is paid.”\n"
        + signature
        + "\n\nTalks will resume next week."
    )
    quotes = [q for q in quotes_of(nlp, text) if "back down" in q.content.text or "Jane" in q.content.text]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Jane Smith"
    assert quotes[0].rule == "pull_quote" and quotes[0].confidence >= 0.5


def test_a_bracketed_aside_of_the_story_keeps_its_quotes(nlp) -> None:
    text = (
        "The senator spoke on Sunday.\n\n"
        "(In an interview with ABC News, Mr. Rhodes said the group had been contained.)\n\n"
        "The governor said the state would ask for federal aid."
    )
    assert [q for q in quotes_of(nlp, text) if "had been contained" in q.content.text]
