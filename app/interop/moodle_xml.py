"""Moodle XML: export a set as the ``<quiz>`` file Moodle's question bank imports, and import one.

The structure follows what Moodle's ``qformat_xml`` reads: a ``category`` question named after the set,
then one ``<question type="...">`` per question with its name, HTML question text, the source sentence as
general feedback, and answers with fractions (100 for right, 0 for wrong). Multiple choice is ``multichoice``
with ``single`` true and exactly one right choice; true/false is ``truefalse``; a short answer is
``shortanswer`` with every accepted form of the answer, or ``numerical`` (tolerance 0) for a number; a
cloze is Moodle's embedded-answers ``cloze`` type; a flashcard is a ``shortanswer`` tagged ``flashcard``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from app.interop.base import ImportedSet, QuestionCollector, file_error, html_to_text, plain_html, unique_forms
from app.models import Question, QuestionKind, QuestionSet
from app.sets.drafts import BLANK, QuestionDraft

FLASHCARD_TAG = "flashcard"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# An embedded answer of Moodle's cloze type: {1:SHORTANSWER:=Paris~=paris} (weights and feedback optional).
_EMBEDDED = re.compile(r"\{(\d*):(\w+):((?:\\.|[^\\}])*)\}")
_CLOZE_SPECIAL = re.compile(r"([\\}#~/\"])")
_SHORT_TYPES = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC", "NUMERICAL", "NM"}
_CHOICE_TYPES = {"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH", "MULTICHOICE_S", "MCS",
                 "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"}


# ---------------------------------------------------------------------------------------------------- export


def export(question_set: QuestionSet, questions: list[Question], alternatives) -> bytes:
    """Return the questions as Moodle XML; ``alternatives(question)`` gives the other accepted answers."""
    quiz = ElementTree.Element("quiz")
    category = ElementTree.SubElement(quiz, "question", type="category")
    _text_element(category, "category", f"$course$/top/{question_set.title.replace('/', '-')}", format=None)
    _text_element(category, "info", question_set.description, format="moodle_auto_format")
    for number, question in enumerate(questions, start=1):
        quiz.append(_question(number, question, alternatives(question)))
    ElementTree.indent(quiz)
    return ElementTree.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def _text_element(parent, tag: str, text: str, *, format: str | None = "html"):
    element = ElementTree.SubElement(parent, tag, **({"format": format} if format else {}))
    ElementTree.SubElement(element, "text").text = text
    return element


def _question(number: int, question: Question, alternatives: tuple[str, ...]):
    kind = question.kind
    is_number = kind is QuestionKind.SHORT_ANSWER and _NUMBER.fullmatch(question.answer)
    moodle_type = {QuestionKind.MULTIPLE_CHOICE: "multichoice", QuestionKind.TRUE_FALSE: "truefalse",
                   QuestionKind.CLOZE: "cloze"}.get(kind, "numerical" if is_number else "shortanswer")
    element = ElementTree.Element("question", type=moodle_type)
    words = " ".join(question.prompt.replace(BLANK, "…").split())
    _text_element(element, "name", f"{number:03d} {words[:60]}{'…' if len(words) > 60 else ''}", format=None)
    forms = unique_forms((question.answer, *alternatives))
    if kind is QuestionKind.CLOZE:
        answers = "~".join("%100%" + _CLOZE_SPECIAL.sub(r"\\\1", form) for form in forms)
        before, after = question.prompt.split(BLANK, 1)
        text = f"{plain_html(before)}{{1:SHORTANSWER:{plain_html(answers)}}}{plain_html(after)}"
    else:
        text = plain_html(question.prompt)
    _text_element(element, "questiontext", f"<p>{text}</p>")
    _text_element(element, "generalfeedback", f"<p>{plain_html(question.explanation)}</p>" if question.explanation
                  else "")
    if kind is not QuestionKind.CLOZE:  # Moodle takes an embedded-answers question's mark from its blanks
        ElementTree.SubElement(element, "defaultgrade").text = "1"
    ElementTree.SubElement(element, "penalty").text = "0.3333333"
    ElementTree.SubElement(element, "hidden").text = "0"
    ElementTree.SubElement(element, "idnumber").text = ""
    if kind is QuestionKind.MULTIPLE_CHOICE:
        ElementTree.SubElement(element, "single").text = "true"
        ElementTree.SubElement(element, "shuffleanswers").text = "true"
        ElementTree.SubElement(element, "answernumbering").text = "abc"
        for choice in question.choices:
            _answer(element, choice, 100 if choice == question.answer else 0)
    elif kind is QuestionKind.TRUE_FALSE:
        for value in ("True", "False"):
            _answer(element, value.lower(), 100 if question.answer == value else 0, format="moodle_auto_format")
    elif moodle_type == "numerical":
        # Tolerance 0: the app's grading accepts the number itself, in any spelling, and no other.
        _answer(element, question.answer, 100, format="moodle_auto_format", tolerance="0")
    elif moodle_type == "shortanswer":
        ElementTree.SubElement(element, "usecase").text = "0"
        for form in forms:
            _answer(element, form, 100, format="moodle_auto_format")
    tags = [f"fact-{question.fact_kind}"] if question.fact_kind else []
    if kind is QuestionKind.FLASHCARD:
        tags.append(FLASHCARD_TAG)
    if tags:
        tag_list = ElementTree.SubElement(element, "tags")
        for tag in tags:
            _text_element(tag_list, "tag", tag, format=None)
    return element


def _answer(parent, text: str, fraction: int, *, format: str = "html", tolerance: str | None = None) -> None:
    answer = ElementTree.SubElement(parent, "answer", fraction=str(fraction), format=format)
    ElementTree.SubElement(answer, "text").text = plain_html(text) if format == "html" else text
    if tolerance is not None:
        ElementTree.SubElement(answer, "tolerance").text = tolerance
    _text_element(answer, "feedback", "")


# ---------------------------------------------------------------------------------------------------- import


def looks_like_moodle_xml(text: str) -> bool:
    return bool(re.match(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<quiz\b", text, re.DOTALL))


def parse(text: str) -> ImportedSet:
    """Read a Moodle XML file; every question is checked before any is returned.

    Raises:
        ImportFileError: the XML is broken, or a question is of a type Factdeck has no match for.
    """
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as err:
        line, column = err.position
        raise file_error(f"The file is not valid XML: {_reason(err)} at line {line}, column {column + 1}.") from None
    if root.tag != "quiz":
        raise file_error(f"This XML file is not a Moodle question export: it starts with <{root.tag}>, not <quiz>.")
    collector = QuestionCollector()
    title = ""
    number = 0
    for element in root.findall("question"):
        moodle_type = element.get("type", "")
        if moodle_type == "category":
            path = (element.findtext("category/text") or "").strip().rstrip("/")
            title = "" if path.split("/")[-1].startswith("$") else path.split("/")[-1].strip()
            continue
        number += 1
        tags = [(tag.findtext("text") or "").strip() for tag in element.findall("tags/tag")]
        try:
            draft = _draft(element, moodle_type, tags)
        except _XmlError as err:
            collector.fail(number, str(err))
        else:
            fact = [tag[len("fact-"):] for tag in tags if tag.startswith("fact-")]
            collector.add(number, draft, fact_kind=fact[0][:32] if fact else None)
    if not number:
        raise file_error("The Moodle XML file has no questions.")
    return collector.result(title=title, format="moodle-xml")


class _XmlError(ValueError):
    pass


def _reason(err: ElementTree.ParseError) -> str:
    return str(err).split(":", 1)[0]


def _rich_text(element, path: str) -> str:
    node = element.find(path)
    if node is None:
        return ""
    text = node.findtext("text") or ""
    return html_to_text(text) if node.get("format", "html") == "html" else text.strip()


def _answers(element) -> list[tuple[float, str]]:
    found = []
    for answer in element.findall("answer"):
        try:
            fraction = float(answer.get("fraction", "0"))
        except ValueError:
            raise _XmlError(f"the answer fraction {answer.get('fraction')!r} is not a number") from None
        text = answer.findtext("text") or ""
        found.append((fraction, html_to_text(text) if answer.get("format") == "html" else text.strip()))
    return found


def _draft(element, moodle_type: str, tags: list[str]) -> QuestionDraft:
    prompt = _rich_text(element, "questiontext")
    explanation = _rich_text(element, "generalfeedback")
    answers = _answers(element)
    right = [text for fraction, text in answers if fraction >= 100]
    if moodle_type == "multichoice":
        if (element.findtext("single") or "true").strip().lower() in ("false", "0"):
            raise _XmlError("a multiple-answer question (single is false): Factdeck's multiple choice has one right "
                            "answer")
        if len(right) != 1:
            raise _XmlError(f"a multiple-choice question needs exactly one right choice (fraction 100); this one "
                            f"has {len(right)}")
        return QuestionDraft(kind=QuestionKind.MULTIPLE_CHOICE, prompt=prompt, answer=right[0],
                             choices=tuple(text for _, text in answers), explanation=explanation)
    if moodle_type == "truefalse":
        if len(right) != 1 or right[0].lower() not in ("true", "false"):
            raise _XmlError("a true/false question needs the answer true or false with fraction 100")
        return QuestionDraft(kind=QuestionKind.TRUE_FALSE, prompt=prompt, answer=right[0].capitalize(),
                             explanation=explanation)
    if moodle_type in ("shortanswer", "numerical"):
        if not right:
            raise _XmlError("no answer has fraction 100")
        kind = (QuestionKind.FLASHCARD if FLASHCARD_TAG in tags else
                QuestionKind.CLOZE if BLANK in prompt else QuestionKind.SHORT_ANSWER)
        return QuestionDraft(kind=kind, prompt=prompt, answer=right[0], explanation=explanation)
    if moodle_type in ("cloze", "multianswer"):
        return _embedded(prompt, explanation)
    raise _XmlError(f"the question type {moodle_type!r} has no match in Factdeck (it has multiple choice, "
                    "true/false, short answer, numerical and cloze)")


def _split_escaped(text: str, separator: str) -> list[str]:
    """Split at every ``separator`` not escaped with a backslash, keeping the escapes in the parts."""
    parts, current, index = [], "", 0
    while index < len(text):
        if text[index] == "\\":
            current += text[index:index + 2]
            index += 2
            continue
        if text[index] == separator:
            parts.append(current)
            current = ""
        else:
            current += text[index]
        index += 1
    return parts + [current]


def _embedded(prompt: str, explanation: str) -> QuestionDraft:
    found = list(_EMBEDDED.finditer(prompt))
    if len(found) != 1:
        raise _XmlError(f"an embedded-answers question needs exactly one blank for Factdeck; this one has {len(found)}")
    match = found[0]
    sub_type = match.group(2).upper()
    options = []
    for part in _split_escaped(match.group(3), "~"):
        weight = re.match(r"^(?:=|%(-?\d+(?:\.\d+)?)%)", part)
        text = _split_escaped(part[weight.end():] if weight else part, "#")[0]
        text = re.sub(r"\\(.)", r"\1", text).strip()
        if sub_type in ("NUMERICAL", "NM"):
            text = text.split(":", 1)[0].strip()
        right = bool(weight) and (weight.group(1) is None or float(weight.group(1)) >= 100)
        options.append((right, text))
    right = [text for is_right, text in options if is_right]
    if len(right) < 1:
        raise _XmlError("the embedded answer has no answer with full marks")
    text = (prompt[:match.start()] + BLANK + prompt[match.end():]).strip()
    if sub_type in _CHOICE_TYPES:
        if len(right) != 1:
            raise _XmlError("an embedded multiple choice needs exactly one right choice")
        return QuestionDraft(kind=QuestionKind.MULTIPLE_CHOICE, prompt=text, answer=right[0],
                             choices=tuple(option for _, option in options), explanation=explanation)
    if sub_type not in _SHORT_TYPES:
        raise _XmlError(f"the embedded answer type {sub_type!r} is not one Factdeck knows")
    return QuestionDraft(kind=QuestionKind.CLOZE, prompt=text, answer=right[0], explanation=explanation)
