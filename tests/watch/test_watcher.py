"""The watcher on a real store with the real pipeline: it codes new and changed files once, skips what it has
coded (also after a restart), waits for files still being written, turns bad files into failures and goes on."""
from __future__ import annotations

import json
import os
import time
from contextlib import nullcontext

import pytest

from herald.errors import ConfigError
from herald.lazy_pipeline import LazyPipeline
from herald.store import Store
from herald.watch import FolderScanner, Watcher

from tests.ingest.pages import BORDER_STORY, PORT_STORY, PROTEST_STORY, page_html


@pytest.fixture(scope="module")
def pipelines():
    return LazyPipeline()  # spaCy loads once for the module, on the first file


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "incoming"
    path.mkdir()
    return path


def settled(path, seconds: float = 5.0) -> None:
    """Date a file `seconds` back, as if it had been written a while ago."""
    when = time.time() - seconds
    os.utime(path, (when, when))


def watcher_on(store: Store, folder, pipelines, settle: float = 1.0) -> Watcher:
    return Watcher(FolderScanner(folder, settle_seconds=settle), lambda changes=True: nullcontext(store), pipelines)


def test_new_and_changed_files_are_coded_once_and_remembered(tmp_path, folder, pipelines):
    story = folder / "peru-bolivia.txt"
    story.write_text(f"date 2024-05-08 Border talks\n\n{BORDER_STORY}\n", encoding="utf-8")
    records = folder / "wire.jsonl"
    records.write_text(json.dumps({"id": "wire-1", "published": "2024-05-10", "text": PROTEST_STORY}) + "\n",
                       encoding="utf-8")
    page = folder / "port.html"
    page.write_text(page_html("Port reopens", PORT_STORY, "2024-05-06"), encoding="utf-8")
    for path in (story, records, page):
        settled(path)
    db = tmp_path / "live.duckdb"
    with Store.open(db) as store:
        watcher = watcher_on(store, folder, pipelines)
        assert watcher.scan_once() == 3
        status = watcher.status()
        counts = (status.files_seen, status.files_coded, status.articles_processed, status.articles_failed)
        assert counts == (3, 3, 3, 0)
        assert status.events == store.count("events") > 0 and status.last_scan and status.last_error is None
        ids = {r["id"] for r in store.rows("SELECT id FROM articles")}
        assert ids == {"peru-bolivia", "wire-1", "port"}
        assert watcher.scan_once() == 0  # nothing new

        story.write_text(f"date 2024-05-09 Border talks\n\n{BORDER_STORY} Talks resume on Friday.\n",
                         encoding="utf-8")
        settled(story, 2)
        assert watcher.scan_once() == 1  # the changed file, and only it
        stored = store.rows("SELECT published, text FROM articles WHERE id = 'peru-bolivia'")[0]
        assert str(stored["published"]) == "2024-05-09" and stored["text"].endswith("Talks resume on Friday.\n")
        assert store.count("articles") == 3

    with Store.open(db) as store:  # a restarted watcher remembers what it coded: nothing is parsed again
        restarted = watcher_on(store, folder, pipelines)
        assert restarted.scan_once() == 0
        assert restarted.status().files_seen == 3 and restarted.status().articles_processed == 0
        coded = store.rows("SELECT path, articles, failed FROM watched_files ORDER BY path")
        assert [(os.path.basename(r["path"]), r["articles"], r["failed"]) for r in coded] == [
            ("peru-bolivia.txt", 1, 0), ("port.html", 1, 0), ("wire.jsonl", 1, 0)]


def test_files_still_being_written_and_hidden_files_wait(tmp_path, folder, pipelines):
    fresh = folder / "fresh.txt"
    fresh.write_text(f"date 2024-05-08 Talks\n\n{BORDER_STORY}\n", encoding="utf-8")
    hidden = folder / ".partial.txt"
    hidden.write_text(f"date 2024-05-08 Talks\n\n{PROTEST_STORY}\n", encoding="utf-8")
    settled(hidden)
    with Store.open(tmp_path / "wait.duckdb") as store:
        watcher = watcher_on(store, folder, pipelines, settle=60)
        assert watcher.scan_once() == 0  # modified just now: it may still be being copied
        assert watcher.status().files_seen == 1  # the hidden file is not even listed
        settled(fresh, 120)
        assert watcher.scan_once() == 1
        assert {r["id"] for r in store.rows("SELECT id FROM articles")} == {"fresh"}


def test_bad_files_are_failures_and_the_watcher_goes_on(tmp_path, folder, pipelines, caplog):
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cut.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (folder / "good.txt").write_text(f"date 2024-05-10 Protest\n\n{PROTEST_STORY}\n", encoding="utf-8")
    for path in folder.iterdir():
        settled(path)
    with Store.open(tmp_path / "bad.duckdb") as store, caplog.at_level("INFO", logger="herald.watch"):
        watcher = watcher_on(store, folder, pipelines)
        assert watcher.scan_once() == 4
        status = watcher.status()
        assert (status.articles_processed, status.articles_failed, status.last_error) == (1, 3, None)
        failures = store.rows("SELECT source, code, reason FROM failures ORDER BY source")
        assert [os.path.basename(f["source"]) for f in failures] == ["cut.warc.gz", "empty.txt", "photo.html"]
        assert all(f["reason"] for f in failures)
    logged = caplog.text
    assert "photo.html" in logged and "binary data" in logged  # each failure is named in the log
    assert "scan of" in logged and "1 articles processed, 3 failed" in logged


def test_background_thread_starts_and_stops(tmp_path, folder, pipelines):
    with Store.open(tmp_path / "thread.duckdb") as store:
        watcher = Watcher(FolderScanner(folder), lambda changes=True: nullcontext(store), pipelines, interval=0.1)
        watcher.start()
        deadline = time.monotonic() + 10
        while watcher.status().last_scan is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert watcher.status().running and watcher.status().last_scan
        watcher.stop(timeout=10)
        assert not watcher.status().running


def test_watching_a_missing_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no such folder"):
        FolderScanner(tmp_path / "nowhere")
