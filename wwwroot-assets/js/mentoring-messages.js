// Live messages between a mentoring pair, over the mentoring hub. The server stores each message with the pair's
// next sequence number, then pushes only that number; this page fetches the messages over HTTP (normal
// authorization) after the last number it holds. Sends carry a client UUID, so a retry stores once. On start,
// reconnect and return to the tab we rejoin first (subscribe), then fetch everything after the last seq we saw.
// New messages go into the role="log" region, which screen readers announce politely; focus never moves.
// Without JavaScript the form posts and the page reloads. Every word shown or announced comes from the page's data-*
// attributes, in the reader's language; counts choose their plural form with Intl.PluralRules (Welsh has six).
const log = document.querySelector("[data-messages]");
const form = document.getElementById("message-form");
if (log && form && window.signalR) {
    const relationshipId = Number(log.dataset.relationshipId);
    const afterUrl = log.dataset.afterUrl;
    const textArea = form.querySelector("textarea");
    const statusRegion = document.querySelector("[data-messages-status]");
    const pending = new Map(); // clientMessageId -> { text, item, failed }
    let lastSeq = Number(log.dataset.lastSeq || 0);
    let ended = false;
    let fetching = null;
    let fetchAgain = false;

    const lang = document.documentElement.lang || "en-GB";
    const pluralRules = new Intl.PluralRules(lang);
    const say = (name, ...values) =>
        values.reduce((text, value, i) => text.replaceAll(`{${i}}`, () => value), log.dataset[name] ?? "");
    const sayCount = (name, count) => {
        const forms = JSON.parse(log.dataset[name] || "{}");
        const template = forms[pluralRules.select(count)] ?? forms.other ?? "";
        return template.replaceAll("{0}", () => count.toLocaleString(lang));
    };

    const announce = (text) => {
        if (statusRegion) statusRegion.textContent = text;
    };

    const messageItem = (from, body, mine) => {
        const item = document.createElement("div");
        item.className = mine ? "message mine" : "message";
        const meta = document.createElement("p");
        meta.className = "message-meta";
        const who = document.createElement("strong");
        who.textContent = from;
        const when = document.createElement("span");
        when.className = "hint";
        when.append(document.createElement("time"));
        meta.append(who, " ", when);
        const text = document.createElement("p");
        text.className = "preserve-lines";
        text.textContent = body;
        item.append(meta, text);
        return item;
    };

    const setState = (item, state, detail) => {
        item.classList.toggle("pending", state === "sending");
        item.classList.toggle("failed", state === "failed");
        item.dataset.state = state;
        let label = item.querySelector(".send-status");
        if (!label) {
            label = document.createElement("span");
            label.className = "send-status";
            item.querySelector(".message-meta").append(" ", label);
        }
        label.textContent = state === "sending" ? say("sending") : state === "sent" ? say("sent")
            : detail ? say("notSent", detail) : say("notSentOffline");
        item.querySelector(".retry")?.remove();
    };

    const has = (seq) => log.querySelector(`.message[data-seq="${seq}"]`) !== null;

    // Keeps the log in seq order; messages still being sent stay at the end.
    const insert = (item, seq) => {
        let before = null;
        for (const other of log.children) {
            if (!other.dataset.seq || Number(other.dataset.seq) > seq) {
                before = other;
                break;
            }
        }
        log.insertBefore(item, before);
    };

    const show = (message) => {
        if (has(message.seq)) return false;
        const mine = message.mine ? pending.get(message.clientMessageId) : undefined;
        let item;
        if (mine) {
            pending.delete(message.clientMessageId);
            item = mine.item;
            item.remove();
            setState(item, "sent");
        } else {
            item = messageItem(message.from, message.body, message.mine);
        }
        item.dataset.seq = String(message.seq);
        item.dataset.clientId = message.clientMessageId;
        const when = item.querySelector(".message-meta .hint time");
        when.textContent = message.sentAt;
        when.dateTime = message.sentAtIso;
        insert(item, message.seq);
        document.querySelector("[data-no-messages]")?.remove();
        return !message.mine;
    };

    // One fetch at a time; a push that arrives meanwhile asks for one more round, so nothing is missed.
    const catchUp = async () => {
        if (fetching) {
            fetchAgain = true;
            return fetching;
        }
        fetching = (async () => {
            let fromOthers = 0;
            do {
                fetchAgain = false;
                for (;;) {
                    const response = await fetch(`${afterUrl}&after=${lastSeq}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
                    if (!response.ok) throw new Error(`Messages: ${response.status}`);
                    const page = await response.json();
                    for (const message of page.messages) {
                        if (show(message)) fromOthers++;
                        lastSeq = Math.max(lastSeq, message.seq);
                    }
                    if (!page.more) break;
                }
            } while (fetchAgain);
            if (fromOthers > 0) announce(sayCount("newMessages", fromOthers));
        })();
        try {
            await fetching;
        } finally {
            fetching = null;
        }
    };

    const endConversation = (text) => {
        ended = true;
        log.dataset.live = "ended";
        form.hidden = true;
        document.querySelector("[data-ended]")?.removeAttribute("hidden");
        announce(text);
        connection.stop();
    };

    // The hub's reason, in the reader's language; null when the connection failed (the message is sent again on reconnect).
    const errorText = (error) => {
        const text = String(error && error.message ? error.message : error);
        const marker = "HubException: ";
        return text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : null;
    };

    const retryDelays = [0, 1000, 2000, 5000, 10000];
    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/mentoring")
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelays[context.previousRetryCount] ?? 15000 })
        .build();

    connection.on("MessagePosted", (id, seq) => {
        if (id === relationshipId && seq > lastSeq) catchUp().catch(() => {});
    });
    connection.on("PairEnded", (id) => {
        if (id === relationshipId) endConversation(say("endedText"));
    });
    connection.onreconnecting(() => {
        log.dataset.live = "reconnecting";
        announce(say("reconnecting"));
    });
    connection.onreconnected(async () => {
        await rejoin();
        announce(say("reconnected"));
    });
    connection.onclose(() => {
        if (!ended) setTimeout(start, 5000);
    });

    // Subscribe first, then fetch what we missed, then send again anything that failed meanwhile.
    async function rejoin() {
        try {
            await connection.invoke("JoinPair", relationshipId);
        } catch (error) {
            // The hub answers an ended pair as one that does not exist, in the reader's language.
            if (log.dataset.notFound && String(error).includes(log.dataset.notFound)) {
                endConversation(say("endedText"));
                return;
            }
            throw error;
        }
        await catchUp();
        log.dataset.live = "joined";
        for (const [clientId, entry] of pending) {
            if (entry.failed) send(clientId);
        }
    }

    async function start() {
        if (ended) return;
        try {
            await connection.start();
            await rejoin();
        } catch {
            if (connection.state === signalR.HubConnectionState.Connected) await connection.stop();
            else setTimeout(start, 5000);
        }
    }

    async function send(clientId) {
        const entry = pending.get(clientId);
        if (!entry) return;
        entry.failed = false;
        setState(entry.item, "sending");
        try {
            const ack = await connection.invoke("SendMessage", relationshipId, clientId, entry.text);
            // The push may have brought it first; either way the stored seq is what counts.
            if (pending.has(clientId) && !has(ack.seq)) {
                pending.delete(clientId);
                entry.item.remove();
                entry.item.dataset.seq = String(ack.seq);
                setState(entry.item, "sent");
                insert(entry.item, ack.seq);
            }
            catchUp().catch(() => {});
        } catch (error) {
            entry.failed = true;
            const reason = errorText(error);
            setState(entry.item, "failed", reason);
            const retry = document.createElement("button");
            retry.type = "button";
            retry.className = "link-button retry";
            retry.textContent = say("tryAgain");
            retry.addEventListener("click", () => send(clientId));
            entry.item.append(retry);
            announce(reason ? say("wasNotSent", reason) : say("wasNotSentOffline"));
        }
    }

    form.addEventListener("submit", (event) => {
        event.preventDefault();
        const text = textArea.value.trim();
        if (!text) {
            // The server's error summary explains an empty message.
            form.submit();
            return;
        }
        const clientId = crypto.randomUUID();
        const item = messageItem(say("you"), text, true);
        item.dataset.clientId = clientId;
        log.append(item);
        document.querySelector("[data-no-messages]")?.remove();
        pending.set(clientId, { text, item, failed: false });
        textArea.value = "";
        send(clientId);
    });

    document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible" && connection.state === signalR.HubConnectionState.Connected) {
            rejoin().catch(() => {});
        }
    });

    start();
}
