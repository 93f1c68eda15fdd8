"""`herald events` and `herald export` as a user runs them, and the one filter model they share with the REST API:
the same filters select the same events everywhere."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from herald.ingestion import examples_dir, ingest_paths
from herald.store import Store
from herald.store.filters import EventFilters
from tests.conftest import SEED


def herald(*args, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "herald", *map(str, args)], capture_output=True, text=True,
                          check=check)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store-cli") / "herald.duckdb"
    ingest_paths([str(examples_dir()), str(SEED)], path)
    return path


def api_ids(db, query: str) -> list[str]:
    from herald.api import ApiConfig, create_app
    from tests.api.conftest import AsgiClient

    app = create_app(ApiConfig(db=db))
    client = AsgiClient(app)
    try:
        body = client.get(f"/api/events?limit=500&{query}").json()
    finally:
        client.close()
        app.state.database.close()
    return [item["id"] for item in body["items"]]


def test_cli_api_and_export_select_the_same_events(db, tmp_path):
    with Store.open(db, read_only=True) as store:
        expected = [r["id"] for r in store.events(EventFilters(actor_country="NOR", event=["CONSULT"]), limit=None)]
    assert expected  # the Norway-Kenya example talks
    listed = herald("events", "--db", db, "--actor", "nor", "--type", "consult", "-f", "jsonl").stdout
    assert [json.loads(line)["id"] for line in listed.splitlines()] == expected
    assert api_ids(db, "actor_country=NOR&event=CONSULT") == expected
    out = tmp_path / "nor.jsonl"
    herald("export", "--db", db, "-o", out, "--actor", "NOR", "--type", "CONSULT")
    assert sorted(json.loads(line)["id"] for line in out.read_text().splitlines()) == sorted(expected)


def test_date_filters_agree_across_cli_and_api(db):
    listed = herald("events", "--db", db, "--since", "2024-06-01", "--until", "2024-12-31", "-f", "jsonl",
                    "--limit", "1000").stdout
    ids = [json.loads(line)["id"] for line in listed.splitlines()]
    assert ids and ids == api_ids(db, "since=2024-06-01&until=2024-12-31")
    assert set(ids).isdisjoint(api_ids(db, "until=2024-05-31"))


@pytest.mark.parametrize(("args", "message"), [
    (["--type", "fight"], "--type"),
    (["--actor", "KAZAKHSTAN"], "--actor"),
    (["--since", "2024-13-01"], "--since"),
])
def test_bad_filters_are_usage_errors_naming_the_option(db, args, message):
    for command in ("events", "export"):
        result = herald(command, "--db", db, *args, check=False)
        assert result.returncode == 2 and message in result.stderr, result.stderr
