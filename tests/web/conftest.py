"""Fixtures of the dashboard tests: a live read-only server on the session's store, and headless Debian Chromium
driven by Playwright (never a downloaded browser). Every request that leaves the server is recorded and aborted."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.api.support import build_store, copy_store, live_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def web_server(tmp_path_factory):
    master = build_store(tmp_path_factory.getbasetemp() / "herald-store")
    work = tmp_path_factory.mktemp("web-server")
    with live_server(copy_store(master, work / "web.duckdb"), work, token=None) as running:
        yield running


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $HERALD_SCREENSHOT_DIR (to refresh docs/img) or a temporary folder."""
    wanted = os.environ.get("HERALD_SCREENSHOT_DIR")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Browsing:
    """One Chromium profile for the session; pages collect console errors, and outside requests are refused."""

    def __init__(self, context, base_url: str):
        self.context = context
        self.base_url = base_url
        self.outside: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base_url + "/") or url == self.base_url or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str):
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(f"{path}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"{path}: {e}"))
        page.goto(self.base_url + path)
        return page


@pytest.fixture(scope="session")
def browser(web_server, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/install-system-deps.sh"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        browsing = Browsing(context, web_server.url)
        yield browsing
        context.close()
