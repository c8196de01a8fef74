// Progressive enhancement only: every page works without this file.
import { initAll } from "./govuk/govuk-frontend.min.js";

initAll();

// The GOV.UK timeout warning: two minutes before an idle session ends, ask whether to stay.
const dialog = document.getElementById("timeout-warning");
if (dialog && typeof dialog.showModal === "function") {
  const timeout = Number(dialog.dataset.timeoutSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
  let warnTimer;
  let endTimer;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => {
      dialog.showModal();
      dialog.querySelector("[data-timeout-stay]").focus();
    }, Math.max(timeout - warning, 0));
    endTimer = setTimeout(() => {
      window.location.href = dialog.dataset.signedOutUrl;
    }, timeout);
  };

  dialog.querySelector("[data-timeout-stay]").addEventListener("click", async () => {
    await fetch(dialog.dataset.keepAliveUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf ? csrf.value : "" },
      credentials: "same-origin",
    });
    dialog.close();
    schedule();
  });
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
  });
  schedule();
}

// Autosave (section pages, htmx): leaving a text box fires "change" for an answer the delayed
// "input" trigger has already sent. Skip a save whose answer is the one the server last
// answered for that question: re-posting it would only re-render the same status, and a
// conflict re-rendered under a click on "Keep mine", or under keyboard focus, loses them.
const answered = new WeakMap();
const answerOf = (formData) =>
  new URLSearchParams([...formData].filter(([name]) => !name.startsWith("version:"))).toString();
document.addEventListener("htmx:configRequest", (event) => {
  const { elt, formData } = event.detail;
  if (!elt.classList.contains("cairn-question")) return;
  const answer = answerOf(formData);
  if (answered.get(elt) === answer) {
    event.preventDefault();
    return;
  }
  event.detail.cairnAnswer = answer;
});
document.addEventListener("htmx:afterRequest", (event) => {
  const { elt, successful, requestConfig } = event.detail;
  if (successful && requestConfig && requestConfig.cairnAnswer !== undefined) {
    answered.set(elt, requestConfig.cairnAnswer);
  }
});
