/* Dyad view: two countries -> events per period by QuadClass and the Goldstein sum; click a bar for its events. */
"use strict";

(async () => {
  const H = Herald;
  const query = H.params();
  const shared = ["event", "quad_class", "modality", "since", "until"];
  try {
    const summary = await H.api("/api/summary", H.pick(query, shared));
    renderTopDyads(summary.top_dyads);
    let a = (query.get("a") || "").toUpperCase();
    let b = (query.get("b") || "").toUpperCase();
    if (!a || !b) {
      if (!summary.top_dyads.length) return H.status("No events between two countries match these filters.");
      a = summary.top_dyads[0].actor;
      b = summary.top_dyads[0].recipient;
      document.querySelector("input[name=a]").value = a;
      document.querySelector("input[name=b]").value = b;
    }
    const series = await H.api("/api/dyads", H.withValues(query, {a, b}));
    render(series);
  } catch (error) {
    H.status(error.message, true);
  }

  function renderTopDyads(dyads) {
    const box = document.getElementById("top-dyads");
    box.replaceChildren(H.el("span", {class: "small"}, "Busiest: "), ...dyads.slice(0, 10).map((d) =>
      H.el("a", {class: "chip", href: "/dyads?" + H.withValues(query, {a: d.actor, b: d.recipient})},
           `${d.actor} → ${d.recipient} (${d.events})`)));
  }

  function render(s) {
    H.status(s.total ? `${s.a} and ${s.b}: ${s.total} events` : `No events between ${s.a} and ${s.b}.`);
    const custom = s.periods.map((p, i) => [p, s.period_ends[i]]);
    const traces = Object.entries(H.QUAD).map(([quad, info]) => ({
      type: "bar", name: info.name, x: s.periods, y: s.quad_class[quad], customdata: custom,
      marker: {color: info.color}, hovertemplate: "%{x}: %{y} events<extra>%{fullData.name}</extra>",
    }));
    traces.push({type: "scatter", mode: "lines+markers", name: "Goldstein sum", x: s.periods, y: s.goldstein_sum,
                 yaxis: "y2", customdata: custom, line: {color: "#333", width: 2}, marker: {size: 5},
                 hovertemplate: "%{x}: Goldstein %{y}<extra></extra>"});
    const div = document.getElementById("timeline");
    H.plot(div, traces, {
      barmode: "stack", height: 420, margin: {l: 50, r: 80, t: 20, b: 40}, xaxis: {type: "date"}, yaxis: {title: {text: "events"}},
      yaxis2: {title: {text: "Goldstein sum"}, overlaying: "y", side: "right", zeroline: true, zerolinecolor: "#999",
               showgrid: false},
    });
    div.on("plotly_click", (event) => {
      const point = event.points[0];
      const quad = point.data.type === "bar" ? Object.keys(H.QUAD)[point.curveNumber] : null;
      showEvents(s, point.customdata[0], point.customdata[1], quad);
    });
  }

  function showEvents(s, since, until, quad) {
    const sides = s.direction === "a_to_b" ? {actor_country: s.a, recipient_country: s.b}
      : s.direction === "b_to_a" ? {actor_country: s.b, recipient_country: s.a} : {dyad: `${s.a}-${s.b}`};
    const filters = H.withValues(H.pick(query, ["event", "quad_class", "modality"]),
                                 Object.assign({since, until, limit: 200, sort: "date"}, sides,
                                               quad ? {quad_class: quad} : {}));
    H.showDetails(filters, (page) =>
      `${s.a} ↔ ${s.b}, ${since} to ${until}${quad ? ", " + H.QUAD[quad].name : ""}: ${page.total} events`);
  }
})();
