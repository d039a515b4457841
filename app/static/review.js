// The review page's bulk bar: counts the ticked questions, ticks every question shown, asks before deleting.
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  if (!form) { return; }
  var count = document.getElementById("bulk-count");
  var selectAll = form.querySelector("[data-select-all]");
  var boxes = function () { return Array.prototype.slice.call(document.querySelectorAll("input.question-select")); };

  function update() {
    var all = boxes();
    var ticked = all.filter(function (box) { return box.checked; }).length;
    count.textContent = ticked ? ticked + (ticked === 1 ? " question selected" : " questions selected") : "";
    selectAll.textContent = all.length && ticked === all.length ? "Clear selection" : "Select all shown";
  }

  if (boxes().length) {
    selectAll.classList.remove("d-none");
    selectAll.addEventListener("click", function () {
      var all = boxes();
      var tick = !all.every(function (box) { return box.checked; });
      all.forEach(function (box) { box.checked = tick; });
      update();
    });
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
