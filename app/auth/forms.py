"""Forms for signing up and logging in."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, RadioField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length

from app.models import Role
from app.timezones import zone_names
from app.validation import PlainName


class SignupForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=120), PlainName()])
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=8, max=128, message="Use at least 8 characters (at most 128).")],
                             description="At least 8 characters.")
    confirm = PasswordField("Repeat the password", validators=[DataRequired(), EqualTo("password", "The passwords differ.")])
    role = RadioField("I am a", choices=[SelectChoice(Role.LEARNER.value, "Learner"), SelectChoice(Role.TEACHER.value, "Teacher")],
                      default=Role.LEARNER.value, validators=[DataRequired()])
    time_zone = HiddenField()  # the browser's, filled in by timezone.js
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me logged in on this device")
    time_zone = HiddenField()  # the browser's, filled in by timezone.js
    submit = SubmitField("Log in")


class TimeZoneForm(FlaskForm):
    time_zone = SelectField("Your time zone", validators=[DataRequired()],
                            description="Your days (the study streak, cards due today, the daily limit of new cards) "
                                        "begin at midnight here, and times are shown in it.")
    submit = SubmitField("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone.choices = [SelectChoice(name, name.replace("_", " ")) for name in zone_names()]
