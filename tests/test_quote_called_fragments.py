"""What someone called a thing, in quoted fragments: the words are kept with who called it so,
even when the quoted fragments are too short to stand as quotes by themselves."""

from __future__ import annotations

import pytest

from reader.analysis.quotes import extract_quotes, simple_actors


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("The senator called him a “pathological liar” and a “bully”.", "“pathological liar”", "The senator"),
        (
            "The director attacked what she called “a national disgrace” and resigned.",
            "“a national disgrace”",
            "she",
        ),
        ("Critics called the plan “reckless” on Monday.", "“reckless”", "Critics"),
    ],
)
def test_what_someone_called_it_is_kept(nlp, text: str, words: str, speaker: str) -> None:
    doc = nlp(text)
    quotes = extract_quotes(doc, simple_actors(doc))
    holding = [q for q in quotes if words in q.content.text]
    assert holding, [q.content.text for q in quotes]
    assert holding[0].speaker is not None and holding[0].speaker.text == speaker
