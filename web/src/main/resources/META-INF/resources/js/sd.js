// Progressive enhancement only: every page works without JavaScript. With it, htmx updates parts of a page
// (live desktop status, actions without a reload); this file handles what htmx cannot decide alone.
(function () {
  "use strict";

  // The sign-in has ended (quarkus-oidc answers 499 to a script's request rather than redirecting it to the
  // identity provider): reload the page, which signs the person in again.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 499 || xhr.status === 401) {
      window.location.reload();
      return;
    }
    var region = document.getElementById("live-error");
    if (region) {
      var parsed = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var message = parsed.querySelector("[data-error-message]");
      region.textContent = message ? message.textContent.trim() : xhr.status + " " + xhr.statusText;
      region.hidden = false;
    }
  });

  document.addEventListener("htmx:sendError", function () {
    var region = document.getElementById("live-error");
    if (region) {
      region.textContent = region.getAttribute("data-offline") || "The service cannot be reached. Try again.";
      region.hidden = false;
    }
  });

  // A new row of a repeated list (files, persons, terms): the template's copy, with the next index in its names.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-row]");
    if (!button) {
      return;
    }
    var list = document.getElementById(button.getAttribute("data-add-row"));
    var template = document.getElementById(button.getAttribute("data-add-row") + "-template");
    if (!list || !template) {
      return;
    }
    var index = list.querySelectorAll(".row").length;
    var html = template.innerHTML.replace(/__INDEX__/g, String(index)).replace(/__NUMBER__/g, String(index + 1));
    list.insertAdjacentHTML("beforeend", html);
    var added = list.lastElementChild.querySelector("input, select, textarea");
    if (added) {
      added.focus();
    }
  });
})();
