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
