"""Forms for signing up and logging in."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length

from app.models import Role
from app.validation import PlainName


class SignupForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=120), PlainName()])
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=8, max=128, message="Use at least 8 characters (at most 128).")],
                             description="At least 8 characters.")
    confirm = PasswordField("Repeat the password", validators=[DataRequired(), EqualTo("password", "The passwords differ.")])
    role = RadioField("I am a", choices=[SelectChoice(Role.LEARNER.value, "Learner"), SelectChoice(Role.TEACHER.value, "Teacher")],
                      default=Role.LEARNER.value, validators=[DataRequired()])
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False)])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me logged in on this device")
    submit = SubmitField("Log in")
