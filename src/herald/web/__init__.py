"""The dashboard: HTML pages, our scripts and styles (static/), and the third-party assets it serves from installed
packages (plotly.js from `plotly`, Swagger UI and ReDoc from `fastapi-offline`). Nothing is loaded from a CDN."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles


def package_dir(name: str) -> Path:
    return Path(str(resources.files("herald.web") / name))


def mount_dashboard(app: FastAPI) -> None:
    from herald.web.assets import router as assets_router
    from herald.web.pages import router as pages_router

    app.include_router(assets_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=package_dir("static")), name="static")
