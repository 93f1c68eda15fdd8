"""The API under load: a real `herald serve` on the loopback, N concurrent clients over the dashboard's endpoints.

    .venv/bin/python benchmarks/api_load.py                      # 10M events, 20 clients, 1,000 requests
    .venv/bin/python benchmarks/api_load.py --events 1000000 --clients 20 --requests 1000

The store is the synthetic one of `benchmarks/query_speed.py` (`make benchmark-queries`), built once under
$HERALD_BENCH_DIR. The server is the real CLI (`herald serve`, uvicorn, 127.0.0.1, a free port, read-only), started
fresh and timed from its first answer. The clients (asyncio + httpx, one connection each, in this process) replay
what the dashboard pages fetch (herald/web/static/*.js): the explorer (a page of events + the summary), the dyad
view (summary + dyad series), the map (places), the network, the actors and clusters lists, each with a mix of the
filters a user picks (none, a top country, a year, an event type, a dyad). Every client sends its share of a fixed
number of requests, each as soon as its previous answer is read (closed loop). Reported: requests/s, and p50, p95,
p99 and worst latency per endpoint and overall, counting the first requests (cold) too. With --warm, every distinct
request of the run is first sent once, one at a time and untimed (the steady state of a dashboard whose views have
been seen once since the last write); without it, the run starts on a fresh server (only its start-up warm-up done).

The load generator runs on the same cores as the server: on a 2-core machine it takes a share of the CPU.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import WORKDIR  # noqa: E402

HERALD = Path(sys.executable).with_name("herald")
COUNTRIES = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "TUR", "SYR"]
TYPES = ["CONSULT", "ACCUSE", "ASSAULT", "REQUEST", "PROTEST", "AGREE"]
YEARS = list(range(2016, 2025))


def _filters(rng: random.Random) -> dict[str, str]:
    """What a user typically sets in the filter bar: mostly nothing, else one or two filters."""
    roll = rng.random()
    if roll < 0.45:
        return {}
    if roll < 0.65:
        return {"actor_country": rng.choice(COUNTRIES)}
    if roll < 0.80:
        year = rng.choice(YEARS)
        return {"since": f"{year}-01-01", "until": f"{year}-12-31"}
    if roll < 0.92:
        return {"event": rng.choice(TYPES)}
    return {"actor_country": rng.choice(COUNTRIES), "event": rng.choice(TYPES)}


def _view(rng: random.Random) -> list[tuple[str, str, dict[str, str]]]:
    """The requests of one dashboard page view: (endpoint label, path, query)."""
    filters = _filters(rng)
    page = rng.random()
    if page < 0.40:  # explorer: a page of events and the summary (some users page on)
        offset = str(rng.choice([0, 0, 0, 50, 100]))
        return [("events", "/api/events", {**filters, "limit": "50", "offset": offset}),
                ("summary", "/api/summary", filters)]
    if page < 0.60:  # dyads: the summary (its top dyads), then a pair's monthly series
        a, b = rng.sample(COUNTRIES[:8], 2)
        shared = {k: v for k, v in filters.items() if k in ("event", "since", "until")}
        return [("summary", "/api/summary", shared), ("dyads", "/api/dyads", {**shared, "a": a, "b": b})]
    if page < 0.75:
        return [("places", "/api/places", filters)]
    if page < 0.90:
        return [("network", "/api/network", filters)]
    if page < 0.95:
        return [("actors", "/api/actors", {})]
    return [("clusters", "/api/clusters", {})]


def distinct(requests: list) -> list:
    seen, out = set(), []
    for label, path, query in requests:
        key = (path, tuple(sorted(query.items())))
        if key not in seen:
            seen.add(key)
            out.append((label, path, query))
    return out


def plan(n_requests: int, seed: int) -> list[tuple[str, str, dict[str, str]]]:
    rng = random.Random(seed)
    requests: list[tuple[str, str, dict[str, str]]] = []
    while len(requests) < n_requests:
        requests.extend(_view(rng))
    return requests[:n_requests]


async def _client(http, work: list, results: list, errors: list) -> None:
    async with http:
        for label, path, query in work:
            began = time.perf_counter()
            response = await http.get(path, params=query)
            body = response.content
            elapsed = time.perf_counter() - began
            if response.status_code != 200:
                errors.append((label, query, response.status_code, body[:200]))
            results.append((label, elapsed, began))


async def run_load(base: str, requests: list, clients: int) -> tuple[list, list, float]:
    import httpx

    shares = [requests[i::clients] for i in range(clients)]
    # the clients are made before the clock starts (making one costs ~40 ms: its TLS context, unused here)
    https = [httpx.AsyncClient(base_url=base, timeout=600, limits=httpx.Limits(max_connections=1))
             for _ in range(clients)]
    results: list = []
    errors: list = []
    began = time.perf_counter()
    await asyncio.gather(*(_client(http, share, results, errors) for http, share in zip(https, shares)))
    return results, errors, time.perf_counter() - began


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def report(results: list, wall: float) -> dict:
    by_label: dict[str, list[float]] = {}
    for label, elapsed, _ in results:
        by_label.setdefault(label, []).append(elapsed)
    rows = {}
    print(f"{'endpoint':10} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    for label, values in sorted(by_label.items()) + [("all", [e for _, e, _ in results])]:
        row = {"requests": len(values), "rps": len(values) / wall,
               **{f"p{p}": _percentile(values, p) * 1000 for p in (50, 95, 99)}, "max": max(values) * 1000}
        rows[label] = row
        print(f"{label:10} {row['requests']:8d} {row['rps']:7.1f} {row['p50']:7.0f} {row['p95']:7.0f} "
              f"{row['p99']:7.0f} {row['max']:7.0f}")
    return rows


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str, float]:
    import httpx

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "HERALD_API_TOKEN"}
    out = open(log, "wb")
    began = time.perf_counter()
    process = subprocess.Popen([str(HERALD), "serve", "--db", str(db), "--port", str(port), "--log-level",
                                "warning"], stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    while True:
        if process.poll() is not None:
            raise SystemExit(f"herald serve exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                return process, url, time.perf_counter() - began
        except httpx.TransportError:
            pass
        if time.perf_counter() - began > 300:
            process.kill()
            raise SystemExit("herald serve did not answer within 300 s")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000, help="Size of the synthetic store.")
    parser.add_argument("--db", type=Path, default=None, help="Default: $HERALD_BENCH_DIR/query-<N>.duckdb")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--warm", action="store_true", help="Send each distinct request once before the timed run.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the results as JSON here.")
    args = parser.parse_args()

    import httpx

    db = args.db or WORKDIR / f"query-{args.events}.duckdb"
    if not db.exists():
        from query_speed import build

        db.parent.mkdir(parents=True, exist_ok=True)
        build(db, args.events)
    log = WORKDIR / "api-load-server.log"
    process, url, ready = start_server(db, log)
    try:
        print(f"herald serve on {url} over {db} ({args.events:,} events): first answer after {ready:.1f} s; "
              f"{args.clients} clients, {args.requests} requests; cores: {os.cpu_count()} (shared with the clients)")
        requests = plan(args.requests, args.seed)
        if args.warm:
            views = distinct(requests)
            _, warm_errors, warm_wall = asyncio.run(run_load(url, views, 1))
            print(f"warm-up: {len(views)} distinct requests, one at a time, in {warm_wall:.1f} s "
                  f"({len(warm_errors)} errors)")
        results, errors, wall = asyncio.run(run_load(url, requests, args.clients))
        cache = httpx.get(f"{url}/api/health", timeout=60).json().get("cache")
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f"{len(results)} requests in {wall:.1f} s, {len(errors)} errors, load average {os.getloadavg()[0]:.1f}; "
          f"answer cache: {cache or 'none'}")
    for label, query, code, body in errors[:5]:
        print(f"  error {code} on {label} {query}: {body!r}")
    rows = report(results, wall)
    if args.json:
        args.json.write_text(json.dumps({"events": args.events, "clients": args.clients, "warm": args.warm,
                                         "wall_s": wall, "errors": len(errors), "cache": cache, "endpoints": rows},
                                        indent=2))
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
