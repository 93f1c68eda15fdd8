/* Event map: one marker per place (plotly scattergeo over our own world outline); click for its events. */
"use strict";

(async () => {
  const H = Herald;
  const query = H.params();
  H.status("Loading…");
  try {
    const data = await H.api("/api/places", query);
    H.status(data.items.length ? `${data.items.length} places` : "No located events match these filters.");
    draw(data.items);
  } catch (error) {
    H.status(error.message, true);
  }

  function draw(places) {
    const trace = {
      type: "scattergeo", mode: "markers", lon: places.map((p) => p.lon), lat: places.map((p) => p.lat),
      customdata: places.map((p) => [p.geonames_id, p.name]),
      text: places.map((p) => `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} events, mean Goldstein ${p.goldstein_mean}, mostly ${p.top_event}`),
      hoverinfo: "text",
      marker: {size: places.map((p) => 6 + 4 * Math.sqrt(p.events)), color: places.map((p) => p.goldstein_mean),
               colorscale: H.GOLDSTEIN_SCALE, cmin: -10, cmax: 10, opacity: 0.8, line: {color: "#333", width: 0.5},
               colorbar: {title: {text: "mean<br>Goldstein"}, thickness: 12}},
    };
    const div = document.getElementById("map");
    H.plot(div, [trace], {
      height: 600, margin: {l: 0, r: 0, t: 0, b: 0},
      geo: {scope: "world", resolution: 110, projection: {type: "natural earth"}, lataxis: {range: [-58, 84]},
            showland: true, landcolor: "#e8ecef",
            showcountries: true, countrycolor: "#b0bec5", showcoastlines: false, showocean: false, showlakes: false,
            showrivers: false, showframe: true, framecolor: "#cfd8dc", bgcolor: "#f7fbff"},
    });
    div.on("plotly_click", (event) => showEvents(event.points[0].customdata));
  }

  function showEvents([geonamesId, name]) {
    const base = H.omit(query, ["place", "geonames_id"]);
    const where = geonamesId ? {geonames_id: geonamesId} : {place: name};
    H.showDetails(H.withValues(base, Object.assign({limit: 200, sort: "-date"}, where)),
                  (page) => `${name}: ${page.total} events`);
  }
})();
