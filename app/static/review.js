// The review page's bulk bar: counts the ticked questions, ticks every question shown, asks before deleting.
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  if (!form) { return; }
  var count = document.getElementById("bulk-count");
  var selectAll = form.querySelector("[data-select-all]");
  var boxes = function () { return Array.prototype.slice.call(document.querySelectorAll("input.question-select")); };
  // "All shown" means what the teacher can see: never the questions of a folded section.
  var shownBoxes = function () {
    return boxes().filter(function (box) { return box.checkVisibility ? box.checkVisibility() : box.offsetParent !== null; });
  };

  function update() {
    var ticked = boxes().filter(function (box) { return box.checked; }).length;
    var shown = shownBoxes();
    count.textContent = ticked ? ticked + (ticked === 1 ? " question selected" : " questions selected") : "";
    selectAll.textContent = shown.length && shown.every(function (box) { return box.checked; })
      ? "Clear selection" : "Select all shown";
  }

  if (boxes().length) {
    selectAll.classList.remove("d-none");
    selectAll.addEventListener("click", function () {
      var shown = shownBoxes();
      var tick = !shown.every(function (box) { return box.checked; });
      shown.forEach(function (box) { box.checked = tick; });
      update();
    });
    document.querySelectorAll("details").forEach(function (section) { section.addEventListener("toggle", update); });
  }
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("question-select")) { update(); }
  });
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) { event.preventDefault(); }
  });
  update();
}());
