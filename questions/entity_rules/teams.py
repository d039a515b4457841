"""Teams: the names either side of a score line ("Wasps 31-37 Leicester")."""
from __future__ import annotations

from questions import gazetteer
from questions.entity_rules.document import Kind
from questions.entity_rules.findings import Findings
from questions.entity_rules.words import SCORE
from questions.gazetteer import PlaceKind
from questions.lexicon import HEADLINE_WORDS
from questions.names import Token


def read_score_lines(found: Findings) -> None:
    """"Rovers 31-37 United", "England 2-1 Wales": the names either side of a score are teams.

    A country that plays is a place (the annotators' convention for national teams); anything else that
    plays is a club, even when a town of that name exists.
    """
    for first, last in score_line_sides(found.tokens):
        value = found.article.span_text(first, last)
        place = gazetteer.lookup(value)
        if place is not None and place.kind >= PlaceKind.COUNTRY:
            found.add("read_score_lines", Kind.PLACE, place.name, first, last, strength=3)
        else:
            found.add("read_score_lines", Kind.ORGANISATION, value, first, last, strength=3)
        found.consumed.update(range(first, last))


def score_line_sides(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges of the capitalised names right before and right after a score ("31-37"), in pairs."""
    sides = []
    for index in range(1, len(tokens) - 3):
        if tokens[index + 1].text not in ("-", "–"):
            continue  # the dash first: most tokens are followed by none
        score, dash, other = tokens[index:index + 3]
        if not (SCORE.fullmatch(score.text) and SCORE.fullmatch(other.text)
                and score.end == dash.start and dash.end == other.start
                and score.sentence == other.sentence):
            continue
        before = index
        while before > 0 and index - before < 3 and tokens[before - 1].capitalised \
                and tokens[before - 1].sentence == score.sentence:
            before -= 1
        after = index + 3
        while after < len(tokens) and after - index - 3 < 3 and tokens[after].capitalised \
                and tokens[after].sentence == score.sentence:
            after += 1
        if before < index and after > index + 3 \
                and not any(token.lower in HEADLINE_WORDS for token in tokens[before:index] + tokens[index + 3:after]):
            sides += [(before, index), (index + 3, after)]
    return sides
