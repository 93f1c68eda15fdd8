"""A store another process holds: the error names that process and what to do."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from herald.errors import StoreError
from herald.store import Store
from herald.store.locks import option


def test_a_store_held_by_another_program_names_it(tmp_path):
    db = tmp_path / "held.duckdb"
    Store.open(db).close()
    ready = tmp_path / "ready"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, pathlib, sys, time; "
                               f"c = duckdb.connect({str(db)!r}); pathlib.Path({str(ready)!r}).touch(); "
                               "time.sleep(60)"])
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert time.monotonic() < deadline and holder.poll() is None
            time.sleep(0.1)
        with pytest.raises(StoreError) as caught:
            Store.open(db)
        message = str(caught.value)
        assert message.startswith(f"[E003] the store {db} is in use by process {holder.pid} (python")
        assert "import duckdb" in message and "Wait for it to finish or stop it" in message
    finally:
        holder.kill()
        holder.wait()


def test_options_are_read_from_a_command_line():
    command = ["herald", "serve", "--db", "x.duckdb", "--port=8123", "--watch", "in"]
    assert (option(command, "--port"), option(command, "--watch"), option(command, "--host")) == ("8123", "in", None)
