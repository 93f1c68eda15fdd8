"""The store's tables of events across articles (`herald.clusters` fills them) and their SQL.

- `clusters`: one row per real-world event; its key (type, modality, actors), the dates and country its reports
  agree on, and counts of mentions, articles, distinct sources and near-copies, recomputed from the members.
- `cluster_members`: event -> cluster (every stored event belongs to exactly one cluster once clustered), with the
  event's date interval and place country as clustering read them.
- `article_copies`: one row per article the clustering stage has seen (with the content hash it saw);
  `copy_of` names the stored article it nearly copies (a syndicated copy), NULL for none.
- `article_buckets`: the LSH band buckets of each article's MinHash signature (the near-copy index).

Every write goes through the Store's connection (the store's single writer) and every value is a SQL parameter.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

CLUSTER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"), ("first_event_id", "VARCHAR NOT NULL"), ("event", "VARCHAR NOT NULL"),
    ("modality", "VARCHAR"), ("actor_country", "VARCHAR"), ("actor_sector", "VARCHAR"),
    ("recipient_country", "VARCHAR"), ("recipient_sector", "VARCHAR"), ("actor_name", "VARCHAR"),
    ("recipient_name", "VARCHAR"), ("location_country", "VARCHAR"), ("date_start", "DATE"), ("date_end", "DATE"),
    ("first_published", "DATE"), ("last_published", "DATE"),
    ("first_seen", "TIMESTAMP"), ("last_seen", "TIMESTAMP"),
    ("mentions", "INTEGER"), ("articles", "INTEGER"), ("sources", "INTEGER"), ("copies", "INTEGER"),
)
KEY_COLUMNS = ("event", "modality", "actor_country", "actor_sector", "recipient_country", "recipient_sector")

CLUSTER_DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS clusters (\n  " + ",\n  ".join(f"{c} {t}" for c, t in CLUSTER_COLUMNS) + "\n)",
    "CREATE TABLE IF NOT EXISTS cluster_members (event_id VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL, "
    "article_id VARCHAR NOT NULL, date_lo DATE, date_hi DATE, place_country VARCHAR, actor_name VARCHAR, "
    "recipient_name VARCHAR)",
    "CREATE TABLE IF NOT EXISTS article_copies (article_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, "
    "copy_of VARCHAR, similarity DOUBLE, checked_at TIMESTAMP)",
    "CREATE TABLE IF NOT EXISTS article_buckets (bucket BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
)
CLUSTER_TABLES = ("clusters", "cluster_members", "article_copies", "article_buckets")

# How clustering reads an event (alias e): its date interval (NULL = unbounded on that side: "some time before
# the story" has no start) and its place country (a place Herald guessed for the whole article is unknown).
DATE_LO = "CASE WHEN e.date_start IS NULL AND e.date_end IS NULL THEN e.published ELSE e.date_start END"
DATE_HI = ("CASE WHEN e.date_start IS NULL AND e.date_end IS NULL THEN e.published "
           "ELSE coalesce(e.date_end, e.date_start) END")
PLACE = "CASE WHEN e.location_source = 'article' THEN NULL ELSE e.location_country END"


def outlet(alias: str) -> str:
    """The outlet of an article: its `source`, else its URL's host (without www.), lower-cased; NULL if neither."""
    host = rf"nullif(regexp_extract({alias}.url, '^[A-Za-z][A-Za-z0-9+.-]*://(?:www\.)?([^/:?#]+)', 1), '')"
    return f"lower(coalesce(nullif(trim({alias}.source), ''), {host}))"


# A copy takes its original's outlet when it names none; an article with no known outlet is its own source.
SOURCE_KEY = f"coalesce({outlet('a')}, {outlet('o')}, 'article:' || coalesce(c.copy_of, a.id))"

def _longest(column: str) -> str:
    """The longest name the members give (the most specific; ties: the first in alphabetical order)."""
    return f"first(m.{column} ORDER BY length(m.{column}) DESC, m.{column}) FILTER (WHERE m.{column} IS NOT NULL)"


_REFRESH = f"""
UPDATE clusters SET mentions = agg.mentions, articles = agg.articles, sources = agg.sources, copies = agg.copies,
  date_start = agg.date_start, date_end = agg.date_end, location_country = agg.location_country,
  first_published = agg.first_published, last_published = agg.last_published, first_seen = agg.first_seen,
  last_seen = agg.last_seen, actor_name = agg.actor_name, recipient_name = agg.recipient_name
FROM (
  SELECT m.cluster_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
    count(DISTINCT {SOURCE_KEY}) AS sources, count(DISTINCT CASE WHEN c.copy_of IS NOT NULL THEN a.id END) AS copies,
    {_longest('actor_name')} AS actor_name, {_longest('recipient_name')} AS recipient_name,
    max(m.date_lo) AS date_start, min(m.date_hi) AS date_end, min(m.place_country) AS location_country,
    min(a.published) AS first_published, max(a.published) AS last_published,
    min(a.ingested_at) AS first_seen, max(a.ingested_at) AS last_seen
  FROM cluster_members m JOIN articles a ON a.id = m.article_id
  LEFT JOIN article_copies c ON c.article_id = a.id LEFT JOIN articles o ON o.id = c.copy_of
  WHERE m.cluster_id IN (SELECT unnest(?)) GROUP BY m.cluster_id
) AS agg
WHERE clusters.id = agg.cluster_id
"""


class ClusterTables:
    """Reads and writes of the cluster tables over one Store connection (in the caller's transaction)."""

    def __init__(self, connection):
        self._con = connection

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        import pyarrow as pa

        data = pa.table({name: [row[i] for row in rows] for i, name in enumerate(columns)})
        self._con.register("_herald_cluster_rows", data)
        try:
            self._con.execute(f"INSERT INTO {table} ({', '.join(columns)}) "
                              f"SELECT {', '.join(columns)} FROM _herald_cluster_rows")
        finally:
            self._con.unregister("_herald_cluster_rows")

    # -- what to do --------------------------------------------------------------------------------------------
    def pending_articles(self, limit: int) -> list[dict[str, Any]]:
        """Stored articles clustering has not seen in their stored version, in the order they were stored (those
        stored together: by publication date, then id)."""
        return self._rows(
            "SELECT a.id, a.content_hash, a.text, a.published FROM articles a "
            "LEFT JOIN article_copies c ON c.article_id = a.id AND c.content_hash = a.content_hash "
            "WHERE c.article_id IS NULL ORDER BY a.ingested_at, a.published, a.id LIMIT ?", [limit])

    def forget(self, article_ids: list[str]) -> set[str]:
        """Drop what clustering knew of these articles (they are new or changed); returns the clusters that lost
        members."""
        if not article_ids:
            return set()
        lost = {r["cluster_id"] for r in self._rows(
            "SELECT DISTINCT cluster_id FROM cluster_members WHERE article_id IN (SELECT unnest(?))", [article_ids])}
        for table in ("cluster_members", "article_copies", "article_buckets"):
            self._con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids])
        return lost

    # -- near copies -------------------------------------------------------------------------------------------
    def articles_in_buckets(self, buckets: list[int]) -> list[tuple[int, str]]:
        if not buckets:
            return []
        return self._con.execute("SELECT bucket, article_id FROM article_buckets WHERE bucket IN (SELECT unnest(?))",
                                 [buckets]).fetchall()

    def texts(self, article_ids: list[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        return dict(self._con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))",
                                      [article_ids]).fetchall())

    def add_buckets(self, rows: list[tuple[int, str]]) -> None:
        self._insert("article_buckets", ("bucket", "article_id"), rows)

    def add_copies(self, rows: list[tuple[str, str, str | None, float | None, dt.datetime]]) -> None:
        self._insert("article_copies", ("article_id", "content_hash", "copy_of", "similarity", "checked_at"), rows)

    # -- events and clusters -----------------------------------------------------------------------------------
    def reports(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """The stored events of these articles as clustering reads them."""
        if not article_ids:
            return []
        return self._rows(
            f"SELECT e.id, e.article_id, {', '.join('e.' + k for k in KEY_COLUMNS)}, {DATE_LO} AS date_lo, "
            f"{DATE_HI} AS date_hi, {PLACE} AS place_country, e.actor_name, e.recipient_name FROM events e "
            "WHERE e.article_id IN (SELECT unnest(?)) ORDER BY e.article_id, e.trigger_start, e.id", [article_ids])

    def candidates(self, keys: list[tuple], lo: dt.date | None, hi: dt.date | None) -> list[dict[str, Any]]:
        """Clusters with one of these keys whose dates may overlap [lo, hi] (None: unbounded)."""
        if not keys:
            return []
        import pyarrow as pa

        table = pa.table({name: [k[i] for k in keys] for i, name in enumerate(KEY_COLUMNS)},
                         schema=pa.schema([(name, pa.string()) for name in KEY_COLUMNS]))
        on = " AND ".join(f"coalesce(c.{k}, '') = coalesce(k.{k}, '')" for k in KEY_COLUMNS)
        self._con.register("_herald_cluster_keys", table)
        try:
            return self._rows(
                f"SELECT c.id, {', '.join('c.' + k for k in KEY_COLUMNS)}, c.date_start, c.date_end, "
                "c.location_country, c.actor_name, c.recipient_name, c.first_seen "
                f"FROM clusters c JOIN _herald_cluster_keys k ON {on} "
                "WHERE (c.date_end IS NULL OR ?::DATE IS NULL OR c.date_end >= ?::DATE) "
                "AND (c.date_start IS NULL OR ?::DATE IS NULL OR c.date_start <= ?::DATE) "
                "ORDER BY c.first_seen, c.id", [lo, lo, hi, hi])
        finally:
            self._con.unregister("_herald_cluster_keys")

    def existing_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        return {i for (i,) in self._con.execute("SELECT id FROM clusters WHERE id IN (SELECT unnest(?))",
                                                [ids]).fetchall()}

    def add_clusters(self, rows: list[tuple]) -> None:
        self._insert("clusters", ("id", "first_event_id", *KEY_COLUMNS), rows)

    def add_members(self, rows: list[tuple]) -> None:
        self._insert("cluster_members", ("event_id", "cluster_id", "article_id", "date_lo", "date_hi",
                                         "place_country", "actor_name", "recipient_name"), rows)

    def refresh(self, cluster_ids: set[str]) -> None:
        """Recompute dates, place and counts of these clusters from their members; drop those left empty."""
        if not cluster_ids:
            return
        ids = sorted(cluster_ids)
        self._con.execute("DELETE FROM clusters WHERE id IN (SELECT unnest(?)) "
                          "AND id NOT IN (SELECT cluster_id FROM cluster_members WHERE cluster_id IN "
                          "(SELECT unnest(?)))", [ids, ids])
        self._con.execute(_REFRESH, [ids])

    def clear(self) -> None:
        for table in CLUSTER_TABLES:
            self._con.execute(f"DELETE FROM {table}")


# `herald export --one-a-day`: one event per cluster per day (the event's date, else its publication date): the
# first report (earliest published, then article id and position). Events not clustered (yet) are all kept.
ONE_A_DAY = ("(e.id IN (SELECT event_id FROM (SELECT m.event_id, row_number() OVER (PARTITION BY m.cluster_id, "
             "coalesce(x.date_start, x.published) ORDER BY x.published, x.article_id, x.trigger_start, x.id) AS n "
             "FROM cluster_members m JOIN events x ON x.id = m.event_id) WHERE n = 1) "
             "OR e.id NOT IN (SELECT event_id FROM cluster_members))")


def has_clusters(store) -> bool:
    """Does the store have the cluster tables (a store written before clusters existed does not)?"""
    tables = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'cluster_members'"
    return bool(store.query(tables)[1][0][0])


def require_clusters(store) -> None:
    """A clear error for a store whose clusters were never built."""
    from herald.errors import StoreError

    if not has_clusters(store):
        raise StoreError(f"{store.path} has no clusters yet: open it once for writing (`herald clusters --rebuild "
                         f"--db {store.path}`) to build them")
