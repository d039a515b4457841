"""Forms of the sets pages: an article in, set details, one question, an import, an assignment."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (BooleanField, DateField, HiddenField, IntegerField, RadioField, SelectField, SelectMultipleField,
                     StringField, SubmitField, TextAreaField, TimeField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.models import QuestionKind
from app.quiz.settings import KIND_LABELS as QUIZ_KIND_LABELS
from app.quiz.settings import MAX_ATTEMPTS, MAX_QUESTION_COUNT, MAX_TIME_LIMIT_MINUTES, QuizSettings
from app.sets.drafts import KIND_LABELS, MAX_ANSWER, MAX_EXPLANATION, MAX_PROMPT, QuestionDraft, split_choices
from app.validation import PlainName, article_date, due_date

TITLE_HELP = "Leave empty to use the headline the engine finds."



def chosen_upload(field):
    """The uploaded file of a file field, or None when the file input was left empty."""
    upload = field.data
    return upload if upload and upload.filename else None


def one_way_only(form, valid: bool, *, pasted, upload, both: str, neither: tuple) -> bool:
    """Accept what a form takes one way only, pasted or uploaded: an error on the field that says which."""
    has_text = bool((pasted.data or "").strip())
    if has_text and chosen_upload(upload):
        pasted.errors.append(both)
        return False
    if not has_text and not chosen_upload(upload):
        field, message = neither
        field.errors.append(message)
        return False
    return valid

class ArticleForm(FlaskForm):
    article = TextAreaField("Article text", validators=[Optional()],
                            description="Paste the whole article: headline, dateline and body.",
                            render_kw={"rows": 12})
    upload = FileField("…or upload a file", description="A .txt, .md or .html file of at most 1 MB.",
                       render_kw={"accept": ".txt,.md,.html,.htm,text/plain,text/markdown,text/html"})
    title = StringField("Title (optional)", validators=[Optional(), Length(max=300), PlainName()], description=TITLE_HELP)
    published_on = DateField("Published on", validators=[Optional(), article_date()],
                             description="Dates like \"on Wednesday\" are worked out from this date: change it to "
                                         "the day the article appeared, or clear it to use the date the article "
                                         "gives (today if it gives none).")
    creation_token = HiddenField()
    submit = SubmitField("Generate questions")

    @property
    def chosen_upload(self):
        return chosen_upload(self.upload)

    def validate(self, extra_validators=None) -> bool:
        """Accept the article one way only: pasted or uploaded."""
        return one_way_only(self, super().validate(extra_validators), pasted=self.article, upload=self.upload,
                            both="Paste the article or upload a file, not both: clear one of them.",
                            neither=(self.article, "Paste the article's text or choose a file."))


class EmptySetForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=300), PlainName()])
    description = TextAreaField("Description (optional)", validators=[Optional(), Length(max=5000)],
                                render_kw={"rows": 3})
    submit = SubmitField("Create the set")


class SetDetailsForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=300), PlainName()])
    published_on = DateField("Article published on", validators=[Optional(), article_date()])
    description = TextAreaField("Description for learners", validators=[Optional(), Length(max=5000)],
                                render_kw={"rows": 2})
    submit = SubmitField("Save details")


class QuestionForm(FlaskForm):
    kind = SelectField("Type", choices=[SelectChoice(kind.value, KIND_LABELS[kind]) for kind in QuestionKind],
                       default=QuestionKind.MULTIPLE_CHOICE.value)
    prompt = TextAreaField("Prompt", validators=[DataRequired(), Length(max=MAX_PROMPT)], render_kw={"rows": 3},
                           description="A flashcard's prompt is its front. A cloze prompt holds one blank: _____")
    answer = StringField("Answer", validators=[DataRequired(), Length(max=MAX_ANSWER)],
                         description="A flashcard's answer is its back. True/false: True or False.")
    choices = TextAreaField("Choices, one per line", validators=[Optional()], render_kw={"rows": 5},
                            description="Multiple choice only: 3 to 6 different choices, the answer among them.")
    explanation = TextAreaField("Explanation or source sentence (optional)",
                                validators=[Optional(), Length(max=MAX_EXPLANATION)], render_kw={"rows": 2})
    submit = SubmitField("Save question")

    def draft(self) -> QuestionDraft:
        """Return what the teacher typed, not yet checked against the rules of its type."""
        return QuestionDraft(kind=QuestionKind(self.kind.data), prompt=self.prompt.data or "",
                             answer=self.answer.data or "", choices=split_choices(self.choices.data or ""),
                             explanation=self.explanation.data or "")


class ImportForm(FlaskForm):
    upload = FileField("File of questions",
                       description="CSV or TSV with a header row; a Quizlet, GIFT, Moodle XML or Factdeck JSON export; "
                                   "an Anki deck (.apkg) or Anki's text export. At most 10 MB.",
                       render_kw={"accept": ".csv,.tsv,.txt,.json,.gift,.xml,.apkg,.colpkg"})
    pasted = TextAreaField("…or paste the questions", validators=[Optional()], render_kw={"rows": 6},
                           description="Rows copied from a spreadsheet (with the header row), Quizlet's export text, "
                                       "GIFT or Anki's text export.")
    term_separator = StringField("Quizlet: between term and definition (optional)",
                                 validators=[Optional(), Length(max=10)],
                                 description="Only for Quizlet's custom separators; a tab or a comma is found "
                                             "without it.")
    card_separator = StringField("Quizlet: between cards (optional)", validators=[Optional(), Length(max=10)],
                                 description="Only for Quizlet's custom separators; a new line or a semicolon is "
                                             "found without it.")
    destination = SelectField("Import into", default="new")
    title = StringField("Title of the new set (optional)", validators=[Optional(), Length(max=300), PlainName()],
                        description="Leave empty to use the export's title or the file name.")
    submit = SubmitField("Import")

    @property
    def chosen_upload(self):
        return chosen_upload(self.upload)

    def validate(self, extra_validators=None) -> bool:
        """Take the questions one way only: a file or pasted text."""
        return one_way_only(self, super().validate(extra_validators), pasted=self.pasted, upload=self.upload,
                            both="Choose a file or paste the questions, not both: clear one of them.",
                            neither=(self.upload, "Choose a file to import, or paste the questions."))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AssignForm(FlaskForm):
    classrooms = MultiCheckboxField("Classes", coerce=int, validators=[DataRequired("Choose at least one class.")])
    due_date = DateField("Due date (optional)", validators=[Optional(), due_date()])
    due_time = TimeField("Due time (optional, UTC)", validators=[Optional()],
                         description="Without a time, the set is due at the end of the day (23:59 UTC).")

    def set_zone(self, zone_name: str) -> None:
        """Say in the labels which zone the due date is typed in: the teacher's own."""
        zone_label = zone_name.replace("_", " ")
        self.due_time.label.text = f"Due time (optional, {zone_label})"
        self.due_time.description = f"Without a time, the set is due at the end of the day (23:59 {zone_label})."
    # The quiz settings; an empty number means "no limit" (or the recommended questions).
    question_count = IntegerField(
        "Questions per attempt", validators=[Optional(), NumberRange(1, MAX_QUESTION_COUNT)],
        description="Drawn at random from the approved questions for each attempt. Leave empty to ask the "
                    "recommended questions.")
    question_kinds = MultiCheckboxField(
        "Question types", choices=[SelectChoice(kind.value, label) for kind, label in QUIZ_KIND_LABELS.items()],
        description="Tick none to ask every type.")
    shuffle_questions = BooleanField("Shuffle the questions", default=True,
                                     description="Each attempt has its own order, kept if the page is reloaded.")
    shuffle_choices = BooleanField("Shuffle the choices of multiple-choice questions", default=True)
    max_attempts = IntegerField("Attempts allowed", validators=[Optional(), NumberRange(1, MAX_ATTEMPTS)],
                                description="Leave empty for as many as a learner likes.")
    time_limit_minutes = IntegerField(
        "Time limit in minutes", validators=[Optional(), NumberRange(1, MAX_TIME_LIMIT_MINUTES)],
        description="Leave empty for none. The server refuses answers sent after the limit and closes the attempt.")
    feedback = RadioField("Show whether an answer is right",
                          choices=[SelectChoice("each", "After each answer"), SelectChoice("end", "Only at the end of the quiz")],
                          default="each")
    allow_late = BooleanField("Allow attempts after the due date (shown to you as late)", default=True)
    submit = SubmitField("Assign")

    def quiz_settings(self) -> QuizSettings:
        """Return the quiz settings the form holds."""
        return QuizSettings(
            question_count=self.question_count.data, question_kinds=tuple(map(QuestionKind, self.question_kinds.data)),
            shuffle_questions=self.shuffle_questions.data, shuffle_choices=self.shuffle_choices.data,
            max_attempts=self.max_attempts.data, time_limit_minutes=self.time_limit_minutes.data,
            feedback_at_end=self.feedback.data == "end", allow_late=self.allow_late.data)
