// Sends the browser's time zone with the sign-up and log-in forms, so that a person's days begin at their midnight.
(function () {
  "use strict";
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;  // no Intl: the account keeps UTC, changeable in the settings
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[type=hidden][name=time_zone]"), function (input) {
    input.value = zone;
  });
}());
