// A long article's questions being made: ask the server every two seconds how far the job is, show it,
// and open the result when it ends. Without scripts the page offers a "Check again" link instead.
(function () {
  "use strict";
  var job = document.querySelector("[data-job-url]");
  if (!job || !window.fetch) {
    return;
  }
  var url = job.getAttribute("data-job-url");
  var bar = job.querySelector("[data-job-bar]");
  var text = job.querySelector("[data-job-text]");
  var again = job.querySelector("[data-job-again]");
  if (again) {
    again.hidden = true;
  }

  function show(progress) {
    if (text) {
      text.textContent = progress.text;
    }
    if (bar) {
      bar.setAttribute("aria-valuenow", String(progress.percent));
      bar.querySelector(".progress-bar").textContent = progress.percent + "%";
      bar.querySelector(".progress-bar").className =
        "progress-bar progress-bar-striped progress-bar-animated w-" + Math.floor(progress.percent / 25) * 25;
    }
  }

  function check() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (reply) {
        if (!reply.ok) {
          throw new Error("status " + reply.status);
        }
        return reply.json();
      })
      .then(function (progress) {
        if (progress.finished) {
          window.location.assign(url); // the page itself opens the new set, or says why there is none
          return;
        }
        show(progress);
        window.setTimeout(check, 2000);
      })
      .catch(function () {
        if (again) {
          again.hidden = false;
        }
        window.setTimeout(check, 5000);
      });
  }

  window.setTimeout(check, 2000);
})();
