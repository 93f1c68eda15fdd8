/* Herald dashboard helpers. Data from the API is only ever put in the page as text (textContent, text nodes),
   never as HTML. */
"use strict";

const Herald = (() => {
  const QUAD = {
    1: {name: "verbal cooperation", color: "#a6d96a"},
    2: {name: "material cooperation", color: "#1a9641"},
    3: {name: "verbal conflict", color: "#fdae61"},
    4: {name: "material conflict", color: "#d7191c"},
  };

  // Goldstein -10 (conflict, red) .. 0 (pale) .. +10 (cooperation, green)
  const GOLDSTEIN_SCALE = [[0, "#d7191c"], [0.25, "#fdae61"], [0.5, "#f5f5bd"], [0.75, "#a6d96a"], [1, "#1a9641"]];

  if (window.Plotly) {
    // plotly.js would fetch map outlines from its CDN; ours are served by this app (static/world_110m.json).
    Plotly.setPlotConfig({topojsonURL: "/static/", displaylogo: false, responsive: true});
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** The page's query parameters, without empty values. */
  function params() {
    const out = new URLSearchParams();
    for (const [key, value] of new URLSearchParams(location.search)) if (value !== "") out.append(key, value);
    return out;
  }

  function pick(source, names) {
    const out = new URLSearchParams();
    for (const [key, value] of source) if (names.includes(key)) out.append(key, value);
    return out;
  }

  function omit(source, names) {
    const out = new URLSearchParams();
    for (const [key, value] of source) if (!names.includes(key)) out.append(key, value);
    return out;
  }

  function withValues(source, values) {
    const out = new URLSearchParams(source);
    for (const [key, value] of Object.entries(values)) {
      if (value === null || value === undefined || value === "") out.delete(key);
      else out.set(key, value);
    }
    return out;
  }

  /** GET a JSON endpoint; a 4xx/5xx becomes an Error carrying the server's message. */
  async function api(path, query) {
    const qs = query && String(query) ? "?" + query : "";
    const response = await fetch(path + qs, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = body.message || (typeof body.detail === "string" ? body.detail : response.statusText);
      throw new Error(`${response.status}: ${detail}`);
    }
    return body;
  }

  function status(text, isError = false) {
    const node = document.getElementById("status");
    if (!node) return;
    node.textContent = text || "";
    node.classList.toggle("error", Boolean(isError));
  }

  function who(side) {
    if (!side) return "—";
    const name = side.name || side.text || "?";
    const tags = [side.country, side.sector].filter(Boolean).join(" ");
    return tags ? `${name} (${tags})` : name;
  }

  function articleHref(item) {
    return `/articles/${encodeURIComponent(item.article_id)}?event=${encodeURIComponent(item.id)}#selected`;
  }

  /** The event's sentence with its trigger marked. */
  function sentence(item) {
    const text = item.sentence || "";
    const start = item.trigger.start - item.text_info.start;
    const end = item.trigger.end - item.text_info.start;
    if (!(start >= 0 && end <= text.length && start < end)) return el("span", {class: "sentence"}, text);
    return el("span", {class: "sentence"}, text.slice(0, start),
              el("mark", {class: `q${item.quad_class || 0}`}, text.slice(start, end)), text.slice(end));
  }

  function place(item) {
    const loc = item.location;
    return loc ? (loc.name || loc.text) + (loc.country ? ` (${loc.country})` : "") : "—";
  }

  function eventLabel(item) {
    return item.event + (item.mode ? ` · ${item.mode}` : "");
  }

  function eventRow(item) {
    return el("tr", {class: `q${item.quad_class || 0}`},
      el("td", {class: "nowrap"}, item.event_date || ""),
      el("td", {}, el("strong", {}, eventLabel(item)),
         el("div", {class: "small"}, `CAMEO ${item.cameo || "—"} · Q${item.quad_class || "—"}` +
            (item.modality !== "asserted" ? ` · ${item.modality}` : ""))),
      el("td", {}, `${who(item.actor)} → ${who(item.recipient)}`),
      el("td", {}, place(item)),
      el("td", {}, sentence(item), " ", el("a", {href: articleHref(item), class: "open"}, "article ›")));
  }

  function eventListItem(item) {
    return el("li", {class: `q${item.quad_class || 0}`},
      el("div", {}, el("strong", {}, eventLabel(item)), ` ${item.event_date || ""} · ${who(item.actor)} → ${who(item.recipient)}`),
      el("div", {}, sentence(item)),
      el("a", {href: articleHref(item), class: "open"}, `read in “${item.article_title || item.article_id}” ›`));
  }

  /** Fetch events into the page's #details section (templates/_details.html), headed by `title(page)`. */
  async function showDetails(query, title) {
    try {
      const page = await api("/api/events", query);
      document.getElementById("details-title").textContent = title(page);
      document.getElementById("details-list").replaceChildren(...page.items.map(eventListItem));
      document.getElementById("details").scrollIntoView({behavior: "smooth", block: "start"});
    } catch (error) {
      status(error.message, true);
    }
  }

  function plot(div, data, layout = {}, config = {}) {
    const base = {margin: {l: 50, r: 30, t: 20, b: 40}, paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "#fff",
                  font: {family: "system-ui, sans-serif", size: 12}, legend: {orientation: "h"}};
    return Plotly.newPlot(div, data, Object.assign(base, layout), config);
  }

  /** The span of months holding the middle 98% of events (a few far-off dates would squeeze the rest). */
  function focusRange(months, counts) {
    const total = counts.reduce((a, b) => a + b, 0);
    if (months.length < 3 || !total) return null;
    let seen = 0, first = null, last = null;
    months.forEach((month, i) => {
      seen += counts[i];
      if (first === null && seen > total * 0.01) first = month;
      if (last === null && seen >= total * 0.99) last = month;
    });
    const pad = (iso, days) => new Date(Date.parse(iso) + days * 86400000).toISOString().slice(0, 10);
    return [pad(first, -20), pad(last, 45)];
  }

  /** Forms submit only their non-empty fields, so the URL (and the API call made from it) stays clean. */
  function bindForm(form) {
    if (!form) return;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const out = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (String(value).trim() !== "") out.append(key, String(value).trim());
      location.search = out.toString();
    });
  }

  function monthEnd(isoDay) {
    const [y, m] = isoDay.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${isoDay.slice(0, 7)}-${String(last).padStart(2, "0")}`;
  }

  bindForm(document.getElementById("filters"));
  return {QUAD, GOLDSTEIN_SCALE, focusRange, el, params, pick, omit, withValues, api, status, eventRow, showDetails, plot,
          monthEnd};
})();
