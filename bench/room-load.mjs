// Drives N rooms of M members through the real @microsoft/signalr client: each member sends a chat message
// every INTERVAL seconds; every receipt is timed and checked. Prints delivery latency p50/p95/p99, lost and
// duplicated deliveries and the servers' resident memory.
//
//   node room-load.mjs --base http://127.0.0.1:5090 --roster roster.txt --duration 60 --interval 5 --pid 1234
//
// With several servers, --base takes a comma-separated list and --pid likewise: members are dealt to the servers
// in turn, so every room has members on each, and memory is the sum over the servers.
//
// --forwarded-proto https: every request says so in X-Forwarded-Proto, as the TLS-terminating proxy in front of a
// Production site does (run.sh passes it unless the site runs in Development).
//
// roster.txt is what `seed-bench` prints: one line per room, "setId facilitator member1 member2 …".
import { readFileSync } from "node:fs";
import * as signalR from "@microsoft/signalr";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ""), all[i + 1]]] : pairs), []));
const bases = (args.base ?? "http://127.0.0.1:5090").split(",");
const durationMs = Number(args.duration ?? 60) * 1000;
const intervalMs = Number(args.interval ?? 5) * 1000;
const password = args.password ?? "bench-community-pass";
const pids = args.pid ? String(args.pid).split(",") : [];
const proxied = args["forwarded-proto"] ? { "X-Forwarded-Proto": args["forwarded-proto"] } : {};
const rosterLines = readFileSync(args.roster ?? "roster.txt", "utf8").split("\n").map((l) => l.trim()).filter((l) => /^\d+ /.test(l));
const rooms = rosterLines.map((line) => { const [setId, , ...members] = line.split(" "); return { setId: Number(setId), members }; });

function rssMb() {
    if (pids.length === 0) return null;
    try {
        return pids.reduce((sum, pid) => {
            const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
            return sum + Math.round(Number(line.split(/\s+/)[1]) / 1024);
        }, 0);
    } catch { return null; }
}

async function signIn(handle, base) {
    const page = await fetch(`${base}/account/login`, { redirect: "manual", headers: proxied });
    const html = await page.text();
    const token = html.match(/name="__RequestVerificationToken" type="hidden" value="([^"]+)"/)?.[1] ?? html.match(/value="([^"]+)"[^>]*name="__RequestVerificationToken"/)?.[1];
    const cookies = page.headers.getSetCookie().map((c) => c.split(";")[0]);
    const body = new URLSearchParams({ "Input.Email": `${handle}@example.invalid`, "Input.Password": password, __RequestVerificationToken: token });
    const response = await fetch(`${base}/account/login`, { method: "POST", body, redirect: "manual", headers: { ...proxied, Cookie: cookies.join("; "), "Content-Type": "application/x-www-form-urlencoded" } });
    const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("plc-session") || c.startsWith("__Host-plc-session"));
    if (response.status !== 302 || !session) throw new Error(`Sign-in failed for ${handle}: ${response.status}`);
    return session;
}

async function pool(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: limit }, async () => {
        while (next < items.length) { const i = next++; results[i] = await work(items[i], i); }
    }));
    return results;
}

const clients = [];
for (const room of rooms) for (const handle of room.members) clients.push({ room, handle, base: bases[clients.length % bases.length] });
console.error(`Signing in ${clients.length} members of ${rooms.length} rooms…`);
await pool(clients, 4, async (client) => { client.cookie = await signIn(client.handle, client.base); });

const latencies = [];
let duplicates = 0;
let received = 0;
const acked = new Map(); // "setId:seq" -> members expected
let sendErrors = 0;
const errorKinds = {}; // error text (first 80 characters) -> count
let rssPeak = rssMb() ?? 0;
const rssBefore = rssPeak;

console.error("Connecting…");
await pool(clients, 20, async (client) => {
    client.seen = new Set();
    const connection = new signalR.HubConnectionBuilder()
        .withUrl(`${client.base}/hubs/room`, { headers: { ...proxied, Cookie: client.cookie }, transport: signalR.HttpTransportType.WebSockets })
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 5000 })
        .configureLogging(signalR.LogLevel.None)
        .build();
    connection.on("MessagePosted", (message) => {
        const key = `${client.room.setId}:${message.seq}`;
        if (client.seen.has(key)) { duplicates++; return; }
        client.seen.add(key);
        received++;
        try { latencies.push(Date.now() - JSON.parse(message.body).t); } catch { /* not ours */ }
    });
    for (const name of ["StateChanged", "PresenceChanged", "MessageFlagged", "ChatCleared", "AccessRevoked"]) connection.on(name, () => {});
    connection.onreconnected(() => connection.invoke("JoinRoom", client.room.setId));
    await connection.start();
    await connection.invoke("JoinRoom", client.room.setId);
    client.connection = connection;
});

console.error(`Sending for ${durationMs / 1000} s, every ${intervalMs / 1000} s per member…`);
const started = Date.now();
const timers = clients.map((client, i) => {
    const send = async () => {
        if (Date.now() - started > durationMs) return;
        try {
            const ack = await client.connection.invoke("SendMessage", client.room.setId, crypto.randomUUID(), JSON.stringify({ t: Date.now(), from: client.handle }));
            acked.set(`${client.room.setId}:${ack.seq}`, client.room.members.length);
        } catch (error) { sendErrors++; const kind = String(error?.message ?? error).replace(/^.*HubException: /, "").slice(0, 80); errorKinds[kind] = (errorKinds[kind] ?? 0) + 1; }
    };
    // Spread the first sends over the interval so load is steady.
    return setTimeout(() => { send(); client.interval = setInterval(send, intervalMs); }, (i * intervalMs) / clients.length);
});
const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssMb() ?? 0); }, 1000);
await new Promise((resolve) => setTimeout(resolve, durationMs + intervalMs));
for (const client of clients) clearInterval(client.interval);
timers.forEach(clearTimeout);
await new Promise((resolve) => setTimeout(resolve, 5000)); // drain
clearInterval(sampler);

let expected = 0;
let lost = 0;
for (const [key, members] of acked) {
    expected += members;
    const setId = Number(key.split(":")[0]);
    for (const client of clients) if (client.room.setId === setId && !client.seen.has(key)) lost++;
}
latencies.sort((a, b) => a - b);
const pct = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : null;
const result = {
    servers: bases.length, rooms: rooms.length, members: clients.length, durationSeconds: durationMs / 1000, intervalSeconds: intervalMs / 1000,
    sent: acked.size, sendErrors, errorKinds, expectedDeliveries: expected, received, lost, duplicated: duplicates,
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1) ?? null },
    serverRssMb: { before: rssBefore || null, peak: rssPeak || null, after: rssMb() },
};
console.log(JSON.stringify(result, null, 2));
await Promise.all(clients.map((c) => c.connection.stop()));
process.exit(0);
