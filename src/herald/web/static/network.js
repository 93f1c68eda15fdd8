/* Actor network: nodes placed by the server (networkx spring layout), edges coloured by mean Goldstein. */
"use strict";

(async () => {
  const H = Herald;
  const query = H.params();
  H.status("Loading…");
  try {
    const data = await H.api("/api/network", query);
    H.status(data.edges.length ? `${data.nodes.length} ${data.level === "country" ? "countries" : "actors"}, ${data.edges.length} directed edges`
                               : "No interactions match these filters.");
    draw(data);
    table(data);
  } catch (error) {
    H.status(error.message, true);
  }

  function tone(g) {
    if (g === null || g === undefined) return {name: "neutral", color: "#9e9e9e"};
    if (g > 1) return {name: "cooperative", color: "#1a9641"};
    if (g < -1) return {name: "conflictual", color: "#d7191c"};
    return {name: "neutral", color: "#9e9e9e"};
  }

  function draw(data) {
    const at = new Map(data.nodes.map((n) => [n.id, n]));
    const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
    const groups = new Map();
    const mid = {x: [], y: [], text: [], customdata: [], color: []};
    for (const e of data.edges) {
      const s = at.get(e.source), t = at.get(e.target);
      // shift each directed edge a little to its right so A->B and B->A stay apart
      const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
      const ox = (dy / len) * 0.012, oy = (-dx / len) * 0.012;
      const width = 1 + Math.round(5 * Math.sqrt(e.weight / maxWeight));
      const t0 = tone(e.goldstein_mean);
      const key = `${t0.name}-${width}`;
      if (!groups.has(key)) groups.set(key, {x: [], y: [], color: t0.color, width});
      const g = groups.get(key);
      g.x.push(s.x + ox, t.x + ox, null);
      g.y.push(s.y + oy, t.y + oy, null);
      mid.x.push((s.x + t.x) / 2 + ox);
      mid.y.push((s.y + t.y) / 2 + oy);
      mid.color.push(t0.color);
      mid.customdata.push([e.source, e.target]);
      mid.text.push(`${e.source} → ${e.target}: ${e.weight} events, mean Goldstein ${e.goldstein_mean}, mostly ${e.top_event}`);
    }
    const traces = [...groups.values()].map((g) => ({type: "scatter", mode: "lines", x: g.x, y: g.y, hoverinfo: "skip",
      showlegend: false, line: {color: g.color, width: g.width}, opacity: 0.55}));
    const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
    traces.push({type: "scatter", mode: "markers", name: "edges", x: mid.x, y: mid.y, text: mid.text, customdata: mid.customdata,
      hoverinfo: "text", showlegend: false, marker: {size: 9, color: mid.color, symbol: "diamond", opacity: 0.8}});
    traces.push({type: "scatter", mode: "markers+text", name: "nodes", x: data.nodes.map((n) => n.x), y: data.nodes.map((n) => n.y),
      text: data.nodes.map((n) => n.id), textposition: "top center", customdata: data.nodes.map((n) => n.id),
      hovertext: data.nodes.map((n) => `${n.id}${n.country && n.country !== n.id ? " (" + n.country + ")" : ""}: ${n.events} events (acts ${n.acts}, receives ${n.receives})`),
      hoverinfo: "text", showlegend: false,
      marker: {size: data.nodes.map((n) => 10 + 34 * Math.sqrt(n.events / maxEvents)), color: "#4575b4", opacity: 0.9,
               line: {color: "#fff", width: 1}}});
    const axis = {visible: false, showgrid: false, zeroline: false};
    const div = document.getElementById("graph");
    H.plot(div, traces, {height: 640, xaxis: axis, yaxis: Object.assign({scaleanchor: "x"}, axis), hovermode: "closest",
                         dragmode: "pan", margin: {l: 10, r: 10, t: 10, b: 10}});
    const nodeTrace = traces.length - 1, edgeTrace = traces.length - 2;
    div.on("plotly_click", (event) => {
      const point = event.points[0];
      const base = H.pick(query, ["event", "quad_class", "modality", "since", "until"]);
      if (point.curveNumber === nodeTrace) {
        const key = data.level === "country" ? "actor_country" : "actor_name";
        location.href = "/?" + H.withValues(base, {[key]: point.customdata});
      } else if (point.curveNumber === edgeTrace) {
        const [source, target] = point.customdata;
        location.href = data.level === "country"
          ? "/dyads?" + H.withValues(base, {a: source, b: target, direction: "a_to_b"})
          : "/?" + H.withValues(base, {actor_name: source, recipient_name: target});
      }
    });
  }

  function table(data) {
    document.querySelector("#edges tbody").replaceChildren(...data.edges.slice(0, 100).map((e) =>
      H.el("tr", {}, H.el("td", {}, e.source), H.el("td", {}, e.target), H.el("td", {}, e.weight),
           H.el("td", {}, e.goldstein_mean ?? "—"), H.el("td", {}, e.top_event || "—"))));
  }
})();
