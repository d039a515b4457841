"""Honest progress: after a quiz mostly answered wrong, mastery, "due today" and the score agree with what was known."""
from __future__ import annotations

import datetime as dt
import re

from fsrs import Rating

from app.extensions import db
from app.models import Question, ReviewSource, User, utcnow
from app.reviewing import record_review
from tests.web.conftest import csrf_token
from tests.web.learner_setup import form_fields, make_assigned_set
from tests.web.test_quiz_settings import many_questions

RIGHT = 6  # of 28, as in the report: mastery said 100 % after 6 right answers of 28


def take_quiz(app, client, set_id: int, right_ids: set[int]) -> None:
    """Answer every question of the set's quiz: right for ``right_ids``, wrong for the others."""
    client.post(f"/quiz/sets/{set_id}/start", data={"csrf_token": csrf_token(client, "/")})
    while (page := client.get("/quiz/1")).status_code == 200:
        fields = form_fields(page.get_data(as_text=True))
        with app.app_context():
            question = db.session.get(Question, int(fields["question_id"]))
            response = question.answer if question.id in right_ids else next(
                choice for choice in question.choices if choice != question.answer)
        client.post("/quiz/1/answer", data={**fields, "response": response})


def at_midday(app, learner: int) -> str:
    """Give the learner the time zone where it is about noon now, and return it: a card due in ten minutes is due
    "today" whenever the suite runs (near midnight UTC it would fall due tomorrow)."""
    offset = 12 - utcnow().hour  # hours east of UTC that make it noon
    offset = offset - 24 if offset > 14 else offset + 24 if offset < -12 else offset
    zone = "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"  # the Etc zones count west of UTC as positive
    with app.app_context():
        db.session.get(User, learner).time_zone = zone
        db.session.commit()
    return zone


def progress_row(client) -> dict[str, str]:
    page = client.get("/progress/").get_data(as_text=True)
    row = page[page.index('<th scope="row"><a href="/study/?set_id=1">'):]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row[:row.index("</tr>")], re.DOTALL)
    text = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]
    due_today = re.search(r'id="due-today">(\d+)</p>', page).group(1)
    return {"mastery": text[0], "mastered": text[1], "studied": text[2], "best": text[3], "last": text[4],
            "due_today": due_today, "page": page}


def test_six_right_of_twenty_eight_new_cards_is_no_mastery_and_everything_due_today(app, client, learner):
    assigned = make_assigned_set(app, learner, questions=many_questions())
    zone = at_midday(app, learner)
    take_quiz(app, client, assigned.set_id, set(assigned.question_ids[:RIGHT]))
    row = progress_row(client)
    # Cards met for the first time are in their learning steps, the right ones too: nothing is mastered yet,
    # every card comes back today, and the score says what the quiz said.
    assert (row["mastery"], row["mastered"], row["studied"]) == ("0%", "0 of 28", "28 of 28")
    assert (row["best"], row["last"], row["due_today"]) == ("21%", "21%", "28")
    assert "is the share of a set's cards you have learned" in row["page"]
    assert f"Cards to review before your day ends ({zone})" in row["page"]


def test_mastery_after_a_failed_quiz_keeps_only_what_the_learner_still_knows(app, client, learner):
    """Ten cards learned days ago (mastered); the quiz then gets six of them right and four wrong, and 18 new wrong."""
    assigned = make_assigned_set(app, learner, questions=many_questions())
    at_midday(app, learner)
    learned = assigned.question_ids[:10]
    earlier = utcnow() - dt.timedelta(days=3)
    with app.app_context():
        for index, question_id in enumerate(learned):
            record_review(learner_id=learner, question_id=question_id, rating=Rating.Easy, now=earlier,
                          source=ReviewSource.FLASHCARD, submission_id=f"learned-before-quiz-{index:04d}",
                          duration_ms=2000)
        db.session.commit()
    before = progress_row(client)
    assert (before["mastery"], before["mastered"], before["due_today"]) == ("36%", "10 of 28", "0")

    take_quiz(app, client, assigned.set_id, set(learned[:RIGHT]))
    after = progress_row(client)
    # The six recalled stay mastered; the four failed went back to relearning, and the 18 new ones are learning.
    assert (after["mastery"], after["mastered"], after["last"]) == ("21%", f"{RIGHT} of 28", "21%")
    assert after["due_today"] == "22"  # every card not mastered is due again today: the two figures add up
    assert int(after["mastery"].rstrip("%")) <= int(after["last"].rstrip("%"))
