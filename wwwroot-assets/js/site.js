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

// Meeting times: the server writes them in the set's time zone (correct without JavaScript); here they are
// rewritten in the reader's own zone, which the browser knows better than any setting could.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const format = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
for (const time of document.querySelectorAll("time[data-local-time]")) {
    const when = new Date(time.getAttribute("datetime"));
    if (!Number.isNaN(when.getTime())) {
        time.title = time.textContent.trim();
        time.textContent = `${format.format(when)} (your time, ${zone})`;
    }
}
