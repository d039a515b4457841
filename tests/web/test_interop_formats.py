"""The format modules on their own: GIFT and Moodle XML escaping survives any text, GIFT's syntax variants."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.interop import gift, moodle_xml
from app.interop.base import ImportFileError
from app.models import Question, QuestionKind, QuestionSet
from app.sets.drafts import BLANK

# Printable text with every character GIFT, cloze syntax and XML treat as special, and some accents.
TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ019 ~=#{}:\\/\"'<>&%-_.,;!?éß\n")), min_size=1, max_size=30).map(
    lambda text: " ".join(text.replace("_", "").split())).filter(bool)


def exported_and_parsed(module, prompt: str, answer: str, kind: QuestionKind, explanation: str):
    question_set = QuestionSet(id=1, title="Set")
    question = Question(id=1, kind=kind, prompt=prompt, answer=answer, choices=[], explanation=explanation,
                        fact_kind=None)
    return module.parse(module.export(question_set, [question], lambda _: ()).decode("utf-8")).questions[0].draft


@pytest.mark.parametrize("module", [gift, moodle_xml], ids=["GIFT", "Moodle XML"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prompt=TEXT, answer=TEXT, explanation=TEXT)
def test_any_text_survives_the_round_trip(module, prompt, answer, explanation):
    draft = exported_and_parsed(module, prompt, answer, QuestionKind.SHORT_ANSWER, explanation)
    assert (draft.kind, draft.prompt, draft.answer, draft.explanation) == (
        QuestionKind.SHORT_ANSWER, prompt, answer, explanation)


@pytest.mark.parametrize("module", [gift, moodle_xml], ids=["GIFT", "Moodle XML"])
@settings(max_examples=60, deadline=None)
@given(before=TEXT, after=TEXT, answer=TEXT)
def test_a_cloze_blank_anywhere_survives_the_round_trip(module, before, after, answer):
    prompt = f"{before} {BLANK} {after}"
    draft = exported_and_parsed(module, prompt, answer, QuestionKind.CLOZE, "")
    assert (draft.kind, draft.prompt, draft.answer) == (QuestionKind.CLOZE, prompt, answer)


@pytest.mark.parametrize("text, expected", [
    ("Q? {=a ~b ~c}", (QuestionKind.MULTIPLE_CHOICE, "Q?", "a", ("a", "b", "c"), "")),
    ("Q? {~b =a ~c ####why}", (QuestionKind.MULTIPLE_CHOICE, "Q?", "a", ("b", "a", "c"), "why")),
    ("Q? {~%100%a ~%0%b ~c}", (QuestionKind.MULTIPLE_CHOICE, "Q?", "a", ("a", "b", "c"), "")),
    ("::T::Q? {\r\n=a#right\r\n~b#wrong\r\n~c\r\n}", (QuestionKind.MULTIPLE_CHOICE, "Q?", "a", ("a", "b", "c"), "")),
    ("Sky is blue. {T}", (QuestionKind.TRUE_FALSE, "Sky is blue.", "True", (), "")),
    ("Sky is green. {FALSE#no#yes####It is blue.}", (QuestionKind.TRUE_FALSE, "Sky is green.", "False", (),
                                                     "It is blue.")),
    ("How many? {#12:2}", (QuestionKind.SHORT_ANSWER, "How many?", "12", (), "")),
    ("How many? {#12..12}", (QuestionKind.SHORT_ANSWER, "How many?", "12", (), "")),
    ("How many? {#=%100%12:0#exact =%50%12:2}", (QuestionKind.SHORT_ANSWER, "How many?", "12", (), "")),
    ("Who? {=%50%Smith =%100%John Smith}", (QuestionKind.SHORT_ANSWER, "Who?", "John Smith", (), "")),
    ("It has {#10} barracks.", (QuestionKind.CLOZE, "It has _____ barracks.", "10", (), "")),
    ("A \\{literal\\} \\= sign\\: here? {=yes\\#1}", (QuestionKind.SHORT_ANSWER, "A {literal} = sign: here?",
                                                     "yes#1", (), "")),
    ("[html]<p>Bold <b>Q</b>?</p> {=a}", (QuestionKind.SHORT_ANSWER, "Bold Q?", "a", (), "")),
    ("[markdown]Line one\\nline two? {=a}", (QuestionKind.SHORT_ANSWER, "Line one\nline two?", "a", (), "")),
])
def test_gift_syntax_variants(text, expected):
    draft = gift.parse(text).questions[0].draft
    kind, prompt, answer, choices, explanation = expected
    assert (draft.kind, draft.prompt, draft.answer, draft.explanation) == (kind, prompt, answer, explanation)
    if choices:
        assert draft.choices == choices


@pytest.mark.parametrize("text, message", [
    ("Write an essay. {}", "Question 1: an essay question"),
    ("Just a description.", "Question 1: no answers in braces"),
    ("Between {#1..5}", "Question 1: a numerical range"),
    ("Q? {=a ~b}\n\nQ2 {=x =y ~z}", "Question 2: a multiple-choice question needs exactly one right answer"),
    ("Q? {=a ~b}", "Question 1: a multiple-choice question needs 3 to 6 choices"),
    ("Two {=a} blanks {=b} here", "Question 1: more than one answer block"),
])
def test_gift_questions_factdeck_cannot_hold_are_named(text, message):
    with pytest.raises(ImportFileError) as raised:
        gift.parse(text)
    assert message in "; ".join(str(error) for error in raised.value.errors)


@settings(max_examples=40, deadline=None)
@given(before=TEXT, after=TEXT, answer=TEXT)
def test_a_cloze_note_survives_the_anki_round_trip_whatever_its_text(before, after, answer):
    from app.interop import anki_package

    prompt = f"{before} {BLANK} {after}"
    question = Question(id=1, kind=QuestionKind.CLOZE, prompt=prompt, answer=answer, choices=[], explanation="",
                        fact_kind=None)
    package = anki_package.export(QuestionSet(id=1, title="Set"), [question], lambda _: "")
    draft = anki_package.parse(package).questions[0].draft
    assert (draft.kind, draft.prompt, draft.answer) == (QuestionKind.CLOZE, " ".join(prompt.split()), answer)
