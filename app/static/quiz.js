// Quiz: check an answer in place. The form posts to the same address asking for JSON and the feedback
// appears under the heading; without scripts, or when no JSON reply comes, the form posts the ordinary way
// and the server shows the feedback page. Sending the form twice is safe: its submission id counts once.
(function () {
  "use strict";
  var form = document.querySelector("form[data-quiz-answer]");
  var question = document.querySelector("[data-quiz-question]");
  var place = document.querySelector("[data-quiz-feedback]");
  var template = document.getElementById("quiz-feedback-template");
  var heading = document.querySelector("[data-quiz-heading]");
  if (!form || !question || !place || !template || !heading || !window.fetch || !window.URLSearchParams) {
    return;
  }

  function slots(root, name) {
    return Array.prototype.slice.call(root.querySelectorAll("[data-feedback='" + name + "']"));
  }

  function slot(root, name) {
    return root.querySelector("[data-feedback='" + name + "']");
  }

  function show(feedback) {
    var view = template.content.cloneNode(true);
    // Withdrawn, refused after the time limit, or saved without a verdict (feedback at the end): no card.
    var refused = feedback.status === "withdrawn" || feedback.status === "time up";
    var withdrawn = refused || feedback.status === "saved";
    var repeated = feedback.status === "already answered";
    var message = slot(view, "message");
    message.hidden = !(withdrawn || repeated);
    message.className = "alert alert-" + (refused ? "warning" : "info");
    message.textContent = withdrawn || repeated ? feedback.message : "";
    slot(view, "withdrawn").hidden = !withdrawn;
    slots(view, "prompt").forEach(function (element) {
      element.textContent = feedback.prompt;
    });
    var card = slot(view, "card");
    card.hidden = withdrawn;
    card.className = "card shadow-sm border-" + (feedback.correct ? "success" : "danger");
    var verdict = slot(view, "verdict");
    verdict.className = "badge text-bg-" + (feedback.correct ? "success" : "danger") + " me-1";
    verdict.textContent = feedback.correct ? "Right" : "Wrong";
    slot(view, "response").textContent = feedback.response || "(no answer)";
    slot(view, "right-answer").textContent = feedback.right_answer || "";
    var source = feedback.source_html || "";
    slot(view, "source-label").hidden = !source;
    slot(view, "source-cell").hidden = !source;
    // The server escaped the sentence and marked the answer in it (<mark class="answer">).
    slot(view, "source").innerHTML = source;
    var next = slot(view, "next");
    next.href = feedback.next_url;
    next.textContent = feedback.next_label;
    next.removeAttribute("autofocus");

    question.remove();
    place.appendChild(view);
    heading.textContent = feedback.heading;
    document.title = feedback.message + " · Factdeck";
    next.focus();  // Enter goes on to the next question, as on the feedback page
  }

  var sending = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }
    sending = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: {"Accept": "application/json"},
      credentials: "same-origin"
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === -1) {
        throw new Error("no JSON reply");
      }
      return response.json();
    }).then(function (feedback) {
      if (feedback.login_url) {
        // The login expired: the server kept the answer and shows it again on the question after log-in.
        window.location.assign(feedback.login_url);
        return;
      }
      if (!feedback.status) {
        throw new Error(feedback.error || "no feedback");
      }
      show(feedback);
    }).catch(function () {
      // An expired form, a missing question or a lost connection: the server's own page says what happened.
      form.submit();
    });
  });
}());

// A timed quiz: the minutes left beside the deadline. Only a guide: the server's clock decides.
(function () {
  "use strict";
  var place = document.querySelector("[data-deadline]");
  var deadline = place ? Date.parse(place.getAttribute("data-deadline")) : NaN;
  if (isNaN(deadline)) {
    return;
  }
  function update() {
    var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(seconds / 60);
    place.textContent = seconds === 0 ? "Time is up." :
      "(" + (minutes ? minutes + " min " : "") + (seconds % 60) + " s left)";
    place.hidden = false;
    if (seconds > 0) {
      window.setTimeout(update, 1000);
    }
  }
  update();
}());
