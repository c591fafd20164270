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

// The header's menu on narrow screens: a disclosure button (WAI-ARIA APG). Without JavaScript the menu stays open.
const menuButton = document.querySelector(".menu-toggle");
const menu = menuButton && document.getElementById(menuButton.getAttribute("aria-controls"));
if (menuButton && menu) {
    const narrow = window.matchMedia("(max-width: 47.99em)");
    const show = (open) => {
        menuButton.setAttribute("aria-expanded", String(open));
        menu.toggleAttribute("data-collapsed", !open);
    };
    const fit = () => {
        menuButton.hidden = !narrow.matches;
        show(!narrow.matches);
    };
    menuButton.addEventListener("click", () => show(menuButton.getAttribute("aria-expanded") !== "true"));
    // Escape closes an open menu and puts the reader back on its button.
    menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && narrow.matches) {
            show(false);
            menuButton.focus();
        }
    });
    narrow.addEventListener("change", fit);
    fit();
}

// Tables stack into cards on a narrow screen (site.css): each cell is labelled with its column's name.
for (const table of document.querySelectorAll("table")) {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (headings.length === 0) continue;
    for (const row of table.querySelectorAll("tbody tr")) {
        [...row.children].forEach((cell, index) => {
            if (cell.tagName === "TD" && headings[index] && !cell.hasAttribute("data-label")) {
                cell.setAttribute("data-label", headings[index]);
            }
        });
    }
}

// Idle-session warning (WCAG 2.2.1): two minutes before the server would end an unused session, ask.
const idleSeconds = Number(document.body.dataset.idleSeconds || 0);
const dialog = document.getElementById("idle-warning");
if (idleSeconds > 0 && dialog) {
    const warnBeforeSeconds = Math.min(120, Math.max(20, idleSeconds / 4));
    const countdown = dialog.querySelector("[data-idle-countdown]");
    const status = document.querySelector("[data-idle-status]");
    let warnTimer;
    let expireTimer;

    const schedule = () => {
        clearTimeout(warnTimer);
        clearTimeout(expireTimer);
        warnTimer = setTimeout(warn, (idleSeconds - warnBeforeSeconds) * 1000);
    };

    const warn = () => {
        // The words come from the page, in the reader's language: "1 minute" or "2 minutes".
        countdown.textContent = warnBeforeSeconds >= 90 ? dialog.dataset.twoMinutes : dialog.dataset.oneMinute;
        dialog.showModal();
        expireTimer = setTimeout(() => {
            window.location.assign("/account/login?ReturnUrl=" + encodeURIComponent(window.location.pathname));
        }, warnBeforeSeconds * 1000);
    };

    dialog.querySelector("form[data-keep-alive]").addEventListener("submit", async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const response = await fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: { Accept: "application/json" },
            credentials: "same-origin",
        });
        dialog.close();
        if (response.ok) {
            status.textContent = dialog.dataset.stillSignedIn;
            schedule();
        } else {
            window.location.assign("/account/login");
        }
    });

    // A page that keeps the session alive by itself (a live set room) says so, and the warning waits again.
    document.addEventListener("plc:active", schedule);

    // Escape also means "I'm still here".
    dialog.addEventListener("cancel", (event) => {
        event.preventDefault();
        dialog.querySelector("form[data-keep-alive] button").click();
    });

    schedule();
}

// Meeting times: the server writes them in the set's time zone (correct without JavaScript); here they are
// rewritten in the reader's own zone, which the browser knows better than any setting could.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const format = new Intl.DateTimeFormat(document.documentElement.lang || "en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
// Forms that read dates (the moderation log's filters) send the reader's zone, so a day means the reader's day.
for (const input of document.querySelectorAll("input[data-reader-time-zone]")) {
    if (!input.value && zone) {
        input.value = zone;
        for (const name of document.querySelectorAll("[data-reader-time-zone-name]")) {
            name.textContent = (name.dataset.template || "{0}").replace("{0}", zone);
        }
    }
}
for (const time of document.querySelectorAll("time[data-local-time]")) {
    const when = new Date(time.getAttribute("datetime"));
    if (!Number.isNaN(when.getTime())) {
        time.title = time.textContent.trim();
        time.textContent = (document.body.dataset.yourTime || "{0} ({1})").replace("{0}", format.format(when)).replace("{1}", zone);
    }
}
