"""Articles written for the cluster tests (invented outlets and stories), and a store built from them by the real
pipeline and `herald.ingestion.ingest_paths` (spaCy, DuckDB file). Shared by tests/clusters, tests/api and
tests/web."""
from __future__ import annotations

import json
from pathlib import Path

# One meeting (Monday 4 March 2024, in Nairobi) reported by two outlets, and a syndicated copy of the first report
# with small edits under another id (same outlet, a partner's URL). The title of the second carries markup.
MEETING = [
    {"id": "lakeside-001", "published": "2024-03-05", "source": "Lakeside Herald",
     "url": "https://www.lakeside-herald.example/world/norway-kenya-talks",
     "title": "Norway and Kenya agree to deepen trade ties",
     "text": "Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto in Nairobi on Monday to "
             "discuss trade and climate finance. The two sides said they would work together on renewable energy "
             "projects along the coast, and officials described the meeting as warm and productive. Eide is on a "
             "three-day tour of East Africa that will also take him to Tanzania."},
    {"id": "coastal-77", "published": "2024-03-05", "source": "Coastal Times",
     "url": "https://coastaltimes.example/news/77",
     "title": 'Ruto hosts Norwegian minister <img src=x onerror="window.__pwned=7">',
     "text": "NAIROBI - Norway's foreign minister, Espen Barth Eide, met President William Ruto of Kenya at State "
             "House on Monday, according to a statement from the presidency. The statement said the talks covered "
             "fisheries, climate finance and a planned wind farm near Lamu. Kenya is seeking new partners to fund "
             "its green energy plans."},
    {"id": "lakeside-001-syndicated", "published": "2024-03-05", "source": "Lakeside Herald",
     "url": "https://partner.example/wire/lakeside-001",
     "title": "Norway, Kenya agree to deepen trade ties",
     "text": "Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto in Nairobi on Monday to "
             "discuss trade and climate finance. The two sides said they would work together on renewable energy "
             "projects along the coast, and officials described the meeting as warm and very productive. Eide is "
             "on a three-day tour of East Africa that will next take him to Tanzania."},
]
# Events like the meeting but for one thing: the date, the actor, the type.
OTHERS = [
    {"id": "lakeside-002", "published": "2024-03-20", "source": "Lakeside Herald",
     "url": "https://www.lakeside-herald.example/world/norway-kenya-again", "title": "Eide back in Nairobi",
     "text": "Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto in Nairobi on Tuesday, "
             "his second visit this month, to sign a fisheries agreement."},
    {"id": "coastal-78", "published": "2024-03-05", "source": "Coastal Times",
     "url": "https://coastaltimes.example/news/78", "title": "Swedish envoy in Nairobi",
     "text": "Swedish Foreign Minister Tobias Billstrom met Kenyan President William Ruto in Nairobi on Monday to "
             "discuss security in Somalia."},
    {"id": "coastal-79", "published": "2024-03-05", "source": "Coastal Times",
     "url": "https://coastaltimes.example/news/79", "title": "Norway criticises Kenya",
     "text": "Norwegian Foreign Minister Espen Barth Eide accused Kenyan President William Ruto on Monday of "
             "ignoring a court ruling on refugees."},
]
# Ingested later: a third outlet (no `source`: its URL's host names it) reports the meeting; a report of the same
# two men meeting on the same day in Oslo is another event.
LATER = [
    {"id": "riverside-5", "published": "2024-03-06", "url": "https://www.riverside.example/africa/5",
     "title": "Kenya courts Nordic investors",
     "text": "Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto on Monday, a Kenyan "
             "government spokesman told reporters in Nairobi on Tuesday. Kenya hopes Norway will back a wind power "
             "project on its coast."},
    {"id": "coastal-80", "published": "2024-03-05", "source": "Coastal Times",
     "url": "https://coastaltimes.example/news/80", "title": "Eide and Ruto in Oslo",
     "text": "OSLO - Norwegian Foreign Minister Espen Barth Eide met Kenyan President William Ruto on Monday, the "
             "Norwegian foreign ministry said. The two discussed a fisheries agreement."},
]
MEETING_EVENT = "lakeside-001#0"


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def ingest(db: Path, articles: list[dict], name: str):
    """Code and store `articles` with the real pipeline, as `herald ingest` does."""
    from herald.ingestion import ingest_paths

    source = write_jsonl(db.parent / f"{name}.jsonl", articles)
    return ingest_paths([str(source)], db)


def build_cluster_store(folder: Path) -> Path:
    """The meeting, its copy and the near misses, then (a second ingest) the later reports."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "clusters.duckdb"
    ingest(db, MEETING + OTHERS, "first")
    ingest(db, LATER, "later")
    return db
