// The web page of csm-roles works without this file. With it, the posting follows the
// form as it changes, and the copy buttons put the Markdown or HTML on the clipboard.
"use strict";

(function () {
  function say(button, text) {
    const status = button.parentElement.querySelector(".status");
    if (status) status.textContent = text;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Without a secure context (plain http on another host) the clipboard API is absent.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-999em";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function showCopyButtons(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) { button.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-copy]");
    if (!button) return;
    const what = button.textContent.replace("Copy as ", "");
    fetch(button.dataset.copy)
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      })
      .then(copyText)
      .then(function () { say(button, what + " copied."); })
      .catch(function () { say(button, "Could not copy: use the " + what + " link instead."); });
  });

  const form = document.getElementById("build");
  const result = document.getElementById("result");
  if (form && result) {
    let timer = null;
    let latest = 0;
    const refresh = function () {
      const query = new URLSearchParams(new FormData(form)).toString();
      const asked = ++latest;
      fetch("/?" + query, { headers: { Accept: "text/html" } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (asked !== latest) return; // a newer answer is on its way
          const page = new DOMParser().parseFromString(html, "text/html");
          const fresh = page.getElementById("result");
          if (!fresh) return;
          result.replaceChildren(...fresh.childNodes);
          const errors = document.querySelector(".errors");
          if (errors) errors.remove();
          const freshErrors = page.querySelector(".errors");
          if (freshErrors) document.querySelector("main h1").after(freshErrors);
          showCopyButtons(result);
          history.replaceState(null, "", "/?" + query);
        })
        .catch(function () { /* the form still works: submitting it reloads the page */ });
    };
    form.addEventListener("change", refresh);
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
  }
  showCopyButtons(document);
})();
