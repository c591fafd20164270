// Composer conveniences: a Preview button that fetches the server's rendering in place, and drafts saved to the
// server as you type. Without JavaScript the Preview button posts the form and the page shows the preview, and
// drafts are simply not saved until you post.

const SAVE_DELAY_MS = 2000;

for (const form of document.querySelectorAll("form[data-composer]")) {
    const previewButton = form.querySelector("[data-preview-button]");
    const region = form.querySelector("[data-preview-region]");
    const content = form.querySelector("[data-preview-content]");
    const status = form.querySelector("[data-draft-status]");

    // Over the length limit, the text is never sent (the server would refuse it and the page would be lost): the
    // form's own message (data-too-long) is announced and the text stays in the box.
    const body = form.querySelector("textarea[name='Input.Body']");
    const bodyMax = Number(form.dataset.bodyMax || 0);
    const tooLong = () => bodyMax > 0 && body !== null && body.value.length > bodyMax;
    let alert = null;
    const sayTooLong = () => {
        if (alert === null) {
            alert = document.createElement("p");
            alert.className = "error-message";
            alert.setAttribute("role", "alert");
            body.before(alert);
        }
        alert.textContent = form.dataset.tooLong || "";
        body.setAttribute("aria-invalid", "true");
        body.focus();
    };
    form.addEventListener("submit", (event) => {
        if (tooLong()) {
            event.preventDefault();
            sayTooLong();
        }
    });

    if (previewButton && region && content && form.dataset.previewUrl) {
        previewButton.addEventListener("click", async (event) => {
            event.preventDefault();
            if (tooLong()) {
                sayTooLong();
                return;
            }
            const response = await fetch(form.dataset.previewUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
            if (response.status === 413) {
                sayTooLong();
                return;
            }
            if (!response.ok) {
                return;
            }
            // The fragment is the server's sanitized HTML, the same as a published post.
            content.innerHTML = await response.text();
            region.hidden = false;
            region.querySelector("h2")?.setAttribute("tabindex", "-1");
            region.querySelector("h2")?.focus();
        });
    }

    if (form.dataset.draftUrl && status) {
        let timer = 0;
        let saving = Promise.resolve();
        const save = async () => {
            if (tooLong()) {
                return;
            }
            const response = await fetch(form.dataset.draftUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
            // The words come from the page, in the reader's language.
            if (response.ok) {
                const time = new Date().toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit" });
                status.textContent = (status.dataset.saved || "{0}").replace("{0}", time);
            } else {
                status.textContent = status.dataset.failed || "";
            }
        };
        form.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(() => { saving = saving.then(save, save); }, SAVE_DELAY_MS);
        });
        // Posting deletes the draft on the server; stop a pending save from bringing it back.
        form.addEventListener("submit", () => clearTimeout(timer));
    }
}
