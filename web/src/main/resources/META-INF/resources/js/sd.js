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

  // A release's files: each chosen file PUT in turn through this site (which streams it to the gateway with the
  // person's token), its progress in its <progress>, then the result: stored and verified, or the API's problem.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-upload]");
    if (!form) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    var inputs = Array.prototype.filter.call(form.querySelectorAll("input[type=file][data-upload-url]"), function (input) {
      return input.files.length > 0;
    });
    button.disabled = true;
    var next = function (i) {
      if (i === inputs.length) {
        button.disabled = false;
        return;
      }
      upload(inputs[i], button, function () { next(i + 1); });
    };
    next(0);
  });

  function upload(input, button, done) {
    var field = input.closest(".upload-file");
    var progress = field.querySelector("progress");
    var result = field.querySelector(".upload-result");
    var xhr = new XMLHttpRequest();
    progress.hidden = false;
    progress.value = 0;
    result.textContent = "";
    result.className = "upload-result";
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
      }
    });
    xhr.addEventListener("load", function () {
      if (xhr.status === 200 || xhr.status === 201) {
        progress.value = 100;
        result.textContent = button.getAttribute("data-done-text");
        result.className = "upload-result ok";
        input.disabled = true;
      } else {
        result.textContent = button.getAttribute("data-failed-text") + ": " + problem(xhr);
        result.className = "upload-result error-message";
      }
      done();
    });
    xhr.addEventListener("error", function () {
      result.textContent = button.getAttribute("data-failed-text");
      result.className = "upload-result error-message";
      done();
    });
    xhr.open("PUT", input.getAttribute("data-upload-url"));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.send(input.files[0]);
  }

  // The API's problem+json as one readable line: its detail and each field's message.
  function problem(xhr) {
    try {
      var body = JSON.parse(xhr.responseText);
      var errors = (body.errors || []).map(function (e) { return e.message; });
      return [body.detail || body.title].concat(errors).join(" ");
    } catch (unreadable) {
      return xhr.status + " " + xhr.statusText;
    }
  }
})();
