// Mentoring messages: checks for new messages every 20 seconds while the page is visible and appends them to the
// log (role="log" announces them politely). Text goes in with textContent only. Without JavaScript the page still
// works: reload to see new messages.
const log = document.querySelector("[data-messages]");
const status = document.querySelector("[data-messages-status]");
if (log) {
    let lastId = Number(log.dataset.lastId || 0);
    const url = log.dataset.afterUrl;

    const append = (message) => {
        const item = document.createElement("div");
        item.className = message.mine ? "message mine" : "message";
        item.dataset.id = String(message.id);
        const meta = document.createElement("p");
        meta.className = "message-meta";
        const from = document.createElement("strong");
        from.textContent = message.from;
        const when = document.createElement("span");
        when.className = "hint";
        when.textContent = " " + message.sentAt;
        meta.append(from, when);
        const body = document.createElement("p");
        body.className = "preserve-lines";
        body.textContent = message.body;
        item.append(meta, body);
        log.append(item);
    };

    const poll = async () => {
        if (document.visibilityState !== "visible") {
            return;
        }
        try {
            const response = await fetch(`${url}&after=${lastId}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
            if (!response.ok) {
                return;
            }
            const messages = await response.json();
            for (const message of messages) {
                if (message.id > lastId && !log.querySelector(`[data-id="${message.id}"]`)) {
                    append(message);
                    lastId = message.id;
                }
            }
            if (messages.length > 0) {
                document.querySelector("[data-no-messages]")?.remove();
                if (status) {
                    status.textContent = messages.length === 1 ? "1 new message" : `${messages.length} new messages`;
                }
            }
        } catch {
            // Offline for a moment: the next poll tries again.
        }
    };

    setInterval(poll, 20000);
    document.addEventListener("visibilitychange", poll);
}
