"""Geoparsing scorer: Herald's places against GeoWebNews (GWN) and LGL, and event locations against sentence gold.

    python -m herald.evaluate.geo ../shared/gold/geo [--corpus gwn|lgl] [--limit N] [--json]
    python -m herald.evaluate.geo --events ../shared/gold/voa-dev.jsonl --articles ../shared/corpora/voa/voa.jsonl
    (event locations: for each gold event with a location, its trigger in the parsed article -> location_for)

Gold toponyms to resolve are those with a GeoNames id (GWN: `geonamesID`; LGL: `gaztag/@geonameid`).
- Recognition: a system toponym and a gold one match when their character spans overlap. Recall is over gold
  toponyms with an id; precision counts a system toponym as right when it overlaps any gold toponym annotation
  (GWN: any type but Literal_Expression / Non_Lit_Expression / Non_Toponym, with or without an id).
- Resolution, as in the Mordecai3 report, over the gold toponyms the system recognised ("recognised"), and also
  over all gold toponyms with an id ("all", where a missed toponym counts as wrong): exact GeoNames id; country
  (ISO3; None for continents and seas, which must then be None too); within 161 km (the same id, or a point within
  161 km of the gold point).
The gold country of a GWN toponym is that of its id in Herald's gazetteer, else that of the nearest gazetteer
city to its gold point (GWN gives no country).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from herald.evaluate.events import read_jsonl
from herald.places.resolve import haversine_km

ANCHORS = {"gwn": {"exact": 90.1, "country": 97.4, "km161": 94.1},
           "lgl": {"exact": 79.4, "country": 97.9, "km161": 82.7}}
GWN_NOT_TOPONYMS = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"}


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    geonames_id: int | None
    lat: float | None = None
    lon: float | None = None
    country_gid: int | None = None  # LGL gives the country's GeoNames id
    country: str | None = None  # ISO3, filled in by the scorer
    name_like: bool = True  # False for GWN adjectives ("Russian") and names inside other names ("Washington Post")


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym]


def _float(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


def read_gwn(path: Path) -> Iterator[GoldDoc]:
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for t in article.find("toponyms") or []:
            if t.findtext("type") in GWN_NOT_TOPONYMS:
                continue
            gid = t.findtext("geonamesID")
            name_like = t.findtext("modifierType") != "Adjective" and not t.findtext("type").startswith("Embedded")
            toponyms.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName"),
                                        int(gid) if gid else None, _float(t.findtext("latitude")),
                                        _float(t.findtext("longitude")), name_like=name_like))
        yield GoldDoc(f"gwn-{article.get('file')}", article.findtext("text") or "", toponyms)


def read_lgl(path: Path) -> Iterator[GoldDoc]:
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for t in article.find("toponyms") or []:
            gaz = t.find("gaztag")
            gid = gaz.get("geonameid") if gaz is not None else None
            country = gaz.find("country") if gaz is not None else None
            toponyms.append(GoldToponym(
                int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"), int(gid) if gid else None,
                _float(gaz.findtext("lat")) if gaz is not None else None,
                _float(gaz.findtext("lon")) if gaz is not None else None,
                int(country.get("geonameid")) if country is not None and country.get("geonameid") else None))
        yield GoldDoc(f"lgl-{article.get('docid')}", article.findtext("text") or "", toponyms)


@dataclass(slots=True)
class Counts:
    """Raw counts; `metrics()` turns them into percentages."""

    docs: int = 0
    system: int = 0  # system toponyms
    system_right: int = 0  # ... that overlap a gold toponym annotation
    gold: int = 0  # gold toponyms with a GeoNames id
    recognised: int = 0  # ... that a system toponym overlaps
    gold_names: int = 0  # gold toponyms with an id that are names (not adjectives, not inside other names)
    recognised_names: int = 0
    exact: int = 0
    country: int = 0
    km161: int = 0
    errors: list[dict] = field(default_factory=list)

    def metrics(self) -> dict[str, float | int]:
        def pct(a: int, b: int) -> float:
            return round(100.0 * a / b, 1) if b else 0.0

        p = self.system_right / self.system if self.system else 0.0
        r = self.recognised / self.gold if self.gold else 0.0
        return {"docs": self.docs, "gold_toponyms": self.gold, "system_toponyms": self.system,
                "recognised": self.recognised, "precision": pct(self.system_right, self.system),
                "recall": pct(self.recognised, self.gold), "f1": round(100 * 2 * p * r / (p + r), 1) if p + r else 0.0,
                "recall_names": pct(self.recognised_names, self.gold_names),
                "exact": pct(self.exact, self.recognised), "country": pct(self.country, self.recognised),
                "km161": pct(self.km161, self.recognised), "exact_all": pct(self.exact, self.gold),
                "country_all": pct(self.country, self.gold), "km161_all": pct(self.km161, self.gold)}


def score_document(gold: GoldDoc, places: list, counts: Counts) -> None:
    """Add one document's comparison to `counts`. `places` are records.Place with character offsets."""
    counts.docs += 1
    spans = [(t.start, t.end) for t in gold.toponyms]
    for place in places:
        counts.system += 1
        if any(place.start < e and s < place.end for s, e in spans):
            counts.system_right += 1
    for topo in gold.toponyms:
        if topo.geonames_id is None:
            continue
        counts.gold += 1
        counts.gold_names += topo.name_like
        hits = [p for p in places if p.start < topo.end and topo.start < p.end]
        if not hits:
            continue
        counts.recognised += 1
        counts.recognised_names += topo.name_like
        place = max(hits, key=lambda p: min(p.end, topo.end) - max(p.start, topo.start))
        exact = place.geonames_id == topo.geonames_id
        same_country = place.geonames_id is not None and place.country == topo.country
        near = exact or (place.lat is not None and topo.lat is not None
                         and haversine_km(place.lat, place.lon, topo.lat, topo.lon) <= 161.0)
        counts.exact += exact
        counts.country += exact or same_country
        counts.km161 += near
        if not exact and len(counts.errors) < 5000:
            counts.errors.append({"doc": gold.id, "text": topo.text, "gold": topo.geonames_id,
                                  "gold_country": topo.country, "got": place.geonames_id, "got_name": place.name,
                                  "got_country": place.country})


class _NearestCity:
    """Reverse geocoding for gold points whose id Herald's gazetteer lacks: the country of the nearest city."""

    def __init__(self, gazetteer) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        rows = gazetteer._conn().execute("SELECT lat, lon, country FROM places WHERE kind = 'city'").fetchall()
        for lat, lon, country in rows:
            self.cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, country))

    def country(self, lat: float, lon: float) -> str | None:
        best, best_d = None, math.inf
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for clat, clon, country in self.cells.get((math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                    d = (clat - lat) ** 2 + ((clon - lon) * math.cos(math.radians(lat))) ** 2
                    if d < best_d:
                        best, best_d = country, d
        return best


def fill_gold_countries(docs: list[GoldDoc], gazetteer) -> None:
    nearest: _NearestCity | None = None
    for doc in docs:
        for topo in doc.toponyms:
            if topo.geonames_id is None:
                continue
            if topo.country_gid is not None:
                entry = gazetteer.get(topo.country_gid)
                topo.country = entry.country if entry else None
                continue
            entry = gazetteer.get(topo.geonames_id)
            if entry is not None:
                topo.country = entry.country
            elif topo.lat is not None:
                nearest = nearest or _NearestCity(gazetteer)
                topo.country = nearest.country(topo.lat, topo.lon)


def evaluate_corpus(name: str, folder: Path, limit: int | None = None, nlp=None, resolver=None,
                    names_only: bool = False) -> Counts:
    """Score one corpus; `names_only` leaves out Herald's adjectival mentions ("Russian"), as Mordecai3 does."""
    from herald.nlp import load_nlp
    from herald.places import PlaceResolver

    reader = read_gwn(folder / "GWN.xml") if name == "gwn" else read_lgl(folder / "lgl.xml")
    docs = list(reader)[:limit] if limit else list(reader)
    nlp = nlp or load_nlp()
    resolver = resolver or PlaceResolver()
    fill_gold_countries(docs, resolver.gazetteer)
    counts = Counts()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
        found = resolver.find(doc)
        score_document(gold, found.places if names_only else found.mentions(), counts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m herald.evaluate.geo", description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="the gold/geo folder (GWN.xml, lgl.xml)")
    parser.add_argument("--corpus", choices=("gwn", "lgl"), action="append")
    parser.add_argument("--limit", type=int, help="score only the first N documents")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=Path, help="write the resolution errors (JSON Lines) here")
    parser.add_argument("--names-only", action="store_true", help="leave out adjectival mentions (\"Russian\")")
    parser.add_argument("--events", type=Path, help="sentence gold (voa-dev.jsonl): score event locations")
    parser.add_argument("--articles", type=Path, help="the articles of --events (voa.jsonl)")
    args = parser.parse_args(argv)
    if args.events:
        if args.articles is None:
            parser.error("--events needs --articles")
        report = {mode: evaluate_event_locations(args.events, args.articles, fallback=mode)
                  for mode in (None, "focus")}
        if args.json:
            print(json.dumps(report, indent=2))
        else:
            for mode, result in report.items():
                print(f"fallback={mode}: " + ", ".join(f"{k}={v}" for k, v in result.items() if k != "rows"))
        return 0
    if args.folder is None:
        parser.error("give the gold/geo folder or --events")
    results = {}
    for name in args.corpus or ["gwn", "lgl"]:
        counts = evaluate_corpus(name, args.folder, args.limit, names_only=args.names_only)
        results[name] = {"herald": counts.metrics(), "mordecai3": ANCHORS[name]}
        if args.errors:
            with open(args.errors, "a", encoding="utf-8") as out:
                for error in counts.errors:
                    out.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(format_table(results))
    return 0


def _same_name(gold: str, place) -> bool:
    names = {(place.name or "").casefold(), (place.text or "").casefold()}
    gold = gold.casefold()
    return any(n and (n == gold or n in gold or gold in n) for n in names)


def evaluate_event_locations(events_path: Path, articles_path: Path, fallback: str | None = "focus",
                             nlp=None, resolver=None) -> dict:
    """For each gold event with a location: find its trigger in the parsed article, call `location_for`, and
    compare country (ISO3) and name. Optional gold events are counted apart."""
    from herald.nlp import load_nlp
    from herald.places import PlaceResolver, location_for

    gold = read_jsonl(events_path)
    wanted = {g["article_id"] for g in gold if any(e.get("location") for e in g["events"])}
    texts = {}
    with open(articles_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    nlp = nlp or load_nlp()
    resolver = resolver or PlaceResolver()
    parsed = {aid: (doc, resolver.find(doc)) for aid, doc in zip(texts, nlp.pipe(texts.values()))}
    rows = []
    for sentence in gold:
        if sentence["article_id"] not in parsed:
            continue
        doc, found = parsed[sentence["article_id"]]
        text = texts[sentence["article_id"]]
        for event in sentence["events"]:
            if not event.get("location"):
                continue
            start = text.find(event["trigger"], sentence["start"], sentence["end"] + 1)
            if start < 0:
                start = text.lower().find(event["trigger"].lower(), sentence["start"], sentence["end"] + 1)
            span = doc.char_span(start, start + len(event["trigger"]), alignment_mode="expand") if start >= 0 \
                else None
            place = location_for(span.root, found, fallback=fallback) if span is not None else None
            rows.append({"article_id": sentence["article_id"], "trigger": event["trigger"],
                         "optional": bool(event.get("optional")), "gold": event["location"],
                         "got": {"name": place.name or place.text, "country": place.country,
                                 "source": place.source} if place else None,
                         "country_ok": bool(place and place.country == event["location"]["country"]),
                         "name_ok": bool(place and _same_name(event["location"]["name"], place))})

    def accuracy(subset: list[dict], key: str) -> float:
        return round(sum(r[key] for r in subset) / len(subset), 3) if subset else 0.0

    required = [r for r in rows if not r["optional"]]
    return {"events": len(rows), "country_accuracy": accuracy(rows, "country_ok"),
            "name_accuracy": accuracy(rows, "name_ok"), "required_events": len(required),
            "required_country_accuracy": accuracy(required, "country_ok"),
            "required_name_accuracy": accuracy(required, "name_ok"), "rows": rows}


def format_table(results: dict) -> str:
    lines = [f"{'corpus':6} {'docs':>5} {'gold':>5} {'P':>5} {'R':>5} {'F1':>5} {'Rname':>5} | {'exact':>6} "
             f"{'country':>7} {'161km':>6} (recognised) | {'exact':>6} {'country':>7} {'161km':>6} (all gold)"]
    for name, result in results.items():
        m, a = result["herald"], result["mordecai3"]
        lines.append(f"{name:6} {m['docs']:5} {m['gold_toponyms']:5} {m['precision']:5} {m['recall']:5} "
                     f"{m['f1']:5} {m['recall_names']:5} | {m['exact']:6} {m['country']:7} {m['km161']:6}"
                     f"              | {m['exact_all']:6} {m['country_all']:7} {m['km161_all']:6}")
        lines.append(f"{'  Mordecai3 (ES + transformer)':49}| {a['exact']:6} {a['country']:7} {a['km161']:6}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
