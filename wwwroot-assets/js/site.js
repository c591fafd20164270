// Progressive enhancements only: every page works without JavaScript.

// GOV.UK error summary: move focus to it so screen-reader and keyboard users hear what went wrong.
const summary = document.querySelector("[data-error-summary]");
if (summary) {
    summary.focus();
    summary.addEventListener("click", (event) => {
        const link = event.target.closest("a[href^='#']");
        const target = link && document.getElementById(link.getAttribute("href").slice(1));
        if (target) {
            event.preventDefault();
            target.focus();
            target.scrollIntoView({ block: "center" });
        }
    });
}
