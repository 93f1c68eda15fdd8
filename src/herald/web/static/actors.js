/* The actor knowledge base as a table; a name opens the explorer on that actor's events. */
"use strict";

(async () => {
  const H = Herald;
  const query = H.withValues(H.params(), {limit: 200});
  try {
    const data = await H.api("/api/actors", query);
    H.status(`${data.total.toLocaleString()} actors${data.total > data.items.length ? `, the ${data.items.length} most mentioned shown` : ""}`);
    document.querySelector("#actors tbody").replaceChildren(...data.items.map((a) => H.el("tr", {},
      H.el("td", {}, H.el("a", {href: "/?" + new URLSearchParams({actor_name: a.name})}, a.name)),
      H.el("td", {}, a.country || "—"), H.el("td", {}, [a.sector, ...(a.other_sectors || [])].filter(Boolean).join(", ") || "—"),
      H.el("td", {}, a.office || "—"), H.el("td", {}, a.kind || "—"), H.el("td", {}, a.mentions),
      H.el("td", {class: "nowrap"}, a.first_seen ? `${a.first_seen} – ${a.last_seen}` : "—"))));
  } catch (error) {
    H.status(error.message, true);
  }
})();
