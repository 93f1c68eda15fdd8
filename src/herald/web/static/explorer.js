/* Event explorer: summary, events per month by QuadClass (click a bar to see that month), a page of events. */
"use strict";

(async () => {
  const H = Herald;
  const query = H.params();
  const filters = H.omit(query, ["sort", "offset", "limit"]);
  const limit = 50;
  const offset = Math.max(0, Number(query.get("offset") || 0));
  H.status("Loading…");
  await load();
  H.live(load);  // live mode: redraw when the watcher has stored new events

  async function load() {
    try {
      const [page, summary] = await Promise.all([
        H.api("/api/events", H.withValues(query, {limit, offset})),
        H.api("/api/summary", filters),
      ]);
      renderSummary(summary);
      renderTimeline(summary);
      renderPage(page);
      H.status(page.total ? "" : "No events match these filters.");
    } catch (error) {
      H.status(error.message, true);
    }
  }

  function renderSummary(s) {
    const cards = document.getElementById("summary");
    const card = (label, value) => H.el("div", {class: "card"}, H.el("span", {class: "value"}, value), H.el("span", {}, label));
    cards.replaceChildren(
      card("events", s.events.toLocaleString()),
      card("articles", s.articles.toLocaleString()),
      card("dated", s.first ? `${s.first} – ${s.last}` : "—"),
      card("mean Goldstein", s.goldstein_mean === null ? "—" : s.goldstein_mean.toFixed(2)),
      card("top types", s.by_event.slice(0, 3).map((r) => `${r.event} ${r.events}`).join(" · ") || "—"));
  }

  function renderTimeline(s) {
    const months = [...new Set(s.monthly.map((r) => r.month))];
    const traces = Object.entries(H.QUAD).map(([quad, info]) => {
      const counts = new Map(s.monthly.filter((r) => String(r.quad_class) === quad).map((r) => [r.month, r.events]));
      return {type: "bar", name: info.name, x: months, y: months.map((m) => counts.get(m) || 0),
              marker: {color: info.color}, customdata: months, hovertemplate: "%{x|%b %Y}: %{y} events<extra>%{fullData.name}</extra>"};
    });
    const totals = months.map((m) => s.monthly.filter((r) => r.month === m).reduce((a, r) => a + r.events, 0));
    const range = H.focusRange(months, totals);
    const div = document.getElementById("timeline");
    if (div.removeAllListeners) div.removeAllListeners("plotly_click");  // redrawn in live mode
    H.plot(div, traces, {barmode: "stack", xaxis: Object.assign({type: "date"}, range ? {range} : {}), yaxis: {title: {text: "events"}}, height: 260});
    div.on("plotly_click", (event) => {
      const month = event.points[0].customdata;
      location.search = H.withValues(query, {since: month, until: H.monthEnd(month), offset: null}).toString();
    });
  }

  function renderPage(page) {
    document.querySelector("#events tbody").replaceChildren(...page.items.map(H.eventRow));
    const last = Math.min(page.offset + page.items.length, page.total);
    document.getElementById("page-info").textContent =
      page.total ? `${page.offset + 1}–${last} of ${page.total.toLocaleString()}` : "";
    const prev = document.getElementById("prev");
    const next = document.getElementById("next");
    prev.disabled = page.offset === 0;
    next.disabled = last >= page.total;
    prev.onclick = () => { location.search = H.withValues(query, {offset: Math.max(0, page.offset - limit) || null}).toString(); };
    next.onclick = () => { location.search = H.withValues(query, {offset: page.offset + limit}).toString(); };
  }
})();
