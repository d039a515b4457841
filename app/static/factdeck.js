// Behaviour every page may use, switched on by data attributes, so the pages carry no script of their own
// (the Content-Security-Policy allows scripts from files only). Without scripts every form still posts.
(function () {
  "use strict";

  // Forms with data-confirm ask before a destructive post.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });

  // Forms with data-submit-once ignore a second click while the first post is on its way.
  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }  // a confirmation was declined: nothing is on its way
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
      // Disabled after the form's data is gathered, so the clicked button's name and value still go with it.
      setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = true; });
      }, 0);
    });
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      delete form.dataset.sent;
      form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = false; });
    });
  });

  // Copy buttons: data-copy holds the text; the button says "Copied" and a live region announces it.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () {
        button.textContent = "Copied";
        var status = document.getElementById(button.getAttribute("aria-controls"));
        if (status) { status.textContent = "Copied " + text + " to the clipboard."; }
        setTimeout(function () { button.textContent = label; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var field = document.createElement("textarea");
        field.value = text;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        done();
      }
    });
  });

  // A new set from an article: warn about a file over the limit, and say that generating takes a moment.
  var articleForm = document.getElementById("article-form");
  if (articleForm) {
    var button = document.getElementById("generate-button");
    var status = document.getElementById("generate-status");
    var upload = document.getElementById("upload");
    var label = button.textContent;
    upload.addEventListener("change", function () {
      var file = upload.files[0];
      status.textContent = file && file.size > Number(articleForm.dataset.maxBytes)
        ? "That file is larger than 1 MB: choose a smaller file or paste the article's text." : "";
    });
    articleForm.addEventListener("submit", function (event) {
      if (articleForm.dataset.sent) { event.preventDefault(); return; }
      articleForm.dataset.sent = "1";
      button.disabled = true;
      button.innerHTML = '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>Generating questions…';
      status.textContent = "Generating questions… this takes a few seconds for a long article.";
    });
    // Coming back with the Back button shows the page as it was left: make it usable again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        delete articleForm.dataset.sent; button.disabled = false; button.textContent = label; status.textContent = "";
      }
    });
  }

  // The question form: choices matter only for multiple choice, so the box hides for other types unless
  // it holds something to fix.
  var kind = document.getElementById("kind");
  var choicesGroup = document.getElementById("choices-group");
  var choices = document.getElementById("choices");
  if (kind && choicesGroup && choices) {
    var update = function () { choicesGroup.hidden = kind.value !== "multiple_choice" && !choices.value.trim(); };
    kind.addEventListener("change", update);
    update();
  }
})();
