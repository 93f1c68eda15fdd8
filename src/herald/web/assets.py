"""Third-party browser assets served from the installed Python packages that ship them, and the offline API docs."""
from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from herald.errors import ConfigError

router = APIRouter(include_in_schema=False)

# URL name -> (package, path inside it, media type). Only these files are served.
ASSETS: dict[str, tuple[str, str, str]] = {
    "plotly.min.js": ("plotly", "package_data/plotly.min.js", "text/javascript"),
    "swagger-ui-bundle.js": ("fastapi_offline", "static/swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("fastapi_offline", "static/swagger-ui.css", "text/css"),
    "redoc.standalone.js": ("fastapi_offline", "static/redoc.standalone.js", "text/javascript"),
}
_CACHE = {"Cache-Control": "public, max-age=86400"}


@cache
def asset_path(name: str) -> Path:
    """Where an installed package keeps an asset (found without importing the package)."""
    package, inner, _ = ASSETS[name]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"the dashboard needs the Python package {package!r} (for {name}); reinstall Herald")
    path = Path(next(iter(spec.submodule_search_locations))) / inner
    if not path.is_file():
        raise ConfigError(f"{package} does not ship {inner}; reinstall Herald's pinned version")
    return path


@router.get("/assets/{name}")
def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(404, f"no asset {name!r}")
    return FileResponse(asset_path(name), media_type=ASSETS[name][2], headers=_CACHE)


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url=request.app.openapi_url, title="Herald API",
                               swagger_js_url="/assets/swagger-ui-bundle.js", swagger_css_url="/assets/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg")


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(openapi_url=request.app.openapi_url, title="Herald API",
                          redoc_js_url="/assets/redoc.standalone.js", redoc_favicon_url="/static/favicon.svg",
                          with_google_fonts=False)
