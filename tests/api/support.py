"""Shared by tests/api and tests/web: one real store per test session (the VOA corpus plus an article of ours full
of markup, ingested by the real CLI), copies of it, and a real `herald serve` process on a free localhost port."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import VOA

HERALD = Path(sys.executable).with_name("herald")
TOKEN = "test-token-" + "7f3a9c" * 4

# Written for these tests: a plausible story whose body and title carry script and event-handler payloads.
XSS_ID = "herald-test-markup"
XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=2">'
XSS_ARTICLE = {
    "id": XSS_ID,
    "published": "2024-06-03",
    "title": "<script>window.__pwned=3</script> Border talks resume",
    "url": "javascript:window.__pwned=4",
    "text": ("Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto in Nairobi on Monday to "
             f"discuss trade and security. {XSS_SCRIPT} The two leaders agreed to expand cooperation on border "
             f"management, officials said. {XSS_IMG} Police in Mombasa arrested three men on Sunday after a protest "
             "turned violent, the interior ministry said in a statement."),
}
# Posted to the live server by a test (not ingested beforehand).
POSTED_ARTICLE = {
    "id": "herald-test-posted-1",
    "published": "2024-07-09",
    "title": "Ministers meet over fishing dispute",
    "text": ("The foreign minister of Japan met his South Korean counterpart in Seoul on Tuesday to discuss a "
             "dispute over fishing rights. Japan accused South Korea of violating an earlier agreement, and the "
             "two governments agreed to hold further talks next month, officials said."),
}


def build_store(base: Path) -> Path:
    """The session's master store (built once, ~30 s): VOA + the markup article, by `herald ingest`."""
    db = base / "voa.duckdb"
    done = base / "voa.done"
    if done.exists():
        return db
    base.mkdir(parents=True, exist_ok=True)
    ours = base / "markup.jsonl"
    ours.write_text(json.dumps(XSS_ARTICLE) + "\n", encoding="utf-8")
    subprocess.run([str(HERALD), "ingest", str(VOA), str(ours), "--db", str(db), "--no-progress"], check=True,
                   capture_output=True, text=True, timeout=300)
    done.write_text("ok")
    return db


def copy_store(master: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(master, target)
    return target


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    port: int
    token: str | None
    process: subprocess.Popen
    log: Path


@contextmanager
def live_server(db: Path, workdir: Path, token: str | None = TOKEN,
                extra_args: tuple[str, ...] = ()) -> Iterator[LiveServer]:
    """`herald serve` as a subprocess (uvicorn, default host), ready when /api/health answers."""
    port = free_port()
    args = [str(HERALD), "serve", "--db", str(db), "--port", str(port), "--log-level", "warning", *extra_args]
    if token:
        token_file = workdir / "token"
        token_file.write_text(token + "\n", encoding="utf-8")
        args += ["--token-file", str(token_file)]
    log = workdir / f"server-{port}.log"
    env = {k: v for k, v in os.environ.items() if k != "HERALD_API_TOKEN"}
    with open(log, "wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"herald serve exited with {process.returncode}: {log.read_text()}")
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"herald serve did not answer within 60 s: {log.read_text()}")
            time.sleep(0.2)
        yield LiveServer(url, port, token, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def listening_addresses(port: int) -> set[str]:
    """Local IPv4 addresses with a socket listening on `port` (from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        address, state = fields[1], fields[3]
        host_hex, port_hex = address.split(":")
        if state == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(host_hex)[::-1]))
    return found
