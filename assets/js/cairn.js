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

// Unsaved answers (section pages): an answer typed but not yet saved (the autosave is waiting or
// in flight) or refused by the server (too long, say, or a colleague saved first) stays in its
// box, and leaving the page asks first, so nothing typed is lost without a warning. An answer
// is unsaved while what its question holds differs from what the server last accepted.
const answerIn = (question) =>
  new URLSearchParams(
    [...question.querySelectorAll("input, textarea, select")]
      .filter(
        (field) =>
          field.name &&
          !field.name.startsWith("version:") &&
          !field.disabled &&
          !((field.type === "checkbox" || field.type === "radio") && !field.checked),
      )
      .map((field) => [field.name, field.value]),
  ).toString();
const accepted = new WeakMap();
const knowQuestions = () => {
  document.querySelectorAll(".cairn-question[hx-post]").forEach((question) => {
    if (!accepted.has(question)) accepted.set(question, answerIn(question));
  });
};
const sectionForm = document.querySelector(".cairn-section-form");
if (sectionForm) {
  knowQuestions();
  let submitting = false;
  document.addEventListener("htmx:afterSettle", knowQuestions);
  // A question saves itself, or its conflict's "Keep mine" saves it: either way, remember what
  // was sent, and take it as saved only when the server says it saved.
  document.addEventListener("htmx:configRequest", (event) => {
    const question = event.detail.elt.closest(".cairn-question");
    if (question) event.detail.cairnSent = answerIn(question);
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const { elt, successful, xhr, requestConfig } = event.detail;
    const question = elt.closest(".cairn-question");
    if (!question || !successful || !requestConfig || requestConfig.cairnSent === undefined) return;
    // A refusal or a conflict answers 200 with a status that says so: only a save counts.
    if (xhr.responseText.includes("cairn-save-status--saved")) {
      accepted.set(question, requestConfig.cairnSent);
    }
  });
  // The form's own buttons post every answer: the page that answers shows any refusal.
  sectionForm.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("beforeunload", (event) => {
    if (submitting) return;
    const unsaved = [...document.querySelectorAll(".cairn-question[hx-post]")].some(
      (question) => accepted.has(question) && accepted.get(question) !== answerIn(question),
    );
    if (unsaved) {
      event.preventDefault();
      event.returnValue = ""; // older browsers need a value to ask
    }
  });
}
