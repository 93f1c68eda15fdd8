"""The README's run command: `herald demo` codes the bundled example articles into a store and prints a table."""
from __future__ import annotations

import subprocess
import sys

from herald.store import Store


def test_demo_stores_and_prints_the_example_events(tmp_path):
    db = tmp_path / "demo.duckdb"
    out = subprocess.run([sys.executable, "-m", "herald", "demo", "--db", str(db)], capture_output=True, text=True,
                         check=True)
    assert "6 articles: 6 processed" in out.stderr
    assert "Events from the bundled examples" in out.stdout and "CONSULT" in out.stdout
    with Store.open(db, read_only=True) as store:
        dyads = {(r["event"], r["actor_country"], r["recipient_country"])
                 for r in store.events(limit=None)}
    # events the example articles state (written for Herald; see src/herald/examples/README.md)
    for expected in [("CONSULT", "NOR", "KEN"), ("SANCTION", "EUR", "BLR"), ("REQUEST", "EUR", "BLR"),
                     ("ASSAULT", "PAK", "PAK"), ("COERCE", "ETH", "ETH"), ("AID", "UNO", "MWI"),
                     ("SUPPORT", "NOR", "KEN")]:
        assert expected in dyads, f"{expected} not in {sorted(dyads)}"
    again = subprocess.run([sys.executable, "-m", "herald", "demo", "--db", str(db)], capture_output=True,
                           text=True, check=True)
    assert "0 new" in again.stderr and "6 already stored" in again.stderr
