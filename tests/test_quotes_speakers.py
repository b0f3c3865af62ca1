"""Speakers a reader would agree with: pronouns that agree, exchanges, shared surnames, actor-like
speakers. Every case is a sentence of our own, run through the whole analysis."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from quote_lookup import quote_with

from reader.analysis.model import Analysis, Quote
from reader.analysis.pipeline import analyse


def actor_name(analysis: Analysis, quote: Quote) -> str | None:
    names = {r.id: r.name for r in (*analysis.actors, *analysis.places)}
    return None if quote.actor is None else names[quote.actor]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the gender of a given name: "she" is never the man when a woman is at hand
        ("Tom Smith met Mary Jones. She said the talks went well.", "talks went well", "Mary Jones"),
        ("Mary Jones met Tom Smith. He said the talks went well.", "talks went well", "Tom Smith"),
        ("Linda Park met David Cole. He said the talks went well.", "talks went well", "David Cole"),
        # the gender of a title
        (
            "Mr. Hale met Mrs. Okafor on Monday. She said the talks went well.",
            "talks went well",
            "Okafor",
        ),
        # the gender of a kin noun in apposition
        (
            "His mother, Jordan Reyes, met Tom Baker on Monday. She said the talks went well.",
            "talks went well",
            "Jordan Reyes",
        ),
        # "they" goes to a group or an organisation, not to a person
        (
            "Tom Baker met officials from the Sierra Club in May. They said the protest would go on.",
            "protest would go on",
            "Sierra Club",
        ),
        # the subject of the main clause, not of a clause inside it, is who the next sentence is about
        (
            "Iain Morrison chaired the trust for a decade. Mairi Campbell, who was elected chair in December "
            "after Morrison stood down, is thirty-nine. She said the hardest work was still ahead.",
            "hardest work",
            "Mairi Campbell",
        ),
    ],
)
def test_pronouns_agree_with_their_speaker(nlp: Any, text: str, words: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    assert actor_name(analysis, quote_with(analysis, words)) == speaker


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        # "Asked about X, Y said ...": the answer is Y's; the question is nobody named
        (
            "Asked about the tariffs, Warren said the plan would hurt farmers.",
            {"the plan would hurt farmers": "Warren", "the tariffs": None},
        ),
        # "A asked ... B replied": the question is A's, the answer B's
        (
            '"Will you run again?" the reporter asked. "I have not decided," Warren replied.',
            {"Will you run again?": "the reporter", "I have not decided": "Warren"},
        ),
        (
            "Smith asked whether the plan would work. Jones replied that it would.",
            {"whether the plan would work": "Smith", "that it would": "Jones"},
        ),
        # "was asked" marks the asker's turn: the one asked is not its speaker
        (
            'Warren was asked whether she would run. "I have not decided," she said.',
            {"whether she would run": None, "I have not decided": "Warren"},
        ),
        ('"Will you run?" Warren was asked.', {"Will you run?": None}),
        # a participle the parse takes for a past tense still marks the question as nobody's
        (
            "The men were freed on Monday.\n\nAsked whether he was angry, Ramírez was silent for several "
            'seconds. "Angry? Yes. Later I will be angry," he said.',
            {"whether he was angry": None, "Later I will be angry": "Ramírez"},
        ),
        ("Asked whether the plan would work, Ms. Lopez shrugged.", {"whether the plan would work": None}),
        ("Warren was asked by reporters whether she would run.", {"whether she would run": "reporters"}),
    ],
)
def test_exchanges_give_each_turn_to_its_speaker(nlp: Any, text: str, turns: dict[str, str | None]) -> None:
    analysis = analyse(text, nlp)
    for words, speaker in turns.items():
        quote = quote_with(analysis, words)
        assert quote.speaker_name == speaker or actor_name(analysis, quote) == speaker, quote


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # more salient than the one named last
        (
            "Donald Trump spoke on Monday. Donald Trump spoke again on Tuesday. Melania Trump spoke later. "
            "Trump said the country was strong.",
            "Donald Trump",
        ),
        # the one the article already calls by the bare surname
        (
            "Donald Trump spoke on Monday. Trump waved. Melania Trump spoke later. "
            "Trump said the country was strong.",
            "Donald Trump",
        ),
        # the most mentioned
        (
            "Bill Clinton arrived. Hillary Clinton spoke on Monday. Hillary Clinton spoke again on Tuesday. "
            "Clinton said the country was strong.",
            "Hillary Clinton",
        ),
        # a title says which one
        (
            "Donald Trump spoke on Monday. Melania Trump spoke later. "
            "Mrs. Trump said the country was strong.",
            "Melania Trump",
        ),
    ],
)
def test_a_shared_surname_goes_to_its_most_salient_bearer(nlp: Any, text: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    assert actor_name(analysis, quote_with(analysis, "country was strong")) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an abstract noun gives way to the actor it names
        (
            "The proportion of voters saying they want a ban is high.",
            "want a ban",
            "voters",
        ),
        # a description headed by a human noun is a speaker, with its adjective
        ("Congressional leaders said the bill would pass.", "bill would pass", "Congressional leaders"),
        ("Critics said the bill would fail.", "bill would fail", "Critics"),
        # an adjective naming a body or nation is never the speaker by itself
        (
            "The strike killed him.\n\nCongressional lawmakers said they want to be briefed Wednesday on the "
            "intelligence surrounding the killing of Soleimani and the administration’s next steps on Iraq.",
            "be briefed",
            "Congressional lawmakers",
        ),
        # a number is shown with whom it counts
        (
            "Three of the men spoke publicly on Thursday, describing the darkness and the hunger.",
            "the darkness",
            "Three of the men",
        ),
        ("Many of the residents said the river rose too fast.", "river rose", "Many of the residents"),
    ],
)
def test_a_speaker_is_actor_like(nlp: Any, text: str, words: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    quote = quote_with(analysis, words)
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a job title before a name is not part of the speaker's name
        ("Keeper Tom Banks said the animals were safe.", "Tom Banks"),
        ("Warden Ann Lee said the park was closed.", "Ann Lee"),
    ],
)
def test_a_common_noun_before_a_name_is_not_the_speaker(nlp: Any, text: str, name: str) -> None:
    analysis = analyse(text, nlp)
    (quote,) = analysis.quotes
    assert quote.speaker_name == name
    assert actor_name(analysis, quote) == name


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a description of an organisation stands for one the article calls so, or names beside it
        (
            "Minera Atacama Norte owns the mine. The union representing the men, the Santa Inés Workers' "
            "Federation, has called for an independent inquiry.",
            "independent inquiry",
            "Santa Inés Workers' Federation",
        ),
        ("Minera Atacama Norte owns the mine. The union said the roof was unsafe.", "roof was unsafe", None),
        # "the company" may stand for any organisation named before
        ("Rio Tinto Ltd owns the mine. The company said output fell.", "output fell", "Rio Tinto Ltd"),
    ],
)
def test_an_organisation_description_stands_for_the_right_organisation(
    nlp: Any, text: str, words: str, speaker: str | None
) -> None:
    analysis = analyse(text, nlp)
    assert actor_name(analysis, quote_with(analysis, words)) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an opening phrase the parse hangs the subject on: the speaker is the first actor after it
        (
            "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
            "“Clinton believes that cooperation is essential.”",
            "cooperation is essential",
            "Jake Sullivan",
        ),
        (
            "Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary.”",
            "scary",
            "Levine",
        ),
        (
            "But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military "
            "spokesman in Baghdad, said, “A raid is a combat operation.”",
            "combat operation",
            "Steven H. Warren",
        ),
        # an opening participle the parse takes for the subject
        (
            "Writing on Facebook, the pub's landlord, Mick Fallon, said he had been left with no choice.",
            "no choice",
            "Mick Fallon",
        ),
        (
            "Writing on Facebook, the village's vicar, Thomas Nicolson, said the church would stay open.",
            "the church would stay open",
            "Thomas Nicolson",
        ),
    ],
)
def test_a_speaker_after_an_opening_phrase(nlp: Any, text: str, words: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    assert quote_with(analysis, words).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the parse takes the name after "said" for an adverb: it is still the speaker, of the quote
        # and of the participle that goes on
        (
            "“Having access to the RNC file is valuable,” said Skelly, explaining he worked more closely "
            "with Chrabaszcz.",
            "Having access",
            "Skelly",
        ),
        (
            "“Having access to the RNC file is valuable,” said Skelly, explaining he worked more closely "
            "with Chrabaszcz.",
            "he worked more closely",
            "Skelly",
        ),
        # the parse makes the name the root of its sentence: a participle hanging on it is its speaker's
        (
            "Trump defended eminent domain, calling the expropriation of private property for public use an "
            '"absolute necessity" for the government.',
            "the expropriation",
            "Trump",
        ),
        # an abstract noun the parse makes the speaker of a second verb or a participle gives way to
        # the actor of the clause above
        (
            "FBI officials were angered by the deal and predicted it would affect other cases.",
            "it would affect other cases",
            "FBI officials",
        ),
        (
            "Reached by phone, Bennett denied the notion that a campaign shakeup is coming, explaining that "
            "he was unaware of the interview.",
            "he was unaware",
            "Bennett",
        ),
    ],
)
def test_a_parse_slip_keeps_the_speaker(nlp: Any, text: str, words: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    assert quote_with(analysis, words).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "a ..." and plural people are someone not named before: never the last person named
        (
            "Donald Trump spoke on Monday. A White House official said the talks would resume.",
            "talks would resume",
            "A White House official",
        ),
        (
            "Priya Sharma runs a shop. Some residents said the branch should stay open.",
            "stay open",
            "Some residents",
        ),
        # a pronoun after such a speaker is theirs
        (
            "Councillor Derek Whitmore said the closure would hurt. A Post Office spokesman said the company "
            "was exploring options. 'We are committed to the village,' he said.",
            "committed to the village",
            "A Post Office spokesman",
        ),
    ],
)
def test_an_unnamed_speaker_stays_unnamed(nlp: Any, text: str, words: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    quote = quote_with(analysis, words)
    assert quote.speaker_name == speaker
    assert quote.actor is None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "someone like X", "proponents like X": the name belongs to the mention
        (
            "Why would someone like Mr. Clarke want to take over a failing mine?",
            "to take over",
            "someone like Mr. Clarke",
        ),
        (
            "Proponents like Mr. Eisenbrey urged the council to raise the limit.",
            "the council",
            "Proponents like Mr. Eisenbrey",
        ),
    ],
)
def test_a_speaker_like_a_named_person_shows_the_name(nlp: Any, text: str, words: str, speaker: str) -> None:
    quote = quote_with(analyse(text, nlp), words, at_start=True)
    assert quote.speaker is not None
    assert quote.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "words", "mention", "name"),
    [
        # two titles joined by "and" before one name are one person
        (
            "GOP presidential contender and former neurosurgeon Ben Carson responded on Sunday to claims "
            "that he had exaggerated his life story.",
            "claims that",
            "GOP presidential contender and former neurosurgeon Ben Carson",
            "Ben Carson",
        ),
        # a title with a determiner, or plain people, are another speaker beside the name
        ("The senator and Ben Carson said the plan was unfair.", "the plan", "The senator", "The senator"),
        ("Voters and Senator Ben Carson said the plan was unfair.", "the plan", "Voters", "Voters"),
    ],
)
def test_two_titles_before_a_name_are_one_speaker(
    nlp: Any, text: str, words: str, mention: str, name: str
) -> None:
    quote = quote_with(analyse(text, nlp), words, at_start=True)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker_name) == (mention, name)


TRANSCRIPT = (
    "Q: The report says some villages cannot be saved. Is that fair?\n\n"
    "OSEI: Every year we delay, we spend money in places where the evidence says they will fail. "
    "I think she would prefer I did not say. One of them was about insurance, which tells you where "
    "the pressure is coming from.\n\n"
    "Q: Who pays?\n\n"
    "OSEI: I said that the Treasury must decide."
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        # "I" inside a turn is whoever's turn it is
        ("she would prefer I did not say", "OSEI"),
        ("that the Treasury must decide", "OSEI"),
        # a document quoted inside a question keeps its own speaker
        ("some villages cannot be saved", "The report"),
    ],
)
def test_first_person_inside_an_interview_turn_is_the_turns_speaker(
    nlp: Any, words: str, speaker: str
) -> None:
    analysis = analyse(TRANSCRIPT, nlp)
    found = [q for q in analysis.quotes if q.content.text.startswith(words)]
    assert found, [(q.content.text, q.speaker_name) for q in analysis.quotes]
    assert found[0].speaker_name == speaker


@pytest.mark.parametrize("speaker", ["I", "the evidence", "insurance, which", "insurance"])
def test_no_speaker_inside_a_turn_that_a_reader_would_not_accept(nlp: Any, speaker: str) -> None:
    analysis = analyse(TRANSCRIPT, nlp)
    shown = {q.speaker_name for q in analysis.quotes} | {q.speaker.text for q in analysis.quotes if q.speaker}
    assert speaker not in {q.speaker_name for q in analysis.quotes}, shown
    assert all(
        q.speaker is None or q.speaker.text != speaker or q.speaker_name == "OSEI" for q in analysis.quotes
    )


SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


@pytest.fixture(scope="module")
def samples(nlp: Any) -> Callable[[str], Analysis]:
    """The sample articles a reader opens first, each analysed once for this module."""

    @functools.cache
    def analysed(name: str) -> Analysis:
        return analyse((SAMPLES / name).read_text(encoding="utf-8"), nlp)

    return analysed


@pytest.mark.parametrize(
    ("sample", "speaker"),
    [
        ("iran-missile-strikes.txt", "Congressional"),
        ("mine-rescue-multi-paragraph-quotes.txt", "three"),
        ("interview-chief-scientist-transcript.txt", "I"),
        ("interview-chief-scientist-transcript.txt", "insurance, which"),
        ("interview-chief-scientist-transcript.txt", "insurance"),
        ("interview-chief-scientist-transcript.txt", "the evidence"),
        # "(Fiction written for ...)": what was written is not who wrote it
        ("night-trains-return-markdown.md", "Fiction"),
        ("flood-inquiry-many-voices.txt", "Fiction"),
        ("village-post-office-british-style.txt", "Fiction"),
    ],
)
def test_sample_articles_show_no_speaker_a_reader_would_not_accept(
    samples: Callable[[str], Analysis], sample: str, speaker: str
) -> None:
    shown = [q.speaker_name for q in samples(sample).quotes]
    assert speaker not in shown, shown


@pytest.mark.parametrize(
    ("sample", "words", "speaker"),
    [
        # the question put to him is not his quote; his answer is
        ("mine-rescue-multi-paragraph-quotes.txt", "whether he was angry", None),
        ("mine-rescue-multi-paragraph-quotes.txt", "Angry? Yes.", "Héctor Ramírez"),
        ("mine-rescue-multi-paragraph-quotes.txt", "the darkness, the hunger", "three of the men"),
        ("interview-chief-scientist-transcript.txt", "she would prefer I did not say", "Amara Osei"),
        ("inchmorra-long-read.txt", "We have a deal on paper", "Mairi Campbell"),
        # "Sinclair read every page ... she said": a surname the recogniser missed is still her
        ("inchmorra-long-read.txt", "It was four hundred pages", "Morag Sinclair"),
        (
            "village-post-office-british-style.txt",
            "committed to maintaining access",
            "A Post Office spokesman",
        ),
        ("village-post-office-british-style.txt", "the idea of a community-run branch", "Some residents"),
    ],
)
def test_sample_articles_credit_the_right_speaker(
    samples: Callable[[str], Analysis], sample: str, words: str, speaker: str | None
) -> None:
    assert quote_with(samples(sample), words).speaker_name == speaker


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("“Every child deserves a school they can walk to.” ― Pamela Padilla, parent", "Pamela Padilla"),
        ("“Every child deserves a school they can walk to.” — Jane Doe, Leeds", "Jane Doe"),
        ("“Every child deserves a school they can walk to.” — Jane Doe", "Jane Doe"),
    ],
)
def test_a_signature_after_a_dash_names_the_speaker(nlp: Any, line: str, speaker: str) -> None:
    q = quote_with(analyse("Readers wrote to us about the closure.\n\n" + line + "\n", nlp), "Every child")
    assert q.rule == "signature" and q.speaker is not None and q.speaker.text == speaker


def test_a_sentence_after_a_dash_is_no_signature(nlp: Any) -> None:
    text = "Smith was angry. “The plan is a disgrace.” — Jones, however, disagreed with him.\n"
    q = quote_with(analyse(text, nlp), "The plan is a disgrace")
    assert q.rule != "signature"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a headline's label the model did not tag, named in the article
        (
            "Sanders: We will win this fight in November\n\nBernie Sanders told a rally in Iowa that his "
            "campaign had raised more money than any other.\n",
            "Bernie Sanders",
        ),
        # tagged by the model
        (
            "Clinton: Trump is unfit to serve as president\n\nHillary Clinton said on Monday that she "
            "would debate him.\n",
            "Hillary Clinton",
        ),
    ],
)
def test_a_headline_with_a_colon_is_its_speakers_claim(nlp: Any, text: str, speaker: str) -> None:
    analysis = analyse(text, nlp)
    q = quote_with(analysis, text.split(": ", 1)[1].split("\n")[0])
    assert q.rule == "headline_colon" and q.speaker_name == speaker


@pytest.mark.parametrize(
    "text",
    [
        # the label names nobody the article names, or is a web label
        "Sanders: We will win this fight in November\n\nThe senator spoke in Iowa on Saturday.\n",
        "Breaking: Storm closes every school in the county\n\nMayor Ann Breaking said they would reopen.\n",
    ],
)
def test_a_headline_label_that_names_nobody_is_no_speaker(nlp: Any, text: str) -> None:
    analysis = analyse(text, nlp)
    assert not [q for q in analysis.quotes if q.rule == "headline_colon"]
