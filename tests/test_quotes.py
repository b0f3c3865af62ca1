"""Quote extraction and attribution on the seed article and on one sentence per construction."""

from __future__ import annotations

import pytest
from quote_lookup import quote_with

from reader.analysis.model import Analysis, Quote
from reader.analysis.quotes import extract_quotes, find_quoted, simple_actors


@pytest.fixture(scope="session")
def seed(nlp, seed_text: str) -> Analysis:
    from reader.analysis.pipeline import analyse

    return analyse(seed_text, nlp)


def analysed(nlp, text: str, extra_cues: tuple[str, ...] = ()) -> Analysis:
    from reader.analysis.pipeline import analyse

    analysis = analyse(text, nlp, extra_cues=extra_cues)
    for q in analysis.quotes:  # every offset points into the text
        assert text[q.content.start : q.content.end] == q.content.text
        for span in (q.speaker, q.cue, *q.segments):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert 0.0 < q.confidence <= 1.0
    return analysis


def name_of(analysis: Analysis, quote: Quote) -> str | None:
    actor = analysis.referent(quote.actor)
    return None if actor is None else actor.name


# -- the seed article -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "kind", "speaker", "shown", "actor", "cue"),
    [
        # words of the quote, its kind, the speaker mention as written, the name shown, part of the
        # actor's name, the cue (None: not part of this case)
        ("We do not seek escalation or war", "direct", None, None, "Zarif", "wrote on Twitter"),
        ("All is well!", "direct", None, None, "Trump", "writing on Twitter"),
        ("Tehran seeks the removal of all U.S. forces", "indirect", None, None, "Rouhani", "tweeted"),
        ("he will address the nation", None, "He", None, "Trump", None),
        ("the strike was retaliatory", None, "critics", "critics", None, None),
        # a scare quote is part of the administration's reported claim
        ("“imminent”", "mixed", "The Trump administration", None, None, None),
        ("“concluded proportionate measures”", "mixed", None, None, "Zarif", None),
    ],
)
def test_seed_attributions(
    seed: Analysis,
    words: str,
    kind: str | None,
    speaker: str | None,
    shown: str | None,
    actor: str | None,
    cue: str | None,
) -> None:
    q = quote_with(seed.quotes, words)
    if kind is not None:
        assert q.kind == kind
    if speaker is not None:
        assert q.speaker is not None and q.speaker.text == speaker
    if shown is not None:
        assert q.speaker_name == shown
    if actor is not None:
        assert actor in (name_of(seed, q) or "")
    if cue is not None:
        assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    ("words", "starts", "ends", "not_starts"),
    [
        ("We do not seek escalation or war", "“We do not seek", ",”", None),
        ("the strike was retaliatory", None, None, "The Trump administration"),
    ],
)
def test_seed_quote_bounds(
    seed: Analysis, words: str, starts: str | None, ends: str | None, not_starts: str | None
) -> None:
    text = quote_with(seed.quotes, words).content.text
    if starts is not None:
        assert text.startswith(starts)
    if ends is not None:
        assert text.endswith(ends)
    if not_starts is not None:
        assert not text.startswith(not_starts)


@pytest.mark.parametrize("words", ["imminent"])
def test_seed_scare_quote_is_nobodys_quote(seed: Analysis, words: str) -> None:
    assert not [q for q in seed.quotes if q.content.text.strip("“”") == words]


@pytest.mark.parametrize("name", ["Congressional"])
def test_seed_speakers_are_actor_like(seed: Analysis, name: str) -> None:
    """An adjective is never shown as who said something ("Congressional lawmakers ..." is the
    lawmakers')."""
    assert name not in {q.speaker_name for q in seed.quotes}
    assert name not in {q.speaker.text for q in seed.quotes if q.speaker is not None}


# -- quotation styles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We will win,” Sanders said.", "“We will win,”"),
        ('"We will win," Sanders said.', '"We will win,"'),
        ("‘We will win,’ Sanders said.", "‘We will win,’"),
        ("'We don't lose,' Sanders said.", "'We don't lose,'"),
        ("«We will win», Sanders said.", "«We will win»"),
        ("„We will win“, Sanders said.", "„We will win“"),
        ("「We will win」, Sanders said.", "「We will win」"),
        ("''We will win,'' Sanders said.", "''We will win,''"),
    ],
)
def test_quotation_styles(nlp, text: str, quoted: str) -> None:
    analysis = analysed(nlp, text)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert [q.content.text for q in direct] == [quoted]
    assert direct[0].speaker is not None and direct[0].speaker.text == "Sanders"


def test_apostrophes_are_not_quotes() -> None:
    text = "The '90s were the voters' decade, and rock 'n' roll didn't die; Shi'a leaders agreed."
    assert find_quoted(text) == []


def test_nested_quote_stays_inside() -> None:
    text = "“He told me, ‘Go home,’ and I did,” she said."
    found = find_quoted(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "“He told me, ‘Go home,’ and I did,”"


def test_multi_sentence_quote(nlp) -> None:
    analysis = analysed(nlp, "“We will win. We always win. Nobody can stop us,” Sanders said on Tuesday.")
    q = quote_with(analysis.quotes, "Nobody can stop us")
    assert q.kind == "direct" and q.content.text.startswith("“We will win.")
    assert q.speaker is not None and q.speaker.text == "Sanders"


def test_multi_paragraph_quote() -> None:
    text = "“The first paragraph runs on.\n\n“The second one closes it,” she said.\n\nAfter that, silence."
    found = find_quoted(text)
    assert len(found) == 1
    assert len(found[0].segments) == 2
    assert text[found[0].start : found[0].end].endswith("closes it,”")


def test_interrupted_quote_is_one_quote(nlp) -> None:
    text = "“We do not seek escalation,” Zarif wrote, “but we will defend ourselves.”"
    analysis = analysed(nlp, text)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert [s.text for s in direct[0].segments] == [
        "“We do not seek escalation,”",
        "“but we will defend ourselves.”",
    ]
    assert direct[0].speaker is not None and direct[0].speaker.text == "Zarif"


def test_continued_quote_keeps_its_speaker(nlp) -> None:
    text = "“We will win,” Barkley said.\n\n“And then we will celebrate for a long, long time.”"
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "celebrate")
    assert q.speaker is not None and q.speaker.text == "Barkley"


def test_interview_transcript(nlp) -> None:
    text = "PENCE: We will win in November.\n\nQ: How will you do it?\n\nPENCE: By working hard every day."
    analysis = analysed(nlp, text)
    turns = [(q.speaker.text if q.speaker else None, q.content.text) for q in analysis.quotes]
    assert ("PENCE", "We will win in November.") in turns
    assert ("Q", "How will you do it?") in turns
    assert ("PENCE", "By working hard every day.") in turns


def test_title_in_quotes_is_not_a_quote(nlp) -> None:
    analysis = analysed(nlp, "She watched “The Godfather” with her so-called “friends” last night.")
    assert analysis.quotes == []


# -- reported speech, beliefs, intentions, evidence -------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Rouhani tweeted that Tehran seeks the removal of all U.S. forces.",
            "Tehran seeks",
            "Rouhani",
            "tweeted",
        ),
        ("Critics say the strike was retaliatory.", "the strike was retaliatory", "Critics", "say"),
        ("The strike was retaliatory, critics say.", "The strike was retaliatory", "critics", "say"),
        (
            "According to officials, the plant was closed.",
            "the plant was closed",
            "officials",
            "According to",
        ),
        ("Pompeo told reporters the talks had failed.", "the talks had failed", "Pompeo", "told"),
        (
            "The company, in a statement, said the recall was voluntary.",
            "the recall was voluntary",
            "company",
            "said",
        ),
        ("Clinton believes the economy is strong.", "the economy is strong", "Clinton", "believes"),
        ("Sanders wants to raise taxes on the rich.", "to raise taxes", "Sanders", "wants"),
        ("Cruz plans to visit Iowa next week.", "to visit Iowa", "Cruz", "plans"),
        ("Trump called for a ban on imports.", "a ban on imports", "Trump", "called"),
        ("Polls show Clinton leading in Ohio.", "Clinton leading in Ohio", "Polls", "show"),
        (
            "The report found that the agency had ignored warnings.",
            "the agency had ignored",
            "report",
            "found",
        ),
        ("He was quoted as saying the talks had failed.", "the talks had failed", "He", None),
        ("“We will win,” said Sanders, the Vermont senator.", "We will win", "Sanders", "said"),
    ],
)
def test_reported_speech(nlp, text: str, content: str, speaker: str, cue: str | None) -> None:
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, content)
    assert q.speaker is not None and q.speaker.text.split()[-1] == speaker
    if cue is not None:
        assert q.cue is not None and q.cue.text == cue


def test_mixed_quote(nlp) -> None:
    analysis = analysed(nlp, "Trump said the deal was “a disaster for America” and promised to end it.")
    q = quote_with(analysis.quotes, "“a disaster for America”")
    assert q.kind == "mixed"
    assert not [x for x in analysis.quotes if x.kind == "direct"]


# -- speakers ---------------------------------------------------------------------------------


def test_apposition_speaker_links_to_the_person(nlp) -> None:
    text = "Iran's foreign minister, Mohammad Javad Zarif, said the attack was over."
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "the attack was over")
    assert "Zarif" in (name_of(analysis, q) or "")


def test_pronoun_follows_gender(nlp) -> None:
    analysis = analysed(nlp, "Mr. Smith met Mrs. Jones in Ohio on Monday. She said the plan was doomed.")
    q = quote_with(analysis.quotes, "the plan was doomed")
    assert q.speaker is not None and q.speaker.text == "She"
    assert name_of(analysis, q) == "Jones"
    assert q.speaker_name == "Jones"


def test_description_resolves_to_actor(nlp) -> None:
    text = "Foreign Minister Javad Zarif arrived in Vienna on Monday. The minister said the talks had failed."
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "the talks had failed")
    assert "Zarif" in (name_of(analysis, q) or "")


def test_unknown_speaker_has_no_actor(nlp) -> None:
    analysis = analysed(nlp, "Critics say the plan will fail.")
    q = quote_with(analysis.quotes, "the plan will fail")
    assert q.actor is None and q.speaker_name == "Critics"


def test_extra_cues_extend_the_lexicon(nlp) -> None:
    text = "The plan was doomed, Smith harrumphed."
    # an unknown verb is at best a doubtful cue ...
    assert all(q.confidence < 0.5 for q in analysed(nlp, text).quotes if "doomed" in q.content.text)
    # ... and a sure one once the user lists it
    q = quote_with(analysed(nlp, text, extra_cues=("harrumph",)).quotes, "The plan was doomed")
    assert q.speaker is not None and q.speaker.text == "Smith" and q.confidence >= 0.85
    assert q.cue is not None and q.cue.text == "harrumphed"
    # the config may name the inflected form, as people write it
    q = quote_with(analysed(nlp, text, extra_cues=("harrumphed",)).quotes, "The plan was doomed")
    assert q.speaker is not None and q.speaker.text == "Smith"


def test_extract_quotes_with_plain_actors(nlp) -> None:
    doc = nlp("“All is well!” Trump wrote on Twitter.")
    quotes = extract_quotes(doc, simple_actors(doc))
    assert [(q.kind, q.content.text, q.speaker_name) for q in quotes] == [
        ("direct", "“All is well!”", "Trump")
    ]
    assert extract_quotes(nlp(""), []) == []


def test_derived_frames_load_and_count(nlp) -> None:
    from reader.analysis.cues import load_frames

    frames = load_frames()
    assert len(frames) > 100
    assert frames[("say", "ccomp")].precision > 0.8
    # a cue only the derived lexicon knows: endorsing someone is an attributed stance in PolNeAR
    analysis = analysed(nlp, "The governor endorsed Hillary Clinton on Monday.")
    q = quote_with(analysis.quotes, "Hillary Clinton")
    assert q.cue is not None and q.cue.text == "endorsed"
    assert q.speaker is not None and q.speaker.text == "The governor"


def test_lexicon_fingerprint_is_stable() -> None:
    from reader.analysis.cues import lexicon_fingerprint

    assert lexicon_fingerprint() == lexicon_fingerprint()
    assert len(lexicon_fingerprint()) == 12


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Er sagte: ‚Wir gewinnen.‘ Dann ging er.", "‚Wir gewinnen.‘"),
        ("Er sagte: »Wir gewinnen.« Dann ging er.", "»Wir gewinnen.«"),
        ("彼は『勝つ』と言った。", "『勝つ』"),
        ("He said: ``We will win.'' Then he left.", "``We will win.''"),
    ],
)
def test_more_quotation_styles_pair(text: str, quoted: str) -> None:
    assert [text[q.start : q.end] for q in find_quoted(text)] == [quoted]


def test_unparsed_doc_gives_bare_quotes(nlp) -> None:
    text = "“We will win this race,” Sanders said. An “imminent” attack."
    quotes = extract_quotes(nlp.make_doc(text), [])
    found = [(q.kind, q.content.text, q.speaker) for q in quotes]
    assert found == [("direct", "“We will win this race,”", None)]


def test_messy_marks_do_not_break(nlp) -> None:
    text = "‘:\":PENCE: He  «:X\"Y—b『«『«bPENCE: ''„according to 「『c\n\n“”“ He said ''"
    for doc in (nlp(text), nlp.make_doc(text)):
        for q in extract_quotes(doc, simple_actors(doc) if doc.has_annotation("DEP") else []):
            assert text[q.content.start : q.content.end] == q.content.text


def test_quote_introduced_by_the_paragraph_before(nlp) -> None:
    text = (
        "At the hospital, shift supervisor Hector Ramirez described the moment the tunnel collapsed.\n\n"
        '"At first we thought it was a blast from another level. The whole mountain shook."'
    )
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "At first we thought")
    assert q.kind == "direct"
    assert "Ramirez" in (q.speaker_name or "")


def test_long_interruption_is_one_quote(nlp) -> None:
    text = (
        '"We knew," said Dolores Vance, who has lived on Mill Street for forty years, '
        '"and we told them in writing."'
    )
    direct = [q for q in analysed(nlp, text).quotes if q.kind == "direct"]
    assert len(direct) == 1 and len(direct[0].segments) == 2
    assert direct[0].speaker is not None and direct[0].speaker.text.endswith("Vance")


def test_relative_pronoun_speaker_shows_its_antecedent(nlp) -> None:
    analysis = analysed(nlp, "Some economists, who say the plan will fail, were not consulted.")
    q = quote_with(analysis.quotes, "the plan will fail")
    # the mention runs from the antecedent to the pronoun
    assert q.speaker is not None and q.speaker.text == "Some economists, who"
    assert q.speaker_name == "Some economists"


def test_relative_pronoun_mention_of_a_named_speaker(nlp) -> None:
    text = "Bill Maher, who has previously dismissed the story about the emails, spoke on Friday."
    q = quote_with(analysed(nlp, text).quotes, "the story about the emails")
    assert q.speaker is not None and q.speaker.text == "Bill Maher, who"


def test_source_phrases_from_lexicon_and_config(nlp) -> None:
    q = quote_with(
        analysed(nlp, "The talks had failed, in the words of one diplomat.").quotes, "The talks had failed"
    )
    assert q.speaker is not None and q.speaker.text.endswith("diplomat")
    assert q.cue is not None and q.cue.text == "in the words of"
    text = "The talks had failed, as relayed by a senior diplomat."
    assert not [x for x in analysed(nlp, text).quotes if x.cue is not None and x.cue.text == "as relayed by"]
    q = quote_with(analysed(nlp, text, extra_cues=("as relayed by",)).quotes, "The talks had failed")
    assert q.speaker is not None and q.speaker.text.endswith("diplomat")


def test_headline_claim_with_a_colon(nlp) -> None:
    text = "John McCain: Republican anger appeals to the bad angels of our nature\n\nHe spoke on Monday."
    q = quote_with(analysed(nlp, text).quotes, "Republican anger appeals")
    assert q.speaker is not None and q.speaker.text == "John McCain"
    assert q.cue is not None and q.cue.text == ":"


def test_in_a_poll(nlp) -> None:
    text = "In an NBC News poll released Monday, half of the respondents chose Clinton."
    q = quote_with(analysed(nlp, text).quotes, "half of the respondents chose Clinton")
    assert q.speaker is not None and q.speaker.text.endswith("poll")
    assert q.cue is not None and q.cue.text == "In"


def test_surname_links_to_the_actor_when_ner_misses_it(nlp) -> None:
    from reader.analysis.model import Referent
    from reader.analysis.model import Span as ModelSpan

    text = "Raymond Castillo arrived late. Castillo told the panel that the repairs were never funded."
    doc = nlp(text)
    actor = Referent(
        "raymond-castillo", "Raymond Castillo", "person", mentions=[ModelSpan(0, 16, "Raymond Castillo")]
    )
    q = quote_with(extract_quotes(doc, [actor]), "the repairs were never funded")
    assert q.actor == "raymond-castillo" and q.speaker_name == "Raymond Castillo"


@pytest.mark.parametrize(
    "heading",
    ["'Years of disruption'", "“A decade of argument”", '"We will not move"'],
)
def test_a_quoted_heading_is_no_continued_quote(nlp, heading: str) -> None:
    text = f"“We start building tonight,” Pryce said.\n\n{heading}\n\nOpposition councillors disagreed."
    analysis = analysed(nlp, text)
    assert [q.content.text for q in analysis.quotes if q.kind == "direct"] == ["“We start building tonight,”"]


def test_unclosed_quote_does_not_run_into_a_plain_paragraph() -> None:
    text = '"Iowa happened, and nobody saw it coming.\nBill Clinton."\n\nSimmons is a consultant.\n\nYes.'
    found = find_quoted(text)
    assert found and all("Simmons" not in text[q.start : q.end] for q in found)


def test_quoted_transcript_turns(nlp) -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Let us start with the debate. Why would he do that?\n\n'
        '"PENCE: Well, look, this is serious business for the country.\n\n'
        '"WALLACE: Will she be there tomorrow night?'
    )
    analysis = analysed(nlp, text)
    turns = [(q.speaker.text if q.speaker else None, q.content.text) for q in analysis.quotes]
    assert ("PENCE", "Well, look, this is serious business for the country.") in turns
    assert ("WALLACE", "Will she be there tomorrow night?") in turns
    assert not any("PENCE:" in content for _, content in turns)


def test_signed_quote(nlp) -> None:
    text = (
        "Readers wrote in.\n“He represents our greatest shame and we will not forget it.” ― Sonya Herridge\n"
        "“I am so ashamed of this whole campaign, and of what it says about us.”― Pamela Padilla\n"
    )
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "greatest shame")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Sonya Herridge"
    q = quote_with(analysis.quotes, "so ashamed")
    assert q.speaker is not None and q.speaker.text == "Pamela Padilla"


def test_speaker_inside_a_relative_clause_content(nlp) -> None:
    analysis = analysed(nlp, "The new rules, which officials said will go into effect soon, are strict.")
    q = quote_with(analysis.quotes, "will go into effect")
    assert q.speaker is not None and q.speaker.text == "officials"


def test_participle_cue_takes_the_clause_subject(nlp) -> None:
    text = "Mrs. Warren spoke in Boston on Friday. Criticizing police tactics, she called for a review."
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "police tactics")
    assert q.speaker is not None and q.speaker.text == "she"
    assert name_of(analysis, q) == "Warren" or "Warren" in (name_of(analysis, q) or "")


def test_quote_closed_with_the_opening_glyph() -> None:
    text = "“It's unusual,“ said Larry Noble. “I think so.”"
    assert [text[q.start : q.end] for q in find_quoted(text)] == ["“It's unusual,“", "“I think so.”"]


def test_verb_right_after_a_quote_is_its_cue(nlp) -> None:
    text = (
        "Le Pen said France had lost its way: “France is no longer France,” she claimed.\n"
        "“France will always be France,” an angry Hollande retaliated."
    )
    analysis = analysed(nlp, text)
    q = quote_with(analysis.quotes, "will always be")
    assert q.speaker is not None and q.speaker.text.endswith("Hollande")
    assert q.cue is not None and q.cue.text == "retaliated"


def test_name_and_colon_before_a_quote(nlp) -> None:
    text = "Polls were early, not wrong - HuffPollster: “The polls simply stopped too early in Iowa.”"
    q = quote_with(analysed(nlp, text).quotes, "stopped too early")
    assert q.speaker is not None and q.speaker.text == "HuffPollster"


def test_content_ending_in_a_quoted_fragment_keeps_its_closing_mark(nlp) -> None:
    text = "Mr. Rubio said the party would “compete vigorously for the nomination.”"
    q = quote_with(analysed(nlp, text).quotes, "compete vigorously")
    assert q.content.text.endswith("nomination.”")


def test_made_it_clear_is_said_by_the_subject_not_it(nlp) -> None:
    text = "Hillary Clinton made it clear to House Democrats on Wednesday that she has their backs."
    q = quote_with(analysed(nlp, text).quotes, "she has their backs")
    assert q.speaker is not None and q.speaker.text == "Hillary Clinton"


def test_speaker_after_the_cue_inside_an_interrupted_quote(nlp) -> None:
    text = (
        'Not everyone was persuaded. "Taking responsibility," said Marcus Bell, whose mother drowned in her '
        'basement apartment on Canal Street, "would mean somebody losing their job. So far the only people '
        'who have lost anything are us."\n'
    )
    a = analysed(nlp, text)
    q = quote_with(a.quotes, "Taking responsibility")
    assert q.kind == "direct" and "would mean somebody" in q.content.text
    assert q.speaker is not None and q.speaker.text == "Marcus Bell"
    assert name_of(a, q) == "Marcus Bell" and q.confidence >= 0.9


def test_kin_noun_in_apposition_gives_the_name_a_gender(nlp) -> None:
    text = (
        'Not everyone was persuaded. "Taking responsibility," said Marcus Bell, "would mean somebody losing '
        'their job."\n\nThere was prolonged applause. Bell, a bus driver, said his mother, Loretta Bell, 78, '
        'had called him at 2:40 a.m. to say water was coming under the door. "I told her to go upstairs," he '
        "said.\n"
    )
    a = analysed(nlp, text)
    q = quote_with(a.quotes, "I told her to go upstairs")
    assert q.speaker is not None and q.speaker.text == "he"
    assert name_of(a, q) == "Marcus Bell"


def test_interviewer_turns_are_the_interviewers(nlp) -> None:
    text = (
        "Q: The report says some villages cannot be saved. Why say it now?\n\n"
        "OSEI: Because the alternative is to keep saying it later, and later is worse.\n\n"
        "Q: Who pays?\n\n"
        "OSEI: That is the question, and it is not mine to answer.\n"
    )
    a = analysed(nlp, text)
    q = quote_with(a.quotes, "Who pays?")
    assert q.speaker is not None and q.speaker.text == "Q"
    assert q.speaker_name == "Interviewer"
    answer = quote_with(a.quotes, "Because the alternative")
    assert answer.speaker is not None and answer.speaker.text == "OSEI"
    assert answer.speaker_name != "Interviewer"


@pytest.mark.parametrize(
    "title",
    [
        "Village fights to save its last post office as Royal Mail confirms closure plans",
        "The island that said no: how Inchmorra took on an energy giant, and what it cost",
        "Flood inquiry hears of warnings ignored as Riverside residents confront officials",
    ],
)
def test_a_headline_is_no_confident_attribution(nlp, title: str) -> None:
    text = (
        title
        + "\n\nBy Harriet Collins\n\nThe village of Ashby St Ledgers has one shop and one post office.\n"
    )
    a = analysed(nlp, text)
    in_title = [q for q in a.quotes if q.content.start < len(title)]
    assert all(q.confidence < 0.5 for q in in_title), [(q.content.text, q.confidence) for q in in_title]


def test_a_headline_with_a_person_and_a_speech_verb_stays_confident(nlp) -> None:
    title = "Trump says he will address the nation on Wednesday"
    a = analysed(nlp, title + "\n\nWASHINGTON - The president spoke to reporters on Tuesday.\n")
    q = quote_with(a.quotes, "he will address the nation")
    assert q.confidence >= 0.5 and q.speaker is not None and q.speaker.text == "Trump"


def test_a_dateline_is_not_the_speaker(nlp) -> None:
    text = (
        "Opposition appears to win landslide in Burma\n\nRANGOON, Burma - Aung San Suu Kyi's political "
        "allies on Monday predicted an overwhelming victory in Burma's elections.\n"
    )
    a = analysed(nlp, text)
    q = quote_with(a.quotes, "an overwhelming victory")
    assert q.speaker is not None and "RANGOON" not in q.speaker.text and "Kyi" in q.speaker.text


def test_signatures_after_a_no_break_space_and_a_quote_opened_with_the_closing_glyph(nlp) -> None:
    text = (
        "Readers shared their thoughts.\n\n"
        "”Mr. Trump embodies the lasting legacy of racism in the United States. He represents our greatest "
        "shame.” ― Sonya Herridge\n"
        "“During the debate Trump said Hispanics live in hell. He is ignorant of our culture.”― Pamela "
        "Padilla\xa0\n"
        "“I’m so ashamed to be an American. How did we get this low?”\xa0― Jacklyn Ashley\xa0\n"
    )
    a = analysed(nlp, text)
    signed = {
        "lasting legacy of racism": "Sonya Herridge",
        "ignorant of our culture": "Pamela Padilla",
        "so ashamed to be an American": "Jacklyn Ashley",
    }
    for fragment, name in signed.items():
        q = quote_with(a.quotes, fragment)
        assert q.kind == "direct" and q.speaker is not None and q.speaker.text == name, (fragment, q)
    assert quote_with(a.quotes, "lasting legacy").content.text.startswith("”Mr. Trump")


def test_a_turn_keeps_its_speaker_around_reported_speech_inside_it(nlp) -> None:
    text = (
        "Partial transcript as follows:\n\n"
        "WALLACE: Let us start with the debate. Why would he do that?\n\n"
        "PENCE: Well, look. Donald Trump said that Hillary Clinton was trying to distract attention away "
        "from this moment in our national life where the American people have a choice to make.\n\n"
        "WALLACE: Will she be there tomorrow night?\n"
    )
    a = analysed(nlp, text)
    turn = quote_with(a.quotes, "Well, look.")
    assert turn.kind == "direct" and turn.speaker is not None and turn.speaker.text == "PENCE"
    inner = quote_with(a.quotes, "was trying to distract attention")
    assert inner.speaker is not None and inner.speaker.text == "Donald Trump"


def test_a_participle_on_a_reported_clause_goes_with_the_reporter(nlp) -> None:
    text = (
        "Sen. David Perdue said he didn't believe those characterizations did Romney in in 2012, arguing "
        "that it was divisions in the Republican Party that were a bigger hurdle.\n"
    )
    q = quote_with(analysed(nlp, text).quotes, "it was divisions in the Republican Party")
    assert q.cue is not None and q.cue.text == "arguing"
    assert q.speaker is not None and q.speaker.text == "David Perdue"


def test_a_second_speech_verb_joined_to_the_reported_clause_keeps_the_speaker(nlp) -> None:
    text = (
        "Kasich spoke in Ohio on Tuesday.\n\nHe said his recent attacks on Trump have given his campaign "
        "momentum and said that Trump did not represent the legacy of the “party of Reagan.”\n"
    )
    q = quote_with(analysed(nlp, text).quotes, "Trump did not represent the legacy")
    assert q.speaker is not None and q.speaker.text == "He"


def test_a_claim_noun_owned_by_a_pronoun_names_the_subject(nlp) -> None:
    text = (
        "De Blasio also repeated his claim that “profit-making” was the motivation for some technology "
        "companies.\n"
    )
    a = analysed(nlp, text)
    q = next(q for q in a.quotes if q.cue is not None and q.cue.text == "claim")
    assert q.speaker is not None and q.speaker.text == "De Blasio"


def test_a_poll_share_is_the_speaker(nlp) -> None:
    text = (
        "About 4 in 10 say they want the next president to have more liberal policies.\n\n"
        "Less than a third agreed that Britain would have to wait its turn.\n"
    )
    a = analysed(nlp, text)
    share = quote_with(a.quotes, "they want the next president")
    assert share.speaker is not None and share.speaker.text == "About 4 in 10"
    third = quote_with(a.quotes, "Britain would have to wait")
    assert third.speaker is not None and third.speaker.text == "Less than a third"


def test_document_speaker_mention_runs_to_its_author(nlp) -> None:
    text = "Wind power grew fast last year, according to a recent report from Bloomberg New Energy Finance.\n"
    q = quote_with(analysed(nlp, text).quotes, "Wind power")
    assert q.speaker is not None and q.speaker.text.endswith("Bloomberg New Energy Finance")


def test_contracted_verb_is_not_the_speaker(nlp) -> None:
    text = "While he’s said he believes marriage is between a man and a woman, he backed civil unions.\n"
    q = quote_with(analysed(nlp, text).quotes, "marriage is between")
    assert q.speaker is not None and q.speaker.text == "he"


def test_direct_quote_in_a_reported_clause_is_the_reporters(nlp) -> None:
    text = 'Benjamin said he believes "there may be some generals who are beating their chests."\n'
    q = quote_with(analysed(nlp, text).quotes, "beating their chests")
    assert q.speaker is not None and q.speaker.text == "Benjamin"


def test_sentence_opened_by_its_cue_keeps_the_speaker(nlp) -> None:
    text = "“We are tired of waiting,” Sanders said at the rally.\n\nAdding, “But we will win this thing.”\n"
    q = quote_with(analysed(nlp, text).quotes, "win this thing")
    assert q.speaker is not None and q.speaker.text == "Sanders"


def test_document_with_a_relative_clause_is_its_publishers(nlp) -> None:
    text = "The campaign released a marketing video that said the senator had betrayed his voters.\n"
    q = quote_with(analysed(nlp, text).quotes, "betrayed his voters")
    assert q.speaker is not None and q.speaker.text.endswith("campaign")


# -- one case per construction of the rule tables (each quote names its rule) -----------------------


@pytest.mark.parametrize(
    ("text", "fragment", "rule", "speaker", "cue"),
    [
        (
            "“We do not seek escalation,” Zarif wrote on Twitter.",
            "seek",
            "cue_verb",
            "Zarif",
            "wrote on Twitter",
        ),
        (
            "The union spoke.\n\n“We will not back down until every worker is paid.” ― Pamela Padilla",
            "back down",
            "signature",
            "Pamela Padilla",
            "―",
        ),
        ("“The base was hit twice,” according to officials.", "hit twice", "according_to", "officials", None),
        (
            "HuffPollster: “While the Iowa caucuses are close, the race is not.”",
            "caucuses",
            "name_colon",
            "HuffPollster",
            ":",
        ),
        (
            "At the hospital, supervisor Hector Ramirez described the moment the tunnel collapsed.\n\n"
            "“At first we thought it was a blast from another level. The whole mountain shook.”",
            "At first",
            "previous_paragraph_cue",
            "Hector Ramirez",
            "described",
        ),
        (
            "“We are ready,” the mayor said. “We have been ready for weeks.”",
            "for weeks",
            "continuation",
            "the mayor",
            "said",
        ),
        ("Critics say the strike was retaliatory.", "retaliatory", "verb_frame", "Critics", "say"),
        (
            "According to officials, the talks will resume.",
            "talks will resume",
            "source_phrase",
            "officials",
            None,
        ),
        (
            "In an NBC News poll released Monday, half of the respondents chose Clinton.",
            "chose Clinton",
            "evidence_in",
            "an NBC News poll",
            "In",
        ),
        (
            "WALLACE: Why would he do that?\n\nPENCE: Well, look, this is serious business for the country.",
            "serious business",
            "interview_turn",
            "PENCE",
            ":",
        ),
        (
            "John McCain: Republican anger appeals to the bad angels of our nature\n\nHe spoke on Monday.",
            "Republican anger",
            "headline_colon",
            "John McCain",
            ":",
        ),
    ],
)
def test_each_construction_names_its_rule(
    nlp, text: str, fragment: str, rule: str, speaker: str, cue: str | None
) -> None:
    q = quote_with(analysed(nlp, text).quotes, fragment)
    assert q.rule == rule
    assert q.speaker is not None and q.speaker.text == speaker
    if cue is not None:
        assert q.cue is not None and q.cue.text == cue


def test_rule_table_names_are_unique_and_documented() -> None:
    from pathlib import Path

    from reader.analysis.quotes import DIRECT_RULES

    names = [rule.name for rule in DIRECT_RULES]
    assert len(names) == len(set(names))
    doc = (Path(__file__).resolve().parent.parent / "docs" / "quotes.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in doc for name in names)
