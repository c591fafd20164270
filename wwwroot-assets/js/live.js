// Live forum updates for signed-in members. The hub sends only ids; everything shown is fetched over HTTP from the
// normal pages, so the usual authorization applies. Without JavaScript every page still works: reload to see changes.

const signalR = window.signalR;
const list = document.getElementById("post-list");
const threadId = list ? Number(list.dataset.threadId) : 0;
const onLastPage = list?.dataset.lastPage === "true";
const newReplies = document.getElementById("thread-new-replies");
const statusRegion = document.getElementById("thread-live-status");
let lastNumber = list ? Number(list.dataset.lastNumber || 0) : 0;
let firstUnseenPostId = 0;
let unseen = 0;

// Words come from the page, in the reader's language: plain templates ({0}, {1}) and, for counts, each plural form
// of the language (CLDR categories, which Intl.PluralRules picks: Welsh has six).
const lang = document.documentElement.lang || "en-GB";
const pluralRules = new Intl.PluralRules(lang);
function say(name, ...values) {
    const template = list?.dataset[name] ?? "";
    return values.reduce((text, value, i) => text.replaceAll(`{${i}}`, value), template);
}
function sayCount(name, count, ...values) {
    const forms = JSON.parse(list?.dataset[name] || "{}");
    const template = forms[pluralRules.select(count)] ?? forms.other ?? "";
    return [count.toLocaleString(lang), ...values].reduce((text, value, i) => text.replaceAll(`{${i}}`, value), template);
}

// One polite announcement at a time, spaced out, so bursts are not lost or garbled. Focus never moves.
let queue = [];
let busy = false;
function announce(text) {
    if (!statusRegion || !text) return;
    queue = queue.filter((t) => t !== text).slice(-2);
    queue.push(text);
    if (!busy) flush();
}
function flush() {
    const next = queue.shift();
    if (next === undefined) { busy = false; return; }
    busy = true;
    statusRegion.textContent = next;
    setTimeout(flush, 1500);
}

// Page updates run one at a time, in the order the hub announced them, so replies are appended once and in order.
let chain = Promise.resolve();
function serially(work) {
    chain = chain.then(work).catch(() => { /* a missed update is caught up on the next one, a reconnect or a reload */ });
    return chain;
}

// Server-rendered, sanitised fragments are parsed into inert nodes, then moved into the page.
async function fetchFragment(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return null;
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    return template.content;
}

async function refreshBadge() {
    const fragment = await fetchFragment("/notifications/badge");
    const fresh = fragment?.querySelector("#notification-badge");
    const current = document.getElementById("notification-badge");
    if (fresh && current) current.replaceWith(fresh);
}

// Private messages: the header's count everywhere; on the open conversation, the new messages themselves. The log is a
// live region (role=log), so screen readers hear each message as it is added.
const conversationLog = document.getElementById("conversation-log");
async function refreshMessagesBadge() {
    const fragment = await fetchFragment("/messages/badge");
    const fresh = fragment?.querySelector("#messages-badge");
    const current = document.getElementById("messages-badge");
    if (fresh && current) current.replaceWith(fresh);
}
async function fetchMessagesAfter() {
    const id = conversationLog.dataset.conversationId;
    const fragment = await fetchFragment(`/messages/${id}?handler=After&after=${conversationLog.dataset.lastSeq}`);
    if (!fragment) return;
    const atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
    for (const item of [...fragment.querySelectorAll(".message[data-seq]")]) {
        if (Number(item.dataset.seq) <= Number(conversationLog.dataset.lastSeq)) continue;
        conversationLog.append(item);
        conversationLog.dataset.lastSeq = item.dataset.seq;
        if (atBottom) item.scrollIntoView({ block: "nearest" });
    }
}

async function fetchPostsAfter(number) {
    const fragment = await fetchFragment(`/forum/t/${threadId}/posts?from=${number + 1}`);
    if (!fragment) return;
    const authors = [];
    for (const item of [...fragment.querySelectorAll("li.post[data-number]")]) {
        const n = Number(item.dataset.number);
        if (n <= lastNumber) continue;
        list.append(item);
        lastNumber = n;
        authors.push(item.dataset.author);
    }
    if (authors.length === 1) announce(say("newReplyFrom", authors[0]));
    else if (authors.length > 1) announce(sayCount("newRepliesFrom", authors.length, [...new Set(authors)].join(", ")));
    // More than a page arrived while away: the rest are one fetch further on.
    if (authors.length >= 20) await fetchPostsAfter(lastNumber);
}

async function replacePost(number) {
    const current = list.querySelector(`li.post[data-number="${number}"]`);
    if (!current) return;
    const fragment = await fetchFragment(`/forum/t/${threadId}/posts?from=${number}&to=${number}`);
    const fresh = fragment?.querySelector("li.post[data-number]");
    if (fresh) {
        // Keep focus where the reader is if it was inside the edited post.
        const hadFocus = current.contains(document.activeElement);
        current.replaceWith(fresh);
        if (hadFocus) fresh.querySelector("h2 a, h2")?.focus?.();
        announce(say("postEdited", number, fresh.dataset.author));
    }
}

function showNewRepliesLink() {
    if (!newReplies) return;
    const link = document.createElement("a");
    link.href = `${list.dataset.threadUrl}?post=${firstUnseenPostId}`;
    link.textContent = sayCount("newRepliesShow", unseen);
    newReplies.replaceChildren(link);
    newReplies.hidden = false;
}

if (signalR && document.getElementById("notification-badge")) {
    const retryDelays = [0, 1000, 2000, 5000, 10000];
    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/forum")
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelays[ctx.previousRetryCount] ?? 15000 })
        .build();

    connection.on("NotificationAdded", () => serially(refreshBadge));
    connection.on("MessageAdded", (conversationId) => serially(async () => {
        if (conversationLog && Number(conversationLog.dataset.conversationId) === conversationId) await fetchMessagesAfter();
        else await refreshMessagesBadge();
    }));
    connection.on("PostAdded", (tid, postId, number) => {
        if (tid !== threadId || number <= lastNumber) return;
        if (onLastPage) {
            serially(() => fetchPostsAfter(lastNumber));
        } else {
            if (unseen === 0) firstUnseenPostId = postId;
            unseen += 1;
            lastNumber = number;
            showNewRepliesLink();
            announce(sayCount("newReplies", unseen));
        }
    });
    connection.on("PostEdited", (tid, _postId, number) => {
        if (tid === threadId) serially(() => replacePost(number));
    });

    // Subscribe first, then catch up from the last number seen, so nothing falls in between.
    async function join() {
        if (!threadId) return;
        await connection.invoke("JoinThread", threadId);
        if (onLastPage) await serially(() => fetchPostsAfter(lastNumber));
    }
    connection.onreconnected(async () => {
        await join();
        await serially(refreshBadge);
        await serially(conversationLog ? fetchMessagesAfter : refreshMessagesBadge);
    });
    connection.start()
        .then(async () => {
            document.documentElement.dataset.forumLive = "connected";
            await join();
            // A message sent between this page's rendering and the connection is fetched now.
            if (conversationLog) await serially(fetchMessagesAfter);
        })
        .catch(() => { document.documentElement.dataset.forumLive = "failed"; });
}
