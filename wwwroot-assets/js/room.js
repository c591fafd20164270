// The live room of an action learning set. The server holds the state; this only renders it and sends intents.
// Chat: saved before broadcast with a per-room seq; sends carry a client UUID so a retry stores once; on start,
// reconnect and tab return we rejoin (subscribe) first, then fetch everything after the last seq we saw.

import { createAudio } from "./room-audio.js";

const root = document.getElementById("room");
const setId = Number(root.dataset.setId);
const myId = Number(root.dataset.memberId);
const isFacilitator = root.dataset.facilitator === "true";
const isMember = root.dataset.member === "true";

// Words come from the page, in the reader's language: plain templates ({0}, {1}); for counts, each plural form the
// language uses (CLDR categories, which Intl.PluralRules picks: Welsh has six); and the words for the English keys the
// room's state carries to everyone at once (phase names, hints, action statuses).
const lang = document.documentElement.lang || "en-GB";
const pluralRules = new Intl.PluralRules(lang);
const fromPage = (name) => JSON.parse(root.dataset[name] || "{}");
const words = fromPage("words");
const plurals = fromPage("plurals");
const phaseNames = fromPage("phases");
const hints = fromPage("hints");
const statusNames = fromPage("statuses");
// Each blank once, in one pass, so a name that itself looks like "{1}" stays as it was written.
const fill = (template, values) => (template ?? "").replace(/\{(\d+)\}/g, (blank, i) => (i < values.length ? String(values[i]) : blank));
function say(name, ...values) {
    return fill(words[name], values);
}
function sayCount(name, count, ...values) {
    const forms = plurals[name] ?? {};
    return fill(forms[pluralRules.select(count)] ?? forms.other, [count.toLocaleString(lang), ...values]);
}
// Whether a refusal from the hub is one of the page's sentences, whatever fills its blanks.
function isSaid(text, template) {
    if (!template) return false;
    const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\d+\\\}/g, "[\\s\\S]*");
    return new RegExp(pattern).test(text);
}

const $ = (id) => document.getElementById(id);
const log = $("chat-log");
const newBelow = $("new-below");
const composer = $("composer");
const composerText = $("composer-text");
const alertRegion = $("room-alert");
const statusRegion = $("room-status");

const seen = new Set();
let lastSeq = 0;
for (const item of log.querySelectorAll(".message[data-seq]")) {
    const seq = Number(item.dataset.seq);
    seen.add(seq);
    lastSeq = Math.max(lastSeq, seq);
}
let state = null;
let revoked = false; // removed from the set, or signed out: stop trying
let away = false;
let timerEnds = null;
let promptedFor = "";
const pending = new Map(); // clientMessageId -> { text, item }

// ---- Announcements: one polite status at a time, never more often than every 1.5 s; alerts for connection.
let statusQueue = [];
let statusBusy = false;
function announce(text) {
    if (!text) return;
    statusQueue = statusQueue.filter((t) => t !== text).slice(-2);
    statusQueue.push(text);
    if (!statusBusy) flushStatus();
}
function flushStatus() {
    const next = statusQueue.shift();
    if (next === undefined) { statusBusy = false; return; }
    statusBusy = true;
    statusRegion.textContent = next;
    setTimeout(flushStatus, 1500);
}
function alertText(text) {
    alertRegion.textContent = text;
}

// ---- Connection
const retryDelays = [0, 1000, 2000, 5000, 10000];
const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/room")
    // Never gives up: after the quick retries, every 15 s for as long as the page is open.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelays[ctx.previousRetryCount] ?? 15000 })
    .build();

const audio = createAudio({ connection, setId, myId, root, say, announce, alertText, errorText,
    nameOf: (memberId) => people.find((person) => person.memberId === memberId)?.name ?? "" });

connection.on("MessagePosted", (message) => addMessage(message));
connection.on("StateChanged", (next) => applyState(next));
connection.on("PresenceChanged", (presence, at) => applyPresence(presence, at));
connection.on("MessageFlagged", (seq) => markFlagged(seq));
connection.on("ChatCleared", () => {
    for (const item of [...log.querySelectorAll(".message[data-seq]")]) item.remove();
    announce(say("chatCleared"));
});
connection.on("AccessRevoked", () => {
    revoked = true;
    audio.leave();
    alertText(say("revoked"));
    composer.hidden = true;
    for (const control of root.querySelectorAll("button, input, textarea")) control.disabled = true;
    connection.stop();
});
connection.onreconnecting((error) => {
    alertText(say("reconnecting"));
    if (error) endIfSignedOut(error);
});
connection.onreconnected(async () => {
    try {
        await rejoin();
        alertText(say("reconnected"));
    } catch (error) {
        alertText(errorText(error));
    }
});
connection.onclose(() => {
    if (!revoked) {
        alertText(say("disconnected"));
        setTimeout(start, 5000);
    }
});

async function start() {
    if (revoked) return;
    try {
        await connection.start();
        await rejoin();
        if (alertRegion.textContent) alertText(say("connected"));
    } catch (error) {
        // The room has gone, or it is not open yet: said once, not tried again.
        const text = String(error);
        if (isSaid(text, words.notFound) || Object.values(plurals.notOpenYet ?? {}).some((template) => isSaid(text, template))) {
            alertText(errorText(error));
            return;
        }
        endIfSignedOut(error);
        if (revoked) return;
        alertText(say("unreachable"));
        setTimeout(start, 5000);
    }
}

// Subscribe first (JoinRoom puts this connection in the group), then fetch what we missed.
async function rejoin() {
    const snapshot = await connection.invoke("JoinRoom", setId);
    applyState(snapshot.state);
    applyPresence(snapshot.presence, snapshot.presenceAt);
    if (snapshot.lateSummary) announce(snapshot.lateSummary);
    if (away) await connection.invoke("StepAway", setId, true);
    await audio.rejoin();
    await catchUp();
    for (const [clientId, entry] of pending) {
        if (entry.failed) send(clientId, entry.text, entry.item);
    }
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A live room is activity: every five minutes while connected, tell the server (which keeps the session alive) and
// the page's idle warning (site.js), so nobody listening through a long meeting is warned or signed out as idle.
setInterval(async () => {
    if (revoked || connection.state !== signalR.HubConnectionState.Connected) return;
    try {
        await connection.invoke("KeepAlive", setId);
        document.dispatchEvent(new Event("plc:active"));
    } catch {
        // The next call, or the reconnect, says what is wrong.
    }
}, 5 * 60 * 1000);

// Fetches what this page missed, trying again with growing pauses while the connection stands: a reconnect must
// never leave a gap in the chat, nor an alert that still says "Reconnecting…".
async function catchUp() {
    for (let attempt = 0; ; attempt++) {
        try {
            await fetchMissed();
            if (attempt > 0) alertText(say("caughtUp"));
            return;
        } catch (error) {
            if (revoked || connection.state !== signalR.HubConnectionState.Connected) throw error;
            alertText(say("fetchingMissed"));
            await wait(Math.min(500 * 2 ** attempt, 8000));
        }
    }
}

async function fetchMissed() {
    let added = 0;
    log.setAttribute("aria-busy", "true");
    try {
        for (;;) {
            const response = await fetch(`/sets/${setId}/room/messages?after=${lastSeq}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
            if (!response.ok) throw new Error(`History: ${response.status}`);
            const messages = await response.json();
            for (const message of messages) if (addMessage(message)) added++;
            if (messages.length < 500) break;
        }
    } finally {
        log.removeAttribute("aria-busy");
    }
    if (added > 0) announce(sayCount("missed", added));
}

document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && connection.state === signalR.HubConnectionState.Connected) {
        rejoin().catch(() => {});
    }
});

// ---- Chat
function messageItem(message) {
    const item = document.createElement("div");
    item.className = "message";
    const author = document.createElement("span");
    author.className = "author";
    author.textContent = message.authorName;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.body;
    item.append(author, ": ", text);
    return item;
}

function setSent(item, message) {
    item.dataset.seq = String(message.seq);
    item.classList.remove("pending", "failed");
    const status = item.querySelector(".send-status");
    if (status) status.remove();
    const retry = item.querySelector(".retry");
    if (retry) retry.remove();
    addFlagControl(item, message.seq);
}

/** Inserts in seq order; mostly that is an append. Returns true when the message was new. */
function addMessage(message) {
    if (seen.has(message.seq)) return false;
    seen.add(message.seq);
    lastSeq = Math.max(lastSeq, message.seq);
    const mine = pending.get(message.clientMessageId);
    if (mine && message.authorId === myId) {
        pending.delete(message.clientMessageId);
        mine.item.remove();
        setSent(mine.item, message);
        insertInOrder(mine.item, message.seq);
        return true;
    }
    const item = messageItem(message);
    item.dataset.seq = String(message.seq);
    item.dataset.clientId = message.clientMessageId;
    if (message.flaggedAsAdvice) flagItem(item);
    addFlagControl(item, message.seq);
    insertInOrder(item, message.seq);
    return true;
}

// The chat stays at the newest message while the reader is there; a reader who has scrolled up to read is left in
// peace and told that newer messages are below.
let atNewest = true;
const isAtNewest = () => log.scrollHeight - log.scrollTop - log.clientHeight < 40;
function showNewest() {
    log.scrollTop = log.scrollHeight;
    atNewest = true;
    newBelow.hidden = true;
}
function followNewest() {
    if (atNewest) showNewest();
    else newBelow.hidden = false;
}
log.addEventListener("scroll", () => {
    atNewest = isAtNewest();
    if (atNewest) newBelow.hidden = true;
});
newBelow.addEventListener("click", () => {
    showNewest();
    log.focus();
});
showNewest();

function insertInOrder(item, seq) {
    // Before the first pending message or the first later message; never re-render the list.
    let before = null;
    for (const other of log.children) {
        if (other.classList.contains("pending") || other.classList.contains("failed") || Number(other.dataset.seq) > seq) {
            before = other;
            break;
        }
    }
    log.insertBefore(item, before);
    followNewest();
}

function addFlagControl(item, seq) {
    if (!isFacilitator || item.querySelector(".flag-button") || item.classList.contains("flagged")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button flag-button";
    button.textContent = say("flagAsAdvice");
    button.addEventListener("click", () => call("FlagAdvice", seq));
    item.append(" ", button);
}

function flagItem(item) {
    item.classList.add("flagged");
    if (!item.querySelector(".tag")) {
        const tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = say("flaggedAsAdvice");
        item.append(" ", tag);
    }
    const button = item.querySelector(".flag-button");
    if (button) button.remove();
}

function markFlagged(seq) {
    const item = log.querySelector(`.message[data-seq="${seq}"]`);
    if (item) {
        flagItem(item);
        announce(say("flaggedAnnounce"));
    }
}

const draftKey = `room-draft-${setId}`;
composerText.value = sessionStorage.getItem(draftKey) ?? composerText.value;
composerText.addEventListener("input", () => sessionStorage.setItem(draftKey, composerText.value));

composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = composerText.value.trim();
    if (!text) return;
    const clientId = crypto.randomUUID();
    const item = messageItem({ authorName: say("you"), body: text });
    item.classList.add("pending");
    item.dataset.clientId = clientId;
    const status = document.createElement("span");
    status.className = "send-status";
    item.append(" ", status);
    log.append(item);
    showNewest();
    pending.set(clientId, { text, item, failed: false });
    composerText.value = "";
    sessionStorage.removeItem(draftKey);
    send(clientId, text, item);
});

async function send(clientId, text, item) {
    const entry = pending.get(clientId);
    if (!entry) return;
    entry.failed = false;
    item.classList.remove("failed");
    item.classList.add("pending");
    item.querySelector(".send-status").textContent = say("sending");
    const retry = item.querySelector(".retry");
    if (retry) retry.remove();
    try {
        const ack = await connection.invoke("SendMessage", setId, clientId, text);
        // The broadcast may have arrived first; either way the stored seq is what counts.
        if (pending.has(clientId)) {
            pending.delete(clientId);
            seen.add(ack.seq);
            lastSeq = Math.max(lastSeq, ack.seq);
            item.remove();
            setSent(item, { seq: ack.seq });
            insertInOrder(item, ack.seq);
        }
        announce(say("sent"));
    } catch (error) {
        entry.failed = true;
        item.classList.remove("pending");
        item.classList.add("failed");
        item.querySelector(".send-status").textContent = say("notSent", errorText(error));
        endIfSignedOut(error);
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link-button retry";
        button.textContent = say("tryAgain");
        button.addEventListener("click", () => send(clientId, text, item));
        item.append(" ", button);
        alertText(say("messageNotSent", errorText(error)));
    }
}

function errorText(error) {
    const text = String(error && error.message ? error.message : error);
    const marker = "HubException: ";
    return text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : say("checkConnection");
}

// ---- Room state
function mayPost(s) {
    if (!isMember && !isFacilitator) return false;
    switch (s.posting) {
        case "Everyone": return true;
        case "FacilitatorOnly": return isFacilitator;
        case "SpeakerAndFacilitator": return isFacilitator || s.speaker?.memberId === myId;
        case "PresenterOnly": return s.presenter?.memberId === myId;
        default: return false;
    }
}

function postingText(s) {
    switch (s.posting) {
        case "Everyone": return say("postingEveryone");
        case "FacilitatorOnly": return say("postingFacilitator");
        case "SpeakerAndFacilitator": return say("postingSpeaker");
        case "PresenterOnly": return say("postingPresenter");
        default: return say("postingNobody");
    }
}

function applyState(next) {
    const previous = state;
    if (previous && next.version < previous.version && next.meetingId === previous.meetingId) return;
    state = next;
    const phaseName = phaseNames[next.phase] ?? next.phaseLabel;
    $("phase-label").textContent = phaseName;
    $("phase-who").textContent = next.presenter ? say("whoPresenting", next.presenter.name) : next.speaker ? say("whoTurn", next.speaker.name) : "";
    $("phase-flags").textContent = next.onBreak ? say("onBreak") : next.stopped ? say("stopped") : next.facilitatorAway ? say("facilitatorAway") : "";
    $("input-hint").textContent = next.inputHint ? hints[next.inputHint] ?? next.inputHint : "";
    startTimer(next.timer);

    const round = $("round");
    round.replaceChildren(...next.round.map((turn) => {
        const item = document.createElement("li");
        const speaking = turn.current ? say("speakingNow", turn.name) : turn.name;
        item.textContent = turn.passed ? say("passed", speaking) : speaking;
        if (turn.current) item.setAttribute("aria-current", "step");
        return item;
    }));

    const hands = $("hands");
    hands.replaceChildren(...next.hands.map((hand) => {
        const item = document.createElement("li");
        item.textContent = hand.name;
        return item;
    }));
    $("no-hands").hidden = next.hands.length > 0;

    const writable = mayPost(next) && !revoked;
    composer.hidden = !(isMember || isFacilitator) || next.phase === "None";
    composerText.disabled = !writable;
    $("send-button").disabled = !writable;
    $("composer-rule").textContent = postingText(next);

    renderControls(next);
    audio.applyState(next);
    if (previous?.audioFloor !== next.audioFloor) renderPresence();
    renderBids(next);
    renderActions(next);

    // What changed, said once, politely.
    if (!previous || previous.phase !== next.phase || previous.speaker?.memberId !== next.speaker?.memberId || previous.presenter?.memberId !== next.presenter?.memberId) {
        if (previous) {
            announce(next.presenter ? say("nowPresenting", phaseName, next.presenter.name)
                : next.speaker ? say("nowTurn", phaseName, next.speaker.name) : say("now", phaseName));
        }
        if (next.speaker?.memberId === myId || (next.presenter?.memberId === myId && next.phase === "Presentation")) announce(say("yourTurn"));
    }
    if (previous && previous.onBreak !== next.onBreak) announce(next.onBreak ? say("breakStarted") : say("breakOver"));
    if (previous && previous.stopped !== next.stopped) announce(next.stopped ? say("setStopped") : say("setResumed"));
    if (previous && previous.facilitatorAway !== next.facilitatorAway) announce(next.facilitatorAway ? say("waitingForFacilitator") : say("facilitatorBack"));
    if (isFacilitator && previous && next.breakRequests > previous.breakRequests) announce(say("breakAsked"));
}

function renderControls(s) {
    const live = s.phase !== "Lobby" && s.phase !== "Closed" && s.phase !== "None";
    const facilitatorControls = $("facilitator-controls");
    if (facilitatorControls) {
        facilitatorControls.hidden = s.phase === "None" || s.phase === "Closed";
        show("StartMeeting", s.phase === "Lobby");
        show("OpenLobby", s.phase === "Lobby" && !s.lobbyOpen);
        const lobbyClosed = $("lobby-closed");
        if (lobbyClosed) lobbyClosed.hidden = !(s.phase === "Lobby" && !s.lobbyOpen);
        show("NextStep", live);
        show("StopSet", live && !s.stopped);
        show("ResumeSet", live && s.stopped);
        show("ExtendTime", live && s.timer.durationSeconds > 0);
        show("StartBreak", live && !s.onBreak);
        show("EndBreak", live && s.onBreak);
        show("ClearHand", s.hands.length > 0);
        $("break-requests").textContent = s.breakRequests > 0 ? sayCount("breakRequests", s.breakRequests) : "";
        const next = facilitatorControls.querySelector("[data-call=NextStep]");
        next.textContent = s.phase === "CheckOut" && s.round.findIndex((t) => t.current) === s.round.length - 1 ? say("closeMeeting") : say("moveOn");
    }
    const memberControls = $("member-controls");
    if (memberControls) {
        memberControls.hidden = s.phase === "None" || s.phase === "Closed";
        const raised = s.hands.some((h) => h.memberId === myId);
        const hand = $("hand-button");
        hand.textContent = raised ? say("lowerHand") : say("raiseHand");
        hand.dataset.call = raised ? "LowerHand" : "RaiseHand";
        $("pass-button").hidden = s.speaker?.memberId !== myId;
        const offers = $("offers-button");
        offers.hidden = !(s.presenter?.memberId === myId && ["Presentation", "ClarifyingQuestions", "OpenQuestions"].includes(s.phase));
        offers.setAttribute("aria-pressed", s.offersWanted ? "true" : "false");
        for (const button of memberControls.querySelectorAll("[data-call=RequestBreak]")) button.hidden = !live;
    }
}

function show(call, visible) {
    for (const button of root.querySelectorAll(`#facilitator-controls [data-call=${call}]`)) button.hidden = !visible;
}

function renderBids(s) {
    $("bids-section").hidden = s.phase !== "Bidding" && !s.allocationProposed;
    const form = $("bid-form");
    if (form) form.hidden = s.phase !== "Bidding";
    $("bids").replaceChildren(...s.bids.map((bid) => {
        const item = document.createElement("li");
        item.textContent = bid.noTime ? say("noTimeToday", bid.displayName)
            : bid.headline ? sayCount("bidHeadline", bid.minutes, bid.displayName, bid.headline) : sayCount("bid", bid.minutes, bid.displayName);
        return item;
    }));
    renderAllocation(s);
    $("no-allocation").hidden = s.allocationProposed;
    const propose = $("propose-button");
    if (propose) propose.hidden = s.phase !== "Bidding";
}

// ---- The proposed order. The facilitator edits it with buttons and selects (never by dragging); every change is
// proposed at once, so the set sees it live. Focus stays on the control that was used, even as the list re-renders.
const minuteChoices = Array.from({ length: 18 }, (_, i) => (i + 1) * 5);

function renderAllocation(s) {
    const list = $("allocation");
    const editing = isFacilitator && s.phase === "Bidding";
    const focusKey = list.parentElement.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    const slots = s.presenters.map((p) => ({ memberId: p.memberId, minutes: p.minutes }));
    list.replaceChildren(...s.presenters.map((slot, i) => {
        const item = document.createElement("li");
        const text = document.createElement("span");
        text.textContent = sayCount(slot.current ? "slotNow" : "slot", slot.minutes, slot.name);
        item.append(text);
        if (!editing) return item;
        const moveTo = (to, moved) => {
            const next = [...slots];
            const [taken] = next.splice(i, 1);
            next.splice(to, 0, taken);
            propose(next, say(moved, slot.name, (to + 1).toLocaleString(lang), next.length.toLocaleString(lang)));
        };
        item.append(" ",
            editButton(`up-${slot.memberId}`, say("moveUp", slot.name), i === 0, () => moveTo(i - 1, "movedUp")),
            " ",
            editButton(`down-${slot.memberId}`, say("moveDown", slot.name), i === slots.length - 1, () => moveTo(i + 1, "movedDown")),
            " ",
            minutesSelect(slot, (minutes) => propose(slots.map((x) => (x.memberId === slot.memberId ? { ...x, minutes } : x)), sayCount("slotMinutes", minutes, slot.name))),
            " ",
            editButton(`out-${slot.memberId}`, say("leaveOut", slot.name), false, () => propose(slots.filter((x) => x.memberId !== slot.memberId), say("leftOut", slot.name))));
        return item;
    }));
    const waiting = $("allocation-add");
    if (waiting) {
        $("allocation-help").hidden = !editing || s.presenters.length === 0;
        const left = editing ? s.bids.filter((b) => !b.noTime && !slots.some((x) => x.memberId === b.memberId)) : [];
        waiting.replaceChildren(...left.map((bid) => {
            const item = document.createElement("li");
            const place = (slots.length + 1).toLocaleString(lang);
            item.append(editButton(`add-${bid.memberId}`, say("addToOrder", bid.displayName), false,
                () => propose([...slots, { memberId: bid.memberId, minutes: bid.minutes }], say("added", bid.displayName, place, place))));
            return item;
        }));
    }
    if (focusKey) {
        // The same control on its new row (still focusable at an edge); if it has gone (left out, or added),
        // the person's other control, else the first control of the list.
        const [kind, id] = focusKey.split("-");
        const partner = { out: "up", add: "up" }[kind] ?? "up";
        const target = [`[data-key="${focusKey}"]`, `[data-key="${partner}-${id}"]`, "#allocation button, #allocation-add button, #propose-button"]
            .map((selector) => list.parentElement.querySelector(selector)).find((element) => element && !element.hidden);
        if (target) target.focus();
    }
}

// The visible text is the whole name (WCAG 2.5.3: a speech user says what they see).
function editButton(key, text, disabled, action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = text;
    button.dataset.key = key;
    // aria-disabled keeps the button focusable, so a keyboard user is never dropped when it reaches an edge.
    if (disabled) button.setAttribute("aria-disabled", "true");
    button.addEventListener("click", () => { if (!disabled) action(); });
    return button;
}

function minutesSelect(slot, onChange) {
    const wrapper = document.createElement("span");
    const id = `slot-minutes-${slot.memberId}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.className = "visually-hidden";
    label.textContent = say("minutesFor", slot.name);
    const select = document.createElement("select");
    select.id = id;
    select.dataset.key = `minutes-${slot.memberId}`;
    for (const minutes of new Set([...minuteChoices, slot.minutes].sort((a, b) => a - b))) {
        const option = document.createElement("option");
        option.value = String(minutes);
        option.textContent = say("minutesShort", minutes.toLocaleString(lang));
        select.append(option);
    }
    select.value = String(slot.minutes);
    select.addEventListener("change", () => onChange(Number(select.value)));
    wrapper.append(label, select);
    return wrapper;
}

function propose(slots, message) {
    call("ProposeOrder", slots).then(() => announce(message)).catch(() => {});
}

const savedReviews = new Set();
function renderActions(s) {
    const reviewing = s.actionsToReview.filter((a) => a.ownerId === myId);
    const showReview = isMember && reviewing.length > 0 && s.phase !== "Closed" && s.phase !== "None";
    const presenting = s.presenter?.memberId === myId && (s.phase === "ActionCommitment" || s.phase === "Reflection");
    $("actions-section").hidden = !(showReview || presenting || s.actionsThisMeeting.length > 0);
    $("review-area").hidden = !showReview;
    $("action-form").hidden = !presenting;
    $("actions-now").replaceChildren(...s.actionsThisMeeting.map((a) => {
        const item = document.createElement("li");
        item.textContent = `${a.ownerName}: ${a.text}`;
        return item;
    }));
    const list = $("review-list");
    const focused = list.contains(document.activeElement);
    if (focused) return; // never pull a control out from under the keyboard
    list.replaceChildren(...reviewing.map((a) => {
        const item = document.createElement("li");
        const text = document.createElement("p");
        text.textContent = a.status ? say("statusNow", a.text, statusNames[a.status] ?? a.status) : a.text;
        const form = reviewForm(a);
        // Saved: said once, and shown beside the form for as long as the page is open, not only to screen readers.
        const saved = document.createElement("p");
        saved.className = "saved-note";
        saved.textContent = say("reportSaved");
        saved.hidden = !savedReviews.has(a.id);
        form.addEventListener("submit", (event) => {
            event.preventDefault();
            saved.hidden = true;
            const status = form.querySelector("select").value;
            call("ReviewAction", a.id, status, form.querySelector("input").value).then(() => {
                savedReviews.add(a.id);
                text.textContent = say("statusNow", a.text, statusNames[status] ?? status);
                saved.hidden = false;
                announce(say("reportSaved"));
            }).catch(() => {});
        });
        item.append(text, form, saved);
        return item;
    }));
}

// How an action from last time went, and a note. Built node by node: the words are the page's, never markup.
function reviewForm(a) {
    const form = document.createElement("form");
    form.className = "review-form";
    const field = (id, labelText, control) => {
        const wrapper = document.createElement("div");
        wrapper.className = "field";
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = labelText;
        control.id = id;
        wrapper.append(label, control);
        return wrapper;
    };
    const select = document.createElement("select");
    for (const [value, name] of Object.entries(statusNames)) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = name;
        select.append(option);
    }
    const note = document.createElement("input");
    note.type = "text";
    note.maxLength = 500;
    const save = document.createElement("button");
    save.type = "submit";
    save.className = "secondary";
    save.textContent = say("save");
    form.append(field(`review-status-${a.id}`, say("howDidItGo"), select), field(`review-note-${a.id}`, say("note"), note), save);
    select.value = a.status ?? "Done";
    note.value = a.statusNote ?? "";
    return form;
}

// The countdown is derived from the server's remaining time; running out prompts, never cuts anyone off.
let timerHandle = null;
function startTimer(timer) {
    clearInterval(timerHandle);
    timerEnds = timer.running ? Date.now() + timer.remainingSeconds * 1000 : null;
    renderTimer(timer.remainingSeconds, timer);
    if (timer.running) timerHandle = setInterval(() => renderTimer(Math.ceil((timerEnds - Date.now()) / 1000), timer), 1000);
}

function renderTimer(seconds, timer) {
    const element = $("timer");
    const prompt = $("timer-prompt");
    if (!timer.durationSeconds) {
        element.textContent = say("noTimer");
        prompt.hidden = true;
        return;
    }
    const left = Math.max(0, seconds);
    const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    element.textContent = timer.running ? clock : say("paused", clock);
    const key = `${state?.meetingId}-${state?.version}`;
    if (left === 0) {
        prompt.hidden = false;
        prompt.textContent = isFacilitator ? say("timeUpFacilitator") : say("timeUpMember");
        if (isFacilitator && promptedFor !== key) {
            promptedFor = key;
            announce(say("timeUpAnnounce"));
        }
    } else {
        prompt.hidden = true;
    }
}

// A join's answer and another member's broadcast can arrive in either order: keep the later reading of who is here.
let presenceAt = 0;
let people = [];
function applyPresence(presence, at) {
    if ((at ?? 0) < presenceAt) return;
    presenceAt = at ?? 0;
    people = presence;
    renderPresence();
}
root.addEventListener("plc:speaking", () => {
    for (const span of $("presence").querySelectorAll(".presence-audio")) span.textContent = audioText(people.find((p) => p.memberId === Number(span.dataset.memberId)));
});

// Each person: here, away or not here; and, while a meeting is open, whether they talk or use the chat, muted, or
// speaking now (in words, not by colour alone). The facilitator can ask someone who is talking to mute; the list is
// redrawn as people come and go, and keyboard focus stays on the button it was on.
function renderPresence() {
    const meetingOpen = state && state.audioFloor !== "Closed";
    const focused = document.activeElement?.closest?.("#presence [data-ask]")?.dataset.ask;
    $("presence").replaceChildren(...people.map((person) => {
        const item = document.createElement("li");
        item.className = `presence-${person.status}`;
        const status = person.status === "here" || person.status === "away" ? person.status : "absent";
        const name = person.isFacilitator ? { here: "facilitatorHere", away: "facilitatorSteppedAway", absent: "facilitatorAbsent" }[status] : status;
        item.textContent = say(name, person.name);
        if (meetingOpen && status !== "absent") {
            const channel = document.createElement("span");
            channel.className = "presence-audio";
            channel.dataset.memberId = person.memberId;
            channel.textContent = audioText(person);
            item.append(channel);
        }
        if (isFacilitator && meetingOpen && person.audio === "on" && person.memberId !== myId) {
            const ask = document.createElement("button");
            ask.type = "button";
            ask.className = "secondary small";
            ask.dataset.ask = person.memberId;
            ask.textContent = say("askToMute", person.name);
            ask.addEventListener("click", () => call("AskToMute", person.memberId).then(() => announce(say("askedToMuteSent", person.name))).catch(() => {}));
            item.append(" ", ask);
        }
        return item;
    }));
    if (focused) $("presence").querySelector(`[data-ask="${focused}"]`)?.focus();
}

function audioText(person) {
    if (!person) return "";
    return " · " + (person.audio === "off" ? say("onChat")
        : person.audio === "muted" ? say("onAudioMuted")
        : audio.speaking(person.memberId) ? say("speaking") : say("onAudio"));
}

// ---- Controls
async function call(method, ...args) {
    try {
        return await connection.invoke(method, setId, ...args);
    } catch (error) {
        alertText(errorText(error));
        endIfSignedOut(error);
        throw error;
    }
}

function endIfSignedOut(error) {
    const text = String(error && error.message ? error.message : error);
    // The hub filter's refusal, in the page's words or (while the filter speaks only English) in its own.
    if (text.includes(words.sessionEnded) || text.includes("session has ended") || text.includes("401")) {
        revoked = true;
        audio.leave();
        alertText(say("sessionEnded"));
        connection.stop();
    }
}

root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-call]");
    if (!button) return;
    const arg = button.dataset.arg;
    const args = button.dataset.call === "ClearHand" ? [null] : arg !== undefined ? [Number(arg)] : [];
    call(button.dataset.call, ...args).catch(() => {});
});

const awayButton = $("away-button");
if (awayButton) {
    awayButton.addEventListener("click", async () => {
        away = !away;
        await call("StepAway", away).catch(() => {});
        awayButton.setAttribute("aria-pressed", away ? "true" : "false");
        awayButton.textContent = away ? say("imBack") : say("stepAway");
        announce(away ? say("steppedAway") : say("welcomeBack"));
    });
}

const offersButton = $("offers-button");
if (offersButton) {
    offersButton.addEventListener("click", () => call("ChooseOffers", !(state?.offersWanted)).catch(() => {}));
}

const bidForm = $("bid-form");
if (bidForm) {
    bidForm.addEventListener("submit", (event) => {
        event.preventDefault();
        call("SubmitBid", Number($("bid-minutes").value), $("bid-headline").value, false).then(() => announce(say("bidIn"))).catch(() => {});
    });
    $("no-time-button").addEventListener("click", () => call("SubmitBid", 0, "", true).then(() => announce(say("noTimeAsked"))).catch(() => {}));
}

const proposeButton = $("propose-button");
if (proposeButton) {
    proposeButton.addEventListener("click", () => {
        const slots = (state?.bids ?? []).filter((b) => !b.noTime).map((b) => ({ memberId: b.memberId, minutes: b.minutes }));
        call("ProposeOrder", slots).then(() => announce(say("orderProposed"))).catch(() => {});
    });
}

const actionForm = $("action-form");
actionForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("action-text");
    const text = input.value.trim();
    if (!text) return;
    call("AddAction", text).then(() => { input.value = ""; announce(say("actionRecorded")); }).catch(() => {});
});

for (const control of root.querySelectorAll("#facilitator-controls, #member-controls")) control.hidden = false;
composer.hidden = false;
start();
