"""HTML pages of the dashboard. The article page is rendered here (Jinja2, autoescaped: article text is always
text); the other pages are shells whose scripts (static/*.js) fetch the JSON API and draw with plotly.js."""
from __future__ import annotations

from functools import cache
from typing import Any, get_args

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from herald.api import clusters, queries
from herald.api.database import Reader
from herald.api.highlight import marks_for, segments
from herald.records import MODALITIES
from herald.store.filters import QUAD_CLASS_NAMES, SortKey, plover_types
from herald.web import package_dir

router = APIRouter(include_in_schema=False)


@cache
def select_options() -> dict[str, list[tuple[Any, str]]]:
    """(value, label) pairs of the pages' select boxes (built on the first page served: the PLOVER types are read
    from the ontology)."""
    return {
        "event": [(t, t) for t in plover_types()],
        "quad_class": [(q, f"{q} {name}") for q, name in QUAD_CLASS_NAMES.items()],
        "modality": [(m, m) for m in MODALITIES],
        "sort": [(s, ("newest first" if s == "-date" else "oldest first" if s == "date" else
                      s.lstrip("-").replace("_", " ") + (" (high first)" if s.startswith("-") else " (low first)")))
                 for s in get_args(SortKey)],
        "interval": [("month", "month"), ("week", "week")],
        "direction": [("both", "both ways"), ("a_to_b", "A acts on B"), ("b_to_a", "B acts on A")],
        "level": [("country", "countries"), ("actor", "named actors")],
    }


PAGES = {"explorer": "Events", "dyads": "Dyads", "network": "Network", "map": "Map", "actors": "Actors"}


@cache
def templates():
    import jinja2
    from fastapi.templating import Jinja2Templates

    # autoescape=True for every template: whatever an article contains is rendered as text.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(package_dir("templates")), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return Jinja2Templates(env=env)


def _render(request: Request, name: str, page: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    values = {key: value for key, value in request.query_params.multi_items() if value}
    return templates().TemplateResponse(request, name, {"page": page, "pages": PAGES, "params": values,
                                                         "options": select_options(), **context},
                                        status_code=status_code)


def _shell(page: str):
    def shell(request: Request) -> HTMLResponse:
        return _render(request, f"{page}.html", page)
    return shell


for _page in PAGES:  # the pages whose scripts draw them: "/" (explorer) and "/<page>"
    router.add_api_route("/" if _page == "explorer" else f"/{_page}", _shell(_page), methods=["GET"],
                         response_class=HTMLResponse, name=_page)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, store: Reader, article_id: str, event: str | None = None) -> HTMLResponse:
    """The article with every event's trigger, actor, recipient, date and place highlighted; `event` selects one
    event: its sentence is marked and scrolled into view, and the other reports of the same real-world event are
    listed."""
    found = queries.get_article(store, article_id)
    if found is None:
        return _render(request, "missing.html", "article", status_code=404, what=f"article {article_id!r}")
    events = found["events"]
    selected = next((e for e in events if e["id"] == event), None)
    selected_id = selected["id"] if selected else None
    pieces = segments(found["text"], marks_for(found["text"], events, selected_id), selected_id)
    url = found.get("url") or ""
    cluster = clusters.cluster_of_event(store, selected_id) if selected_id else None  # its other reports
    return _render(request, "article.html", "article", article=found, segments=pieces, events=events,
                   selected=selected, article_url=url if url.startswith(("https://", "http://")) else None,
                   cluster=cluster)
