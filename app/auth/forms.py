"""Forms for signing up and logging in."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, RadioField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from app.auth.passwords import MAX_LENGTH, MIN_LENGTH
from app.models import Role
from app.timezones import zone_names
from app.validation import PlainName


class SignupForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=120), PlainName()])
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=MIN_LENGTH, max=MAX_LENGTH, message=(
        f"Use at least {MIN_LENGTH} characters (at most {MAX_LENGTH})."))],
                             description=f"At least {MIN_LENGTH} characters; a few unrelated words make a good one.")
    confirm = PasswordField("Repeat the password", validators=[DataRequired(), EqualTo("password", "The passwords differ.")])
    role = RadioField("I am a", choices=[SelectChoice(Role.LEARNER.value, "Learner"), SelectChoice(Role.TEACHER.value, "Teacher")],
                      default=Role.LEARNER.value, validators=[DataRequired()])
    time_zone = HiddenField()  # the browser's, filled in by timezone.js
    submit = SubmitField("Create account")


class TeacherCodeSignupForm(SignupForm):
    teacher_code = PasswordField("Teacher sign-up code", validators=[Length(max=200)],
                                 description="Only for teachers: the code your school's Factdeck administrator gave you.")
    submit = SubmitField("Create account")


class LearnerOnlySignupForm(SignupForm):
    role = RadioField("I am a", choices=[SelectChoice(Role.LEARNER.value, "Learner")], default=Role.LEARNER.value,
                      validators=[DataRequired()], description="Teachers' accounts are made by the school's administrator.")


def signup_form(teacher_signup: str) -> SignupForm:
    """Return the sign-up form for the TEACHER_SIGNUP setting: open, with a code, or closed."""
    return {"open": SignupForm, "code": TeacherCodeSignupForm}.get(teacher_signup, LearnerOnlySignupForm)()


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me logged in on this device")
    time_zone = HiddenField()  # the browser's, filled in by timezone.js
    submit = SubmitField("Log in")


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[Optional()],
                                     render_kw={"autocomplete": "current-password"})
    password = PasswordField("New password", validators=[DataRequired(), Length(min=MIN_LENGTH, max=MAX_LENGTH, message=f"Use at least {MIN_LENGTH} characters (at most {MAX_LENGTH}).")],
                             description=f"At least {MIN_LENGTH} characters.", render_kw={"autocomplete": "new-password"})
    confirm = PasswordField("Repeat the new password", validators=[DataRequired(), EqualTo("password", "The passwords differ.")],
                            render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Change password")
class TimeZoneForm(FlaskForm):
    time_zone = SelectField("Your time zone", validators=[DataRequired()],
                            description="Your days (the study streak, cards due today, the daily limit of new cards) "
                                        "begin at midnight here, and times are shown in it.")
    submit = SubmitField("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone.choices = [SelectChoice(name, name.replace("_", " ")) for name in zone_names()]
