/* Live mode (`herald serve --watch DIR`): show the folder watcher's state from /api/health and call `onNewEvents`
   when the store holds new events, so the page redraws without a reload. On a server without a watcher it asks once
   and stays quiet. */
"use strict";

Herald.live = (onNewEvents, every = 3000) => {
  const box = document.getElementById("live");
  let events = null;
  async function poll() {
    let health;
    try {
      health = await Herald.api("/api/health");
    } catch (error) {
      if (box && !box.hidden) box.textContent = `Live: the server does not answer (${error.message})`;
      setTimeout(poll, every);
      return;
    }
    const w = health.watcher;
    if (!w) return;
    if (box) {
      box.hidden = false;
      box.classList.toggle("error", Boolean(w.last_error));
      box.textContent = `Live: ${w.running ? "watching" : "stopped watching"} ${w.directory} · ${w.files_seen} files · ` +
        `${w.articles_processed.toLocaleString()} articles coded, ${w.articles_failed.toLocaleString()} failed · ` +
        `${health.events.toLocaleString()} events` + (w.last_error ? ` · last error: ${w.last_error}` : "");
    }
    if (events !== null && health.events !== events) onNewEvents();
    events = health.events;
    setTimeout(poll, every);
  }
  poll();
};
