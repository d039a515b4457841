"""Forms for creating and renaming a class, and for joining one with its code."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from app.validation import PlainName


class NewClassroomForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired(message="Give the class a name."), Length(max=120),
                                                 PlainName()],
                       description="For example “Year 10 History” or “Tuesday evening group”.")
    submit = SubmitField("Create class")


class RenameClassroomForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired(message="Give the class a name."), Length(max=120),
                                                 PlainName()])
    submit = SubmitField("Save name")


class JoinClassroomForm(FlaskForm):
    code = StringField("Join code", validators=[DataRequired(message="Type the join code your teacher gave you."),
                                                Length(max=40)],
                       description="8 letters and digits, like ABCD-EFGH. Capitals, spaces and dashes do not matter.",
                       render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false",
                                  "class": "form-control-lg font-monospace"})
    submit = SubmitField("Join class")
