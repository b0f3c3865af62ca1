"""What kind of attribution each quote is (`Quote.act`): speech, belief, intention or evidence."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from quote_lookup import quote_with

from reader.analysis.model import Quote
from reader.analysis.quotes import extract_quotes, simple_actors
from reader.vocab import ACTS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "iran-missile-strikes.txt"


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, simple_actors(doc))


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        # speech: said, told, wrote, tweeted, announced, in a statement, according to
        ("Senator Maria Lopez said the bill would fail.", "the bill would fail", "speech"),
        ("The mayor told reporters that the bridge was safe.", "the bridge was safe", "speech"),
        ("Mr. Okafor wrote that the plan was reckless.", "the plan was reckless", "speech"),
        ("Rouhani tweeted that Tehran seeks the removal of all forces.", "Tehran seeks", "speech"),
        ("The company announced that it would close the plant.", "it would close the plant", "speech"),
        ("According to the governor, the roads will reopen on Monday.", "the roads will reopen", "speech"),
        ("“We will rebuild,” the mayor said.", "We will rebuild", "speech"),
        ("Critics accused the minister of hiding the report.", "of hiding the report", "speech"),
        # belief: believes, thinks, is convinced, fears
        ("Jane Ortiz believes the strike was a mistake.", "the strike was a mistake", "belief"),
        ("Many voters think the economy is getting worse.", "the economy is getting worse", "belief"),
        ("Farmers fear that the drought will last another year.", "the drought will last", "belief"),
        ("Officials are convinced that the dam will hold.", "the dam will hold", "belief"),
        ("She wondered whether the bridge would hold.", "the bridge would hold", "belief"),
        # intention: wants, plans, intends, hopes to
        ("Iran wants to avoid a wider war.", "to avoid a wider war", "intention"),
        ("The council plans to raise taxes next year.", "to raise taxes", "intention"),
        ("Officials hope to reopen the talks soon.", "to reopen the talks", "intention"),
        ("The minister intends to resign in May.", "to resign in May", "intention"),
        # evidence: a poll shows, the report found, according to a document, X saw / learned that
        ("A new poll shows most voters oppose the plan.", "most voters oppose the plan", "evidence"),
        ("The report found that the agency had ignored warnings.", "the agency had ignored", "evidence"),
        ("According to the report, the base was hit twice.", "the base was hit twice", "evidence"),
        ("In a Gallup poll released Monday, 40 percent chose the mayor.", "40 percent chose", "evidence"),
        ("Investigators learned that the pilot had slept little.", "the pilot had slept little", "evidence"),
    ],
)
def test_act_of_each_cue(nlp, text: str, content: str, act: str) -> None:
    q = quote_with(quotes_of(nlp, text), content)
    assert q.act == act


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        # a stance taken without words is not speech; with words it is
        ("The mayor praised the firefighters' courage.", "the firefighters' courage", "belief"),
        ("Residents welcomed the decision.", "the decision", "belief"),
        ("The chief executive blamed the weather for the slowdown.", "the weather", "belief"),
        ("Kestrel Retail reported weaker results on Thursday.", "weaker results", "action"),
        ("Kestrel Retail reported that sales had fallen.", "sales had fallen", "speech"),
        ("The opposition criticised the budget.", "the budget", "belief"),
        ("She called the plan a disaster for rural schools.", "the plan a disaster", "speech"),
        # what someone spoke about, without the words
        ("The fire chief described the night of the fire.", "the night of the fire", "topic"),
        ("Customers complained about leaks for years.", "leaks", "topic"),
        # something done, not said
        ("Morag Sinclair read every page of the scoping report.", "every page", "action"),
        ("At the meeting she cast the single vote against the scheme.", "the single vote", "action"),
        ("The village shop doubles as the post office.", "the post office", "action"),
        ("The parish council has called an emergency meeting for Thursday.", "an emergency", "action"),
        ("The agency published its first assessment of coastal erosion.", "its first assessment", "action"),
        # the reporter's questions; a named person's question or request is speech
        ("Asked whether he would resign, the minister said he would not.", "whether he would", "question"),
        ("I asked Ewan MacLeod whether the island had won or lost.", "whether the island", "question"),
        ("Councillor Joan Reid asked whether the levee had been inspected.", "whether the levee", "speech"),
        ("Helen Voss asked to meet the trust's board without lawyers.", "to meet the trust", "speech"),
        ("The moderator pressed how he would bring the jobs back.", "how he would bring", "speech"),
        ("Asked whether he would resign, the minister said he would not.", "he would not", "speech"),
        # a clause after a cue in no list is a claim; a result clause is not
        ("Republican leaders made clear that they would not back him.", "they would not back", "speech"),
        ("Posts on the forum grew so heated that the moderators shut it.", "the moderators", "action"),
        ("The manager thanked the fans for their patience.", "their patience", "belief"),
        ("Three of the miners spoke publicly for the first time on Thursday.", "the first time", "action"),
        ("His assertion that the migrants were criminals drew anger.", "the migrants were", "speech"),
        ("According to the trust's accounts, the money came from islanders.", "the money came", "evidence"),
        # poll shares and things "say" or "suggest" findings; people say things
        (
            "Fifty-five per cent of likely voters say the runway should not be built.",
            "the runway",
            "evidence",
        ),
        ("About four in 10 say they have never flown from the airport.", "they have never flown", "evidence"),
        ("Most respondents said the noise was their main concern.", "the noise was", "evidence"),
        ("Three of the men said they would never go underground again.", "they would never go", "speech"),
        ("In 2019, 20 percent of workers struck, and the union said pay was too low.", "pay was", "speech"),
        ("The result suggests a deep divide within the party.", "a deep divide", "evidence"),
        ("The minister suggested that taxes would rise.", "taxes would rise", "speech"),
        # speech only with a clause; speaking to something is a topic
        ("Last week she declared a state of emergency.", "a state of emergency", "action"),
        ("The senator responded to the criticism on Tuesday.", "the criticism", "topic"),
        ("The singer posted a video of the concert on Instagram.", "a video of the concert", "action"),
    ],
)
def test_what_is_not_someones_words(nlp, text: str, content: str, act: str) -> None:
    q = quote_with(quotes_of(nlp, text), content)
    assert q.act == act


def test_interviewer_questions_are_questions_and_answers_speech(nlp) -> None:
    text = (
        "Q: Why did the report take so long?\n\n"
        "KAREN HOLT: Because the prisons would not give us the data.\n\n"
        "Q: Will ministers act on it?\n\n"
        "KAREN HOLT: That is for them to say.\n"
    )
    turns = [q for q in quotes_of(nlp, text) if q.rule == "interview_turn"]
    assert [q.act for q in turns] == ["question", "speech", "question", "speech"]


@pytest.mark.parametrize("label", ["UPDATE", "PREVIOUSLY", "CORRECTION"])
def test_a_section_label_is_no_speaker_turn(nlp, label: str) -> None:
    text = f"{label}: The website has removed the listing.\n\nNOTE: The sale ends on Friday.\n"
    assert not [q for q in quotes_of(nlp, text) if q.rule == "interview_turn"]


def test_interview_turns_are_speech(nlp) -> None:
    text = (
        "WALLACE: Do you think the strike was justified?\n\n"
        "PENCE: I believe the president acted to protect American lives.\n\n"
        "WALLACE: And what comes next?\n"
    )
    quotes = quotes_of(nlp, text)
    turns = [q for q in quotes if q.rule == "interview_turn"]
    assert len(turns) == 3
    assert all(q.act == "speech" for q in turns)


def test_every_quote_has_a_known_act_and_a_rule(nlp, seed_text: str) -> None:
    quotes = quotes_of(nlp, seed_text)
    assert quotes
    assert {q.act for q in quotes} <= set(ACTS)
    assert all(q.rule for q in quotes)
    assert {q.act for q in quotes} >= {"speech", "intention"}  # "Trump sought to downplay ..."


def test_act_and_rule_round_trip_through_json(nlp) -> None:
    q = quote_with(quotes_of(nlp, "Iran wants to avoid a wider war."), "avoid")
    data = json.loads(json.dumps(q.to_dict()))
    assert data["act"] == "intention" and data["rule"] == "verb_frame"
    assert Quote.from_dict(data) == q
    data["act"] = "prophecy"  # a hostile or newer cache entry: read as the default
    assert Quote.from_dict(data).act == "speech"


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["reader", *args], capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_analyze_json_has_act_and_summary_labels_non_speech() -> None:
    result = reader("analyze", "--json", str(SEED))
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)["quotes"]
    assert quotes and all(q["act"] in ACTS and q["rule"] for q in quotes)
    summary = reader("analyze", str(SEED)).stdout
    assert "(indirect, intention, cue: sought)" in summary
    assert "(indirect, speech," not in summary  # speech is the default and goes unlabelled


def test_min_confidence_leaves_out_less_sure_quotes() -> None:
    every = json.loads(reader("analyze", "--json", str(SEED)).stdout)["quotes"]
    sure = json.loads(reader("analyze", "--json", "--min-confidence", "0.5", str(SEED)).stdout)["quotes"]
    assert any(q["confidence"] < 0.5 for q in every)
    assert sure == [q for q in every if q["confidence"] >= 0.5]


@pytest.mark.parametrize("value", ["2", "-0.1", "nan", "high"])
def test_min_confidence_out_of_range_is_one_clear_error(value: str) -> None:
    result = reader("analyze", "--min-confidence", value, str(SEED))
    assert result.returncode == 2
    assert "--min-confidence" in result.stderr and "Traceback" not in result.stderr


def test_min_confidence_applies_to_json_lines_too(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = reader("analyze", "--jsonl", "--jobs", "1", "--min-confidence", "0.9", str(article))
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout.splitlines()[0])["quotes"]
    assert quotes and all(q["confidence"] >= 0.9 for q in quotes)


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        # a passive with nobody named who speaks: the subject hears, or is what is said of it
        ("It was announced on Friday that the match would be replayed.", "the match would be", "unsourced"),
        ("Fans were told that their tickets would still be valid.", "their tickets would", "unsourced"),
        ("He was told to leave the building.", "to leave the building", "unsourced"),
        ("The ship's captain is said to be recovering in hospital.", "recovering in hospital", "unsourced"),
        ("It is rumoured that the chairman will stand down.", "the chairman will stand", "unsourced"),
        ("He was asked whether he would resign.", "whether he would resign", "question"),
        # the writer's (or the paper's) questions
        ("We asked her what the latest data show.", "what the latest data show", "question"),
        ("I asked him whether he would stand again.", "whether he would stand", "question"),
        # what someone did not say: no words
        ("He did not say what the guarantees were.", "what the guarantees were", "topic"),
        ("The club would not say whether the manager would stay.", "whether the manager", "topic"),
        (
            "Told that the plan would cost £5 billion, a Treasury source declined to comment.",
            "the plan",
            "unsourced",
        ),
        # ... unless the passive names its speaker, or its subject is the one quoted
        ("Fans were told by the club that their tickets would be valid.", "their tickets would", "speech"),
        # ... but not a "by" that is the channel the words came by
        ("Passengers were told by text message that they could rebook.", "they could rebook", "unsourced"),
        ("Staff were informed by email that the depot would close.", "the depot would close", "unsourced"),
        ("The minister was quoted as saying the deal was dead.", "the deal was dead", "speech"),
        # a hypothetical said by nobody in particular; people who did say it
        ("Some will say the town is dying.", "the town is dying", "unsourced"),
        ("Some residents say the town is dying.", "the town is dying", "speech"),
        ("Some of the traders will say trade is slow.", "trade is slow", "speech"),
        ("People might say the island is too remote.", "the island is too remote", "unsourced"),
        # what a report or a sign nobody carries shows; a letter, a banner its bearers carry: writing
        ("Protesters carried banners saying “No more cuts”.", "No more cuts", "speech"),
        ("Hundreds of farmers marched, carrying banners saying “No farms, no food”.", "No farms", "speech"),
        ("A banner saying “Welcome home” hung from the bridge.", "Welcome home", "evidence"),
        ("A placard read “Save our library”.", "Save our library", "evidence"),
        ("Drivers passed banners saying “Slow down”.", "Slow down", "evidence"),
        ("The union released a report saying that pay had fallen.", "pay had fallen", "evidence"),
        ("She sent a letter saying that she would resign.", "she would resign", "speech"),
        # quoting a reference number is a thing done
        ("Callers should ring 101, quoting incident 1123.", "incident 1123", "action"),
        # the chair running a meeting
        ("Councillor Dev Patel called for order again after the vote.", "order", "action"),
        ("Patel called the result a victory for common sense.", "the result a victory", "speech"),
        ("The prime minister called a snap election for June.", "a snap election", "action"),
        ("The opposition called for an early election.", "an early election", "speech"),
        # a named person's question without its words is what they asked about
        ("When Boyle asked him a question, he laughed.", "a question", "topic"),
        ("Reporters asked the mayor about her taxes.", "about her taxes", "topic"),
        # the publication's own texts and things with a reading
        ("An earlier version of this story said the mayor had resigned.", "the mayor had", "evidence"),
        ("When the clock said midnight, the crowd began to cheer.", "midnight", "evidence"),
        ("The notice on the door said the shop had closed for good.", "the shop had closed", "evidence"),
        # how much was said, not what
        ("Her face said it all.", "it all", "action"),
        ("That says a lot about the council's priorities.", "a lot about", "action"),
        ("He said little about the deal.", "little about the deal", "action"),
        ("He said all members would vote.", "all members would vote", "speech"),
        # a body named for its findings; what was found; a statement's making
        ("Unemployment fell, according to the Bureau of Labor Statistics.", "Unemployment fell", "evidence"),
        ("Women lead several countries, according to the Pew Research Center.", "Women lead", "evidence"),
        (
            "According to the head of the Census Bureau, the count will end in May.",
            "the count will",
            "speech",
        ),
        ("The State Department reported finding 328 more emails.", "finding 328 more emails", "speech"),
        (
            "Smith said in a statement provided to the paper that he would stay.",
            "provided to the paper",
            "action",
        ),
        # a pronoun for what was spoken of gives no words
        (
            "The report angered the director, Ruth Mayes, who attacked what she called “a national"
            " disgrace” and said children had been failed.",
            "what",
            "topic",
        ),
        # acknowledging a thing is a stance; a share inside what the subject did is no poll
        ("He acknowledged the anger of commuters.", "the anger of commuters", "belief"),
        (
            "The bank held its rate at 10 per cent, saying inflation remained within its target.",
            "inflation remained",
            "speech",
        ),
    ],
)
def test_who_speaks_and_what_is_done(nlp, text: str, content: str, act: str) -> None:
    q = quote_with(quotes_of(nlp, text), content)
    assert q.act == act


def test_what_an_interviewers_question_quotes_is_the_question(nlp) -> None:
    text = (
        "Q: Do you blame the council?\n\n"
        "KAREN HOLT: No. They have less money than we do.\n\n"
        "Q: Will ministers act on it?\n\n"
        "KAREN HOLT: That is for them to say.\n"
    )
    quotes = quotes_of(nlp, text)
    asked = [q for q in quotes if "the council" in q.content.text and q.rule != "interview_turn"]
    assert asked and all(q.act == "question" for q in asked)
    # ... but what a third party said, reported in a question, is their speech
    text = (
        "Q: The Local Government Association said on Monday that the report abandons the coast. "
        "How do you respond?\n\nOSEI: I understand the anger.\n\nQ: Who pays?\n\nOSEI: Ministers.\n"
    )
    assert quote_with(quotes_of(nlp, text), "the report abandons").act == "speech"
    assert [q.act for q in quotes if q.speaker_name == "KAREN HOLT"] == ["speech", "speech"]


def test_a_verb_whose_object_is_a_relative_pronoun_is_no_cue(nlp) -> None:
    text = (
        "Retired teacher Bill Horton spoke at the meeting. He added something that I have thought "
        "about ever since: “A town that stops reading stops thinking.”"
    )
    q = quote_with(quotes_of(nlp, text), "A town that stops")
    assert (q.act, q.cue.text if q.cue else None, q.speaker_name) == ("speech", "added", "Bill Horton")


@pytest.mark.parametrize(
    "line",
    [
        "Image caption, Residents say the road has been closed for six weeks",
        "Media caption, Residents say the road has been closed for six weeks",
        "Pictured: Residents say the road has been closed for six weeks",
    ],
)
def test_a_caption_line_is_nobodys_words(nlp, line: str) -> None:
    text = f"Image source, Getty Images\n{line}\n\nThe county council said repairs would begin in April.\n"
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if "road has been closed" in q.content.text]
    assert quote_with(quotes, "repairs would begin").act == "speech"


_MUSEUM = (
    "Jonas Berg has run the lighthouse museum for twenty years.\n\n"
    "Q: What will happen if the grant is cut?\n\n"
    "Berg: We will close in the winter months.\n\n"
    "Q: Do you blame the council?\n\n"
    "Berg: No. They have less money than we do.\n"
)


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        # answers labelled by a name the article gives, beside "Q:" questions
        (_MUSEUM, ["We will close in the winter months.", "No. They have less money than we do."]),
        # no "Q:" turns: a "Name: ..." line is no interview
        ("Jonas Berg runs the museum.\n\nBerg: We will close in the winter months.\n", []),
        # a label the article never uses as a name is no speaker
        (_MUSEUM.replace("Berg:", "Update:"), []),
    ],
)
def test_named_answers_beside_interviewer_questions(nlp, text: str, answers: list[str]) -> None:
    quotes = quotes_of(nlp, text)
    turns = [q for q in quotes if q.rule == "interview_turn" and q.act == "speech"]
    assert [q.content.text for q in turns] == answers
    assert all(q.speaker_name == "Jonas Berg" for q in turns)


_QA = (
    "Q: How fast is the ice going?\n\nA: Faster than our models said.\n\n"
    "Q: Can it be stopped?\n\nA: Yes, if we act now.\n"
)


@pytest.mark.parametrize(
    ("lead", "who"),
    [
        # the one person the piece introduces answers the "A:" turns
        ("Scientist Hannah Voss has studied Arctic ice for years. We asked her about it.\n\n", "Hannah Voss"),
        # of several, the one the interview is with
        (
            "The mayor, Tom Reid, met the chief constable, Ann Lowe. We spoke to Lowe afterwards.\n\n",
            "Ann Lowe",
        ),
        # nobody, or several and no word of whom the interview is with: unnamed
        ("", "Interviewee"),
        ("Tom Reid and Ann Lowe met on Monday to discuss the budget.\n\n", "Interviewee"),
    ],
)
def test_answers_go_to_the_person_interviewed(nlp, lead: str, who: str) -> None:
    quotes = quotes_of(nlp, lead + _QA)
    answers = [q for q in quotes if q.rule == "interview_turn" and q.act == "speech"]
    assert [q.content.text for q in answers] == ["Faster than our models said.", "Yes, if we act now."]
    assert all(q.speaker_name == who for q in answers)
    questions = [q for q in quotes if q.rule == "interview_turn" and q.act == "question"]
    assert len(questions) == 2 and all(q.speaker_name == "Interviewer" for q in questions)
