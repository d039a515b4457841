// Light or dark colours: follows the system unless the person chose one, remembered in this browser.
// Loaded in the page's head, before anything is drawn, so that a dark page never flashes light.
(function () {
  "use strict";
  var KEY = "factdeck-theme";
  var CHOICES = ["auto", "light", "dark"];
  var systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  var root = document.documentElement;

  function stored() {
    try {
      var choice = window.localStorage.getItem(KEY);
      return CHOICES.indexOf(choice) >= 0 ? choice : "auto";
    } catch (error) {  // storage blocked: follow the system
      return "auto";
    }
  }

  function remember(choice) {
    try {
      if (choice === "auto") { window.localStorage.removeItem(KEY); } else { window.localStorage.setItem(KEY, choice); }
    } catch (error) { /* the choice lasts for this page only */ }
  }

  function apply(choice) {
    root.setAttribute("data-bs-theme", choice === "auto" ? (systemDark.matches ? "dark" : "light") : choice);
    root.setAttribute("data-theme-choice", choice);
    var buttons = document.querySelectorAll("[data-theme-choice-button]");
    for (var index = 0; index < buttons.length; index += 1) {
      buttons[index].setAttribute("aria-pressed", String(buttons[index].value === choice));
    }
  }

  apply(stored());
  systemDark.addEventListener("change", function () { apply(stored()); });
  window.addEventListener("storage", function (event) { if (event.key === KEY) { apply(stored()); } });
  document.addEventListener("DOMContentLoaded", function () {
    var group = document.getElementById("theme-switch");
    if (!group) { return; }
    group.hidden = false;  // without scripts there is nothing to switch
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-theme-choice-button]");
      if (!button) { return; }
      remember(button.value);
      apply(button.value);
    });
    apply(stored());
  });
}());
