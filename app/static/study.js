// Flashcards and quizzes: measure the time to answer, send each form once, and the study keyboard.
(function () {
  "use strict";
  var shownAt = performance.now();

  // Browsers apply autofocus at their next paint, which a fast keyboard user can beat; focus it now, so
  // Enter on a feedback page always means "Next question".
  var autofocus = document.querySelector("[autofocus]");
  if (autofocus && (document.activeElement === null || document.activeElement === document.body)) {
    autofocus.focus();
  }

  // Answer forms: record the milliseconds from showing the card or question to answering it, and let
  // a double click send the form only once (the server would count it once anyway).
  document.querySelectorAll("form[data-answer-form]").forEach(function (form) {
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      var duration = form.querySelector("input[name=duration_ms]");
      if (duration) {
        duration.value = String(Math.round(performance.now() - shownAt));
      }
    });
  });

  var back = document.getElementById("card-back");
  var showAnswer = document.getElementById("show-answer");
  var gradeForm = document.getElementById("grade-form");
  if (!back || !gradeForm) {
    return;
  }

  function reveal() {
    if (!back.hidden) {
      return;
    }
    back.hidden = false;
    if (showAnswer) {
      showAnswer.hidden = true;
    }
    back.focus();
  }

  if (showAnswer) {
    showAnswer.addEventListener("click", function (event) {
      event.preventDefault();
      reveal();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      return;
    }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    if (back.hidden) {
      var onOtherControl = target !== showAnswer && target.closest && target.closest("a, button");
      if ((event.key === " " || event.key === "Enter") && !onOtherControl) {
        event.preventDefault();
        reveal();
      }
      return;
    }
    var grade = gradeForm.querySelector("button[data-key='" + event.key + "']");
    if (grade) {
      event.preventDefault();
      if (gradeForm.requestSubmit) {
        gradeForm.requestSubmit(grade);
      } else {
        grade.click();
      }
    }
  });
})();
