"""Dashboard query speed on a DuckDB store of 10 million synthetic events.

    .venv/bin/python benchmarks/query_speed.py                  # build (once) and time; --events 1000000 for a quick run
    .venv/bin/python benchmarks/query_speed.py --rebuild --repeat 7

The store is a real Herald store (`Store.open`, the real DDL) filled in bulk through Arrow: 10M events over 10
years in ~1.25M articles (8 events each, short synthetic bodies), countries drawn Zipf-like (a few dominate, as in
news), stored in publication order as ingestion writes them. Timed: the functions behind the dashboard
(herald.api.analysis / herald.api.queries: the SQL and the Python that shapes the answer; the network includes its
spring layout), then the same questions as bare SQL over `events` alone.
Each query runs once to warm up, then --repeat times: median and worst are reported.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import WORKDIR, peak_rss_mb  # noqa: E402

TYPES = {  # PLOVER type: (share, CAMEO code, QuadClass, Goldstein)
    "CONSULT": (0.20, "040", 1, 1.0), "AGREE": (0.06, "057", 1, 8.0), "SUPPORT": (0.08, "051", 1, 3.4),
    "REQUEST": (0.10, "020", 1, 3.0), "COOPERATE": (0.05, "060", 2, 6.0), "AID": (0.04, "070", 2, 7.0),
    "CONCEDE": (0.02, "080", 2, 5.0), "RETREAT": (0.01, "087", 2, 9.0), "ACCUSE": (0.12, "112", 3, -2.0),
    "REJECT": (0.05, "120", 3, -4.0), "THREATEN": (0.04, "130", 3, -4.4), "PROTEST": (0.05, "140", 3, -6.5),
    "SANCTION": (0.02, "163", 3, -8.0), "MOBILIZE": (0.02, "150", 4, -7.2), "COERCE": (0.06, "170", 4, -7.0),
    "ASSAULT": (0.08, "190", 4, -10.0),
}
SECTORS = ["GOV", "MIL", "REB", "CVL", "BUS", "LEG", "JUD", "POL", "MED", "EDU", "COP", "IGO"]
TRIGGERS = ["met", "said", "accused", "attacked", "called for", "agreed", "sanctioned", "protested", "visited"]
START = dt.date(2015, 1, 1)
DAYS = 3652
EVENTS_PER_ARTICLE = 8


def _countries() -> list[str]:
    import pycountry

    codes = sorted(c.alpha_3 for c in pycountry.countries)
    # the usual heavy hitters of news first, so the Zipf head looks like real event data
    head = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "TUR", "SYR", "PAK", "AFG", "IRQ"]
    return head + ["UNO", "IGO", "EUR"] + [c for c in codes if c not in head]


def _pick(rng, pool: list[str], n: int, weights=None, null_share: float = 0.0):
    """n strings from `pool` (vectorised through a dictionary array), a share of them null."""
    import numpy as np
    import pyarrow as pa

    index = rng.choice(len(pool), size=n, p=weights)
    mask = rng.random(n) < null_share if null_share else None
    return pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32), mask=mask),
                                          pa.array(pool, pa.string())).cast(pa.string())


def _labels(prefix: str, numbers, mask=None):
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.binary_join_element_wise(prefix, pc.cast(pa.array(numbers, mask=mask), pa.string()), "")


def event_chunk(rng, first: int, n: int, countries: list[str], zipf):
    """Events first .. first+n-1 as an Arrow table of the store's event schema."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from herald.store.columns import arrow_schema

    schema = arrow_schema()
    number = np.arange(first, first + n)
    article = number // EVENTS_PER_ARTICLE
    n_articles_total = max(1, int(first + n) // EVENTS_PER_ARTICLE + 1)
    published = (START.toordinal() - dt.date(1970, 1, 1).toordinal()
                 + (article * DAYS // max(n_articles_total, 1)).astype(np.int32))
    types = list(TYPES)
    type_index = rng.choice(len(types), size=n, p=[TYPES[t][0] for t in types])
    article_ids = _labels("syn-", article)
    empty_lists = pa.ListArray.from_arrays(pa.array(np.zeros(n + 1, dtype=np.int32)), pa.array([], pa.string()))
    lag = rng.integers(0, 4, size=n).astype(np.int32)
    dated = rng.random(n) < 0.8
    location = rng.random(n) < 0.55
    geonames = rng.integers(1, 20000, size=n)
    columns = {
        "id": pc.binary_join_element_wise(article_ids, pc.cast(pa.array(number % EVENTS_PER_ARTICLE), pa.string()),
                                          "#"),
        "article_id": article_ids,
        "published": pa.array(published, pa.int32()).cast(pa.date32()),
        "event": pa.array([types[i] for i in range(len(types))], pa.string()).take(pa.array(type_index)),
        "mode": pa.nulls(n, pa.string()),
        "context": empty_lists,
        "cameo": pa.array([TYPES[t][1] for t in types]).take(pa.array(type_index)),
        "cameo_root": pa.array([TYPES[t][1][:2] for t in types]).take(pa.array(type_index)),
        "quad_class": pa.array([TYPES[t][2] for t in types], pa.int8()).take(pa.array(type_index)),
        "goldstein": pa.array([TYPES[t][3] for t in types], pa.float64()).take(pa.array(type_index)),
        "modality": _pick(rng, ["asserted", "future", "negated", "hypothetical"], n, [0.85, 0.08, 0.04, 0.03]),
    }
    for side, null_share in (("actor", 0.1), ("recipient", 0.35)):
        named = rng.random(n) < 0.4
        columns.update({
            f"{side}_text": _labels("the official ", rng.integers(0, 5000, size=n)),
            f"{side}_name": _labels("Person ", rng.integers(0, 5000, size=n), mask=~named),
            f"{side}_country": _pick(rng, countries, n, zipf, null_share),
            f"{side}_sector": _pick(rng, SECTORS, n, null_share=0.2),
            f"{side}_other_sectors": empty_lists,
            f"{side}_office": pa.nulls(n, pa.string()),
            f"{side}_id": pa.nulls(n, pa.string()),
        })
    columns.update({
        "date_text": pa.nulls(n, pa.string()),
        "date_start": pa.array(published - lag, pa.int32(), mask=~dated).cast(pa.date32()),
        "date_end": pa.array(published - lag, pa.int32(), mask=~dated).cast(pa.date32()),
        "date_granularity": _pick(rng, ["day", "month"], n, [0.9, 0.1]),
        "date_source": _pick(rng, ["text", "publication"], n, [0.6, 0.4]),
        "location_text": _labels("Place ", geonames, mask=~location),
        "location_name": _labels("Place ", geonames, mask=~location),
        "location_country": _pick(rng, countries, n, zipf, 0.45),
        "location_geonames_id": pa.array(geonames, pa.int64(), mask=~location),
        "location_admin1": pa.nulls(n, pa.string()),
        "location_lat": pa.array(rng.uniform(-60, 70, size=n), mask=~location),
        "location_lon": pa.array(rng.uniform(-180, 180, size=n), mask=~location),
        "location_feature": pa.nulls(n, pa.string()),
        "location_source": pa.nulls(n, pa.string()),
        "trigger_text": _pick(rng, TRIGGERS, n),
        "trigger_start": pa.array((number % EVENTS_PER_ARTICLE * 60 + 10).astype(np.int32)),
        "trigger_end": pa.array((number % EVENTS_PER_ARTICLE * 60 + 16).astype(np.int32)),
        "sentence_index": pa.array((number % EVENTS_PER_ARTICLE).astype(np.int32)),
        "sentence_start": pa.array((number % EVENTS_PER_ARTICLE * 60).astype(np.int32)),
        "sentence_end": pa.array((number % EVENTS_PER_ARTICLE * 60 + 58).astype(np.int32)),
        "confidence": pa.array(rng.uniform(0.3, 1.0, size=n)),
        "coder": _pick(rng, ["rule:synthetic"], n),
    })
    return pa.table([columns[f.name].cast(f.type) for f in schema], schema=schema)


def article_chunk(first: int, n: int, n_total: int):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    number = np.arange(first, first + n)
    ids = _labels("syn-", number)
    published = (START.toordinal() - dt.date(1970, 1, 1).toordinal() + (number * DAYS // n_total)).astype(np.int32)
    body = " ".join(f"Sentence {i} of a synthetic story says that one side met the other side today." for i in
                    range(EVENTS_PER_ARTICLE))
    return pa.table({
        "id": ids, "content_hash": _labels("hash-", number), "published": pa.array(published).cast(pa.date32()),
        "title": pc.binary_join_element_wise("Synthetic story ", pc.cast(pa.array(number), pa.string()), ""),
        "url": pa.nulls(n, pa.string()), "source": pa.array(["synthetic"] * n), "section": pa.nulls(n, pa.string()),
        "source_path": pa.nulls(n, pa.string()), "text": pa.array([body] * n),
        "metadata": pa.array(["{}"] * n), "n_events": pa.array(np.full(n, EVENTS_PER_ARTICLE, dtype=np.int32)),
        "ingested_at": pa.array([dt.datetime(2025, 1, 1)] * n, pa.timestamp("us")),
    })


def build(db: Path, n_events: int, seed: int = 7) -> None:
    import numpy as np

    from herald.store import Store

    db.unlink(missing_ok=True)
    Path(str(db) + ".wal").unlink(missing_ok=True)
    rng = np.random.default_rng(seed)
    countries = _countries()
    ranks = np.arange(1, len(countries) + 1)
    zipf = (1 / ranks ** 1.1) / (1 / ranks ** 1.1).sum()
    n_articles = -(-n_events // EVENTS_PER_ARTICLE)
    began = time.perf_counter()
    with Store.open(db) as store:
        con = store.connection
        step = 1_000_000
        for first in range(0, n_events, step):
            table = event_chunk(rng, first, min(step, n_events - first), countries, zipf)
            con.register("_bench_events", table)
            con.execute("INSERT INTO events SELECT * FROM _bench_events")
            con.unregister("_bench_events")
        events_s = time.perf_counter() - began
        for first in range(0, n_articles, step):
            table = article_chunk(first, min(step, n_articles - first), n_articles)
            con.register("_bench_articles", table)
            con.execute(f"INSERT INTO articles ({', '.join(table.column_names)}) SELECT * FROM _bench_articles")
            con.unregister("_bench_articles")
        # the bulk inserts above bypass Store.write, which keeps the aggregate tables: build them from the events
        from herald.store import aggregates

        con.execute("BEGIN TRANSACTION")
        aggregates.rebuild(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        total = time.perf_counter() - began
        count = store.count("events")
    print(f"built {db}: {count:,} events ({events_s:.1f} s, {count / events_s:,.0f} rows/s via Arrow) and "
          f"{n_articles:,} articles; {total:.1f} s in all; file {db.stat().st_size / 1e9:.2f} GB")


def _time(fn, repeat: int) -> tuple[float, float, object]:
    result = fn()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times), max(times), result


def queries(store) -> list[tuple[str, object]]:
    """(label, zero-argument callable) for each timed question."""
    from herald.api.analysis import dyad_series, network, summary
    from herald.store.filters import EventFilters
    from herald.api.params import DyadParams, EventListParams, NetworkParams
    from herald.api.queries import list_events

    day = dt.date.fromisoformat
    bare = "FROM events e"
    date = "coalesce(e.date_start, e.published)"
    sql = store.connection

    def raw(query: str, params: list) -> object:
        return lambda: sql.execute(query, params).fetchall()

    return [
        ("api dyad monthly series USA-CHN", lambda: dyad_series(store, DyadParams(a="USA", b="CHN"))),
        ("api dyad monthly series FRA-TUR 2020-2024",
         lambda: dyad_series(store, DyadParams(a="FRA", b="TUR", since=day("2020-01-01"), until=day("2024-12-31")))),
        ("api events by actor RUS, one quarter", lambda: list_events(store, EventListParams(
            actor_country="RUS", since=day("2023-01-01"), until=day("2023-03-31"), limit=50))),
        ("api events by actor name + year", lambda: list_events(store, EventListParams(
            actor_name="Person 42", since=day("2022-01-01"), until=day("2022-12-31"), limit=50))),
        ("api network, countries, one year", lambda: network(store, NetworkParams(
            since=day("2024-01-01"), until=day("2024-12-31")))),
        ("api network, countries, all years", lambda: network(store, NetworkParams())),
        ("api network, named actors, one year", lambda: network(store, NetworkParams(
            level="actor", since=day("2024-01-01"), until=day("2024-12-31")))),
        ("api summary (dashboard home), all", lambda: summary(store, EventFilters())),
        ("sql dyad monthly series USA-CHN", raw(
            f"SELECT date_trunc('month', {date}) AS m, e.quad_class, count(*), sum(e.goldstein) {bare} WHERE "
            "(e.actor_country = ? AND e.recipient_country = ?) OR (e.actor_country = ? AND e.recipient_country = ?) "
            "GROUP BY ALL ORDER BY m", ["USA", "CHN", "CHN", "USA"])),
        ("sql events by actor RUS, one quarter", raw(
            f"SELECT * {bare} WHERE e.actor_country = ? AND {date} BETWEEN ? AND ? ORDER BY {date} DESC, "
            "e.article_id, e.trigger_start LIMIT 50", ["RUS", day("2023-01-01"), day("2023-03-31")])),
        ("sql events by actor RUS, quarter, late join", lambda: (sql.execute(
            f"SELECT count(*) {bare} WHERE e.actor_country = ? AND {date} BETWEEN ? AND ?",
            ["RUS", day("2023-01-01"), day("2023-03-31")]).fetchall(), sql.execute(
            f"WITH page AS (SELECT e.*, {date} AS event_date {bare} WHERE e.actor_country = ? AND {date} BETWEEN ? "
            "AND ? ORDER BY event_date DESC, e.article_id, e.trigger_start, e.id LIMIT 50) "
            "SELECT e.*, substring(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence, "
            "a.title FROM page e LEFT JOIN articles a ON a.id = e.article_id ORDER BY e.event_date DESC, "
            "e.article_id, e.trigger_start, e.id", ["RUS", day("2023-01-01"), day("2023-03-31")]).fetchall())[1]),
        ("sql network edges, one year", raw(
            f"SELECT e.actor_country, e.recipient_country, count(*) AS w, avg(e.goldstein) {bare} WHERE "
            f"{date} BETWEEN ? AND ? AND e.actor_country IS NOT NULL AND e.recipient_country IS NOT NULL AND "
            "e.actor_country <> e.recipient_country GROUP BY 1, 2 ORDER BY w DESC LIMIT 200",
            [day("2024-01-01"), day("2024-12-31")])),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=None, help="Default: $HERALD_BENCH_DIR/query-<N>.duckdb")
    parser.add_argument("--rebuild", action="store_true", help="Build the store again even if it exists.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores).")
    args = parser.parse_args()

    from herald.store import Store

    db = args.db or WORKDIR / f"query-{args.events}.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not db.exists():
        build(db, args.events)
    with Store.open(db, read_only=True) as store:
        if args.threads:
            store.connection.execute(f"SET threads = {int(args.threads)}")
        print(f"{store.count('events'):,} events, {store.count('articles'):,} articles in {db}")
        print(f"{'query':44} {'median s':>9} {'worst s':>8}  answer")
        for label, fn in queries(store):
            median, worst, result = _time(fn, args.repeat)
            size = (len(result) if isinstance(result, list) else
                    f"{len(result.get('edges', result.get('items', result.get('periods', []))))} rows"
                    if isinstance(result, dict) else "")
            flag = "" if median < 0.5 else "  (over 0.5 s)"
            print(f"{label:44} {median:9.3f} {worst:8.3f}  {size}{flag}", flush=True)
    print(f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
