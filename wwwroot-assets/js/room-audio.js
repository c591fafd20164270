// Audio in a set's room: a full mesh of WebRTC peers, one per other person on the audio, signalled through the room
// hub. Each pair follows the perfect-negotiation pattern, with politeness by rule (the lower member id is polite), and
// restarts ICE, with fresh TURN credentials, when a connection fails or stalls. The server decides who may speak in
// each part of the meeting; this page mutes itself when it may not, and never unmutes anyone: people unmute
// themselves. Audio from someone who may not speak now is not played. Joining is a deliberate click, because
// browsers only play sound after one.

const speakingLevel = 0.02; // RMS of the microphone signal above which someone is speaking
const speakingHoldMs = 700;
// A connection that has not started connecting this long after it was made or restarted, or that has stayed
// disconnected this long, is restarted: one whose TURN server did not answer in time gathers no candidates and would
// otherwise wait for ever, and the browser only gives up on a dropped one after half a minute.
const stalledAfterMs = 8000;

export function createAudio({ connection, setId, myId, root, say, announce, alertText, errorText, nameOf }) {
    const $ = (id) => document.getElementById(id);
    const section = $("audio-section");
    const none = { applyState() {}, async rejoin() {}, leave() {}, speaking: () => false };
    if (!section) return none;
    if (!window.RTCPeerConnection || !navigator.mediaDevices?.getUserMedia) {
        // Without WebRTC or a microphone API (an old browser, or a page not served over HTTPS): say so, keep the chat.
        $("audio-unsupported").hidden = false;
        $("audio-join").hidden = true;
        return { ...none, applyState(s) { section.hidden = !s || s.audioFloor === "Closed"; } };
    }
    const joinButton = $("audio-join");
    const muteButton = $("audio-mute");
    const leaveButton = $("audio-leave");
    const releaseButton = $("audio-release");
    const stateText = $("audio-state");
    const floorText = $("audio-floor");
    const askedText = $("audio-asked");
    const outputs = $("audio-out");
    const cameraButton = $("camera-toggle");
    const videoGrid = $("video-grid");
    let camera = null; // this page's camera, while its person shares it: a small picture, never required

    let state = null;
    let stream = null; // this page's microphone
    let session = null; // this page's audio session: new on every join, so peers rebuild after a reconnect
    let muted = true;
    let ice = { servers: [], relayOnly: false };
    const peers = new Map(); // memberId -> { memberId, pc, session, polite, makingOffer, ignoreOffer, queue, audio, watchdog, restarts, ... }
    const levels = new Map(); // memberId -> { analyser, data, lastLoud }
    let audioContext = null;

    const maySpeak = (s, memberId) => !!s && (s.audioFloor === "Open"
        || (s.audioFloor === "Presenter" && (s.facilitatorId === memberId || s.presenter?.memberId === memberId || s.floor?.memberId === memberId)));

    // ---- Joining and leaving
    joinButton.addEventListener("click", () => join().catch((error) => {
        alertText(error?.name === "NotAllowedError" ? say("audioNoMicrophone") : errorText(error));
        leaveLocally();
    }));
    leaveButton.addEventListener("click", async () => {
        leaveLocally();
        announce(say("audioLeft"));
        joinButton.focus();
        try { await connection.invoke("LeaveAudio", setId); } catch { /* the server forgets it when the connection ends */ }
    });
    releaseButton.addEventListener("click", () => connection.invoke("ReleaseFloor", setId).catch((error) => alertText(errorText(error))));
    muteButton.addEventListener("click", () => toggleMute());
    document.addEventListener("keydown", (event) => {
        // Alt+M, as the button says; a modifier, so typing in the chat never mutes anyone (WCAG 2.1.4).
        if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyM" && stream) {
            event.preventDefault();
            toggleMute();
        }
    });

    async function join() {
        joinButton.disabled = true;
        try {
            stream ??= await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
            audioContext ??= new AudioContext();
            await audioContext.resume();
            meter(myId, stream);
            await enter(!maySpeak(state, myId));
            announce(muted ? say("audioJoinedMuted") : say("audioJoined"));
            muteButton.focus();
        } finally {
            joinButton.disabled = false;
        }
    }

    // Joins (or joins again, after a reconnect) under a new session, and connects to everyone already on the audio
    // and to anyone who joins meanwhile. Both ends of a pair may start; perfect negotiation settles who offers.
    let ready = false;
    let arrivals = [];
    async function enter(startMuted) {
        closePeers();
        ready = false;
        arrivals = [];
        session = crypto.randomUUID();
        const joined = await connection.invoke("JoinAudio", setId, session, startMuted);
        ice = joined.ice;
        renewBeforeExpiry();
        setMuted(joined.muted);
        ready = true;
        render();
        const waiting = arrivals;
        arrivals = [];
        for (const peer of joined.peers) peerFor(peer.memberId, peer.session);
        for (const arrival of waiting) {
            if (arrival.signal) onSignal(...arrival.signal);
            else peerFor(arrival.memberId, arrival.session);
        }
    }

    connection.on("AudioJoined", (memberId, peerSession) => {
        if (!stream || !session || memberId === myId) return;
        // Until this page's own join is done, the server would refuse its signals: connect once it is.
        if (!ready) arrivals.push({ memberId, session: peerSession });
        else peerFor(memberId, peerSession);
    });

    function leaveLocally() {
        clearTimeout(renewal);
        stopCamera();
        closePeers();
        ready = false;
        if (stream) for (const track of stream.getTracks()) track.stop();
        stream = null;
        session = null;
        levels.delete(myId);
        askedText.hidden = true;
        render();
    }

    function closePeers() {
        for (const memberId of [...peers.keys()]) closePeer(memberId);
    }

    function closePeer(memberId) {
        const peer = peers.get(memberId);
        if (!peer) return;
        peers.delete(memberId);
        levels.delete(memberId);
        clearTimeout(peer.watchdog);
        peer.pc.close();
        peer.audio.remove();
        peer.thumbnail?.remove();
    }

    // ---- Video: each person may share a small picture of themselves, sent to everyone on the audio.
    cameraButton.addEventListener("click", () => (camera ? stopCamera(true) : startCamera()).catch((error) => {
        alertText(error?.name === "NotAllowedError" ? say("cameraRefused") : errorText(error));
    }));

    async function startCamera() {
        if (!stream) return;
        camera = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { max: 15 } } });
        for (const peer of peers.values()) sendCamera(peer);
        announce(say("cameraOn"));
        render();
    }

    function stopCamera(said) {
        if (!camera) return;
        for (const peer of peers.values()) {
            if (peer.videoSender) peer.pc.removeTrack(peer.videoSender);
            peer.videoSender = null;
        }
        for (const track of camera.getTracks()) track.stop();
        camera = null;
        if (said) announce(say("cameraOff"));
        render();
    }

    function sendCamera(peer) {
        const [track] = camera?.getVideoTracks() ?? [];
        if (track && !peer.videoSender) peer.videoSender = peer.pc.addTrack(track, camera);
    }

    // Someone's picture: shown while their camera sends, named for screen readers, without sound of its own.
    function showVideo(peer, track) {
        peer.thumbnail?.remove();
        const figure = document.createElement("figure");
        figure.className = "video-thumb";
        const video = document.createElement("video");
        video.autoplay = true;
        video.muted = true;
        video.playsInline = true;
        video.srcObject = new MediaStream([track]);
        video.setAttribute("aria-label", say("cameraOf", nameOf(peer.memberId)));
        const caption = document.createElement("figcaption");
        caption.textContent = nameOf(peer.memberId);
        figure.append(video, caption);
        peer.thumbnail = figure;
        const shown = () => { figure.hidden = track.muted || track.readyState === "ended"; videoGrid.hidden = !videoGrid.querySelector("figure:not([hidden])"); };
        track.addEventListener("mute", shown);
        track.addEventListener("unmute", shown);
        track.addEventListener("ended", () => { figure.remove(); shown(); });
        videoGrid.append(figure);
        video.play().catch(() => {});
        shown();
    }

    // ---- Muting: always allowed; unmuting only when this part of the meeting lets this person speak.
    async function toggleMute() {
        if (!stream) return;
        if (!muted) {
            setMuted(true);
            announce(say("youAreMuted"));
            await connection.invoke("SetMuted", setId, true).catch(() => {});
            return;
        }
        if (!maySpeak(state, myId)) {
            announce(say("audioNotYourFloor"));
            return;
        }
        try {
            await connection.invoke("SetMuted", setId, false);
            setMuted(false);
            announce(say("youAreUnmuted"));
        } catch (error) {
            alertText(errorText(error));
        }
    }

    function setMuted(value) {
        muted = value;
        if (muted) askedText.hidden = true;
        if (stream) for (const track of stream.getAudioTracks()) track.enabled = !muted;
        render();
    }

    // ---- Peers: perfect negotiation, one RTCPeerConnection per other person on the audio.
    function peerFor(memberId, peerSession) {
        let peer = peers.get(memberId);
        if (peer && peer.session !== peerSession) {
            closePeer(memberId); // they joined again (a reconnect, or another window): start afresh
            peer = null;
        }
        if (peer) return peer;
        const pc = new RTCPeerConnection(rtcConfig());
        const audio = document.createElement("audio");
        audio.autoplay = true;
        outputs.append(audio);
        peer = { memberId, pc, session: peerSession, polite: myId < memberId, makingOffer: false, ignoreOffer: false, queue: Promise.resolve(), audio, videoSender: null, thumbnail: null, watchdog: null, restarts: 0 };
        peers.set(memberId, peer);
        for (const track of stream.getTracks()) pc.addTrack(track, stream);
        sendCamera(peer);
        pc.onnegotiationneeded = () => offer(peer);
        pc.onicecandidate = ({ candidate }) => { if (candidate) signal(memberId, peer, "candidate", candidate); };
        pc.onconnectionstatechange = () => watch(peer);
        watch(peer);
        pc.ontrack = ({ track, streams }) => {
            if (track.kind === "video") {
                showVideo(peer, track);
                return;
            }
            audio.srcObject = streams[0] ?? new MediaStream([track]);
            audio.muted = !maySpeak(state, memberId);
            audio.play().catch(() => {});
            meter(memberId, audio.srcObject);
        };
        return peer;
    }

    async function offer(peer) {
        try {
            peer.makingOffer = true;
            await peer.pc.setLocalDescription();
            signal(peer.memberId, peer, "description", peer.pc.localDescription);
        } catch {
            // A newer negotiation replaces this one.
        } finally {
            peer.makingOffer = false;
        }
    }

    // Restarts a connection that fails at once, and one that stalls (stalledAfterMs) once it has stalled, waiting
    // twice as long after each restart that did not help, up to a minute.
    function watch(peer) {
        clearTimeout(peer.watchdog);
        const now = peer.pc.connectionState;
        if (now === "connected") peer.restarts = 0;
        else if (now === "failed") restart(peer);
        else if (now === "new" || now === "disconnected") arm(peer);
    }

    function arm(peer) {
        clearTimeout(peer.watchdog);
        const wait = Math.min(stalledAfterMs * 2 ** peer.restarts, 60000);
        peer.watchdog = setTimeout(() => {
            if (!["connected", "connecting", "closed"].includes(peer.pc.connectionState)) restart(peer);
        }, wait);
    }

    // ICE again with fresh TURN credentials (those in hand may have expired, or the server may have been away). An
    // offer still unanswered is made again, because the restart waits for the answer that may never come.
    async function restart(peer) {
        if (peers.get(peer.memberId) !== peer) return;
        peer.restarts++;
        if (ice.servers.length) {
            if (await freshIce()) renewBeforeExpiry();
            if (peers.get(peer.memberId) !== peer) return;
            peer.pc.setConfiguration(rtcConfig());
        }
        peer.pc.restartIce();
        if (peer.pc.signalingState === "have-local-offer") await offer(peer);
        arm(peer);
    }

    function rtcConfig() {
        const config = { iceServers: ice.servers.map((s) => ({ urls: s.urls, username: s.username, credential: s.credential })) };
        if (ice.relayOnly) config.iceTransportPolicy = "relay";
        return config;
    }

    // TURN credentials expire (Rooms:Turn:CredentialMinutes), and a meeting can outlast them: a few minutes before
    // they do, fetch new ones and restart ICE on every connection with them.
    let renewal = null;
    function renewBeforeExpiry() {
        clearTimeout(renewal);
        if (!ice.expiresAt) return;
        const wait = Math.max(30000, new Date(ice.expiresAt).getTime() - Date.now() - 5 * 60000);
        renewal = setTimeout(async () => {
            if (!stream) return;
            if (await freshIce()) {
                for (const peer of peers.values()) {
                    peer.pc.setConfiguration(rtcConfig());
                    peer.pc.restartIce();
                }
            }
            renewBeforeExpiry();
        }, wait);
    }

    // New credentials from the hub; one request serves every connection that asks at the same moment (a whole room's,
    // when the TURN server was away). False when refused or disconnected: a rejoin after the reconnect fetches them.
    let fetchingIce = null;
    function freshIce() {
        fetchingIce ??= connection.invoke("IceServers", setId)
            .then((fresh) => { ice = fresh; return true; }, () => false)
            .finally(() => { fetchingIce = null; });
        return fetchingIce;
    }

    function signal(memberId, peer, kind, payload) {
        if (peers.get(memberId) !== peer) return;
        connection.invoke("Signal", setId, memberId, peer.session, kind, JSON.stringify(payload)).catch(() => {
            // They left the audio: the list of people says so, and their connection is closed then.
        });
    }

    connection.on("Signal", (...message) => {
        // Someone may answer this page's arrival before its own join has returned: keep it until then.
        if (stream && !ready && message[2] === session) arrivals.push({ signal: message });
        else onSignal(...message);
    });

    function onSignal(fromMemberId, fromSession, toSession, kind, payload) {
        if (!stream || !ready || toSession !== session) return;
        const peer = peerFor(fromMemberId, fromSession);
        // One message at a time per peer, in the order they came: a candidate waits for its description.
        peer.queue = peer.queue.then(() => receive(peer, kind, JSON.parse(payload))).catch(() => {});
    }

    async function receive(peer, kind, payload) {
        const pc = peer.pc;
        if (kind === "description") {
            const collision = payload.type === "offer" && (peer.makingOffer || pc.signalingState !== "stable");
            peer.ignoreOffer = !peer.polite && collision;
            if (peer.ignoreOffer) return;
            await pc.setRemoteDescription(payload);
            if (payload.type === "offer") {
                await pc.setLocalDescription();
                signal(peer.memberId, peer, "description", pc.localDescription);
            }
        } else if (kind === "candidate") {
            try {
                await pc.addIceCandidate(payload);
            } catch (error) {
                if (!peer.ignoreOffer) throw error;
            }
        }
    }

    connection.on("AskedToMute", () => {
        if (!stream || muted) return;
        askedText.hidden = false;
        announce(say("askedToMute"));
    });

    connection.on("AudioMoved", () => {
        if (!stream) return;
        leaveLocally();
        connection.invoke("LeaveAudio", setId).catch(() => {});
        announce(say("audioMoved"));
    });

    // ---- Who is speaking: an audio level per person, shown as a word beside their name, not by colour alone.
    function meter(memberId, mediaStream) {
        if (!audioContext || !mediaStream?.getAudioTracks().length) return;
        const analyser = audioContext.createAnalyser();
        analyser.fftSize = 512;
        audioContext.createMediaStreamSource(mediaStream).connect(analyser);
        levels.set(memberId, { analyser, data: new Float32Array(analyser.fftSize), lastLoud: 0 });
    }

    function speaking(memberId) {
        const level = levels.get(memberId);
        if (!level || (memberId === myId && muted)) return false;
        const peer = peers.get(memberId);
        if (peer && peer.audio.muted) return false;
        return performance.now() - level.lastLoud < speakingHoldMs;
    }

    let shownSpeaking = "";
    setInterval(() => {
        if (levels.size === 0 && !shownSpeaking) return;
        const now = performance.now();
        for (const level of levels.values()) {
            level.analyser.getFloatTimeDomainData(level.data);
            let sum = 0;
            for (const sample of level.data) sum += sample * sample;
            if (Math.sqrt(sum / level.data.length) > speakingLevel) level.lastLoud = now;
        }
        const who = [...levels.keys()].filter(speaking).sort().join(",");
        if (who !== shownSpeaking) {
            shownSpeaking = who;
            root.dispatchEvent(new Event("plc:speaking"));
        }
    }, 200);

    // ---- The room's state and people
    function applyState(next) {
        const previous = state;
        state = next;
        if (next.audioFloor === "Closed" && stream) {
            leaveLocally();
            announce(say("audioEnded"));
        }
        if (stream && !muted && !maySpeak(next, myId)) {
            setMuted(true);
            connection.invoke("SetMuted", setId, true).catch(() => {});
            announce(say("mutedForPresentation"));
        } else if (stream && muted && maySpeak(next, myId) && !maySpeak(previous, myId)) {
            announce(next.floor?.memberId === myId ? say("youHaveTheFloor") : say("youMayUnmute"));
        }
        for (const [memberId, peer] of peers) peer.audio.muted = !maySpeak(next, memberId);
        render();
    }

    // Someone's audio session ended: close the connection to that session only (they may be back under a new one).
    connection.on("AudioLeft", (memberId, endedSession) => {
        const peer = peers.get(memberId);
        if (peer && (endedSession === null || peer.session === endedSession)) closePeer(memberId);
    });

    // After a reconnect the old session is gone on the server: join again, as muted as before.
    async function rejoin() {
        if (!stream || state?.audioFloor === "Closed") return;
        try {
            await enter(muted);
        } catch (error) {
            leaveLocally();
            alertText(errorText(error));
        }
    }

    function render() {
        const open = !!state && state.audioFloor !== "Closed";
        section.hidden = !open;
        joinButton.hidden = !!stream;
        muteButton.hidden = !stream;
        leaveButton.hidden = !stream;
        cameraButton.hidden = !stream;
        cameraButton.setAttribute("aria-pressed", camera ? "true" : "false");
        if (!videoGrid.querySelector("figure:not([hidden])")) videoGrid.hidden = true;
        muteButton.setAttribute("aria-pressed", muted ? "true" : "false");
        muteButton.setAttribute("aria-disabled", muted && !maySpeak(state, myId) ? "true" : "false");
        stateText.textContent = !stream ? say("audioNotJoined") : muted ? say("youAreMuted") : say("youAreUnmuted");
        releaseButton.hidden = !(stream && state?.floor?.memberId === myId);
        floorText.textContent = !open ? ""
            : state.audioFloor === "Presenter"
                ? (maySpeak(state, myId) ? (state.floor?.memberId === myId ? say("youHaveTheFloor") : say("floorPresenterYou")) : say("floorPresenter"))
                : say("floorOpen");
    }

    render();
    return { applyState, rejoin, leave: leaveLocally, speaking };
}
