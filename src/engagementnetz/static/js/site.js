// Progressive enhancement only: every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // After a filter update, tell screen readers that results changed by moving focus to the summary.
  const summary = event.detail.target.querySelector("[data-results-summary]");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus({ preventScroll: true });
  }
});
document.addEventListener("change", (event) => {
  // Filter forms marked with data-autosubmit update their results as soon as a filter changes.
  const form = event.target.closest("form[data-autosubmit]");
  if (form && window.htmx) {
    window.htmx.trigger(form, "submit");
  }
});
