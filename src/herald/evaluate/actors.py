"""Actor scorers: the seed article, the PLOVER gold-standard records, the ConfliBERT source/target spans, speed.

    python -m herald.evaluate.actors seed
    python -m herald.evaluate.actors sentences ../shared/gold/voa-dev.jsonl ../shared/corpora/voa/voa.jsonl
    python -m herald.evaluate.actors gsr ../shared/gold/events/PLOVER_GSR_CAMEO.txt [PREDICTIONS.jsonl]
    python -m herald.evaluate.actors gsr GOLD --write-articles gsr.jsonl     # input for `herald extract`
    python -m herald.evaluate.actors conflibert ../shared/gold/events/conflibert/cameo_ner.train.txt
    python -m herald.evaluate.actors speed ../shared/corpora/voa/voa.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from herald.evaluate.events import read_jsonl
from herald.evaluate.gsr import GsrRecord, country_agrees, load_gsr, write_articles
from herald.records import Actor, Article

SHARED = Path(__file__).resolve().parents[3].parent / "shared"


USER_FILES: tuple[str, ...] = ()


def _resolver():
    from herald.actors import ActorGazetteer, ActorResolver

    return ActorResolver(ActorGazetteer.default(user_files=USER_FILES))


def _nlp():
    from herald.nlp import load_nlp

    return load_nlp()


def head_of(doc, start: int, end: int):
    """The syntactic head of the tokens covering characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    nouns = [t for t in tops if t.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP") and not t.is_punct]
    if not nouns:   # the parse hangs the phrase from a non-noun: take its first nominal head
        nouns = [t for t in span if t.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP") and t.dep_ not in (
            "compound", "amod", "poss", "nmod")]
    return (nouns or tops or [span.root])[0]


def locate(text: str, phrase: str, start: int = 0) -> tuple[int, int] | None:
    """Where a gold actor text is in a sentence; for "A ... B" the last piece (the head is usually there)."""
    pieces = [p.strip(" ,.") for p in phrase.replace("…", "...").split("...") if p.strip(" ,.")]
    if not pieces:
        return None
    piece = " ".join(pieces[-1].split())
    i = text.find(piece, start)
    if i < 0:
        i = text.lower().find(piece.lower(), start)
    return (i, i + len(piece)) if i >= 0 else None


def countries_of(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    return {m.country for m in (actor.members or [actor]) if m.country}


def sectors_of(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    return {s for m in (actor.members or [actor]) for s in [m.sector, *m.other_sectors] if s}


# ---- seed ----------------------------------------------------------------------------------------------------------
def seed_cases(shared: Path = SHARED) -> list[dict[str, Any]]:
    """Every actor and recipient of the seed gold, with where it is in the article."""
    rows = read_jsonl(shared / "seed" / "kazinform-2021-10-17.gold.jsonl")
    cases = []
    for row in rows:
        for ev in row["events"]:
            for role in ("actor", "recipient"):
                a = ev.get(role)
                if a:
                    cases.append({"sentence_start": row["start"], "sentence_end": row["end"], "text": a["text"],
                                  "country": a["country"], "sector": a["sector"], "optional": ev["optional"],
                                  "role": role, "event": ev["event"]})
    return cases


def check_actor(actor: Actor | None, country: Any, sector: Any) -> tuple[bool, bool]:
    """Does a Herald actor agree with a gold country (code or list) and sector (code, list or None)?"""
    gold_countries = set(country) if isinstance(country, list) else {country} if country else set()
    gold_sectors = set(sector) if isinstance(sector, list) else {sector} if sector else set()
    got = countries_of(actor)
    if actor is not None and actor.members and isinstance(country, str):
        member = next((m for m in actor.members if m.country == country), None)
        ok_c = member is not None
        ok_s = not gold_sectors or (member is not None and member.sector in gold_sectors)
        return ok_c, ok_s
    ok_c = bool(got) and (got == gold_countries if isinstance(country, list) else got <= gold_countries)
    ok_s = not gold_sectors or bool(sectors_of(actor) & gold_sectors) and (
        actor.sector in gold_sectors or bool(actor.members))
    return ok_c, ok_s


def run_seed(shared: Path = SHARED) -> dict[str, Any]:
    from herald.ingest import read_articles

    article = next(a for a in read_articles([shared / "seed" / "kazinform-2021-10-17.txt"]) if isinstance(a, Article))
    doc = _nlp()(article.text)
    actors = _resolver().for_article(doc, article)
    results = []
    for case in seed_cases(shared):
        where = locate(article.text, case["text"], case["sentence_start"])
        head = head_of(doc, *where) if where else None
        actor = actors.actor_for(head) if head is not None else None
        ok_c, ok_s = check_actor(actor, case["country"], case["sector"])
        results.append({**case, "found": actor is not None, "country_ok": ok_c, "sector_ok": ok_s,
                        "herald": _brief(actor)})
    required = [r for r in results if not r["optional"]]
    return {"actors": len(results), "required": len(required),
            "required_ok": sum(r["country_ok"] and r["sector_ok"] for r in required),
            "all_ok": sum(r["country_ok"] and r["sector_ok"] for r in results), "results": results}


def _brief(actor: Actor | None) -> Any:
    if actor is None:
        return None
    if actor.members:
        return [f"{m.country}-{m.sector}" for m in actor.members]
    return f"{actor.country}-{actor.sector} {actor.name or ''}".strip()


def run_sentence_gold(gold: Path, corpus: Path) -> dict[str, Any]:
    """Actors of a sentence-level gold file (GUIDELINES.md) over the articles of a corpus (JSON Lines)."""
    from herald.ingest import read_articles

    rows = read_jsonl(gold)
    wanted = {r["article_id"] for r in rows if r["events"]}
    articles = {a.id: a for a in read_articles([corpus]) if isinstance(a, Article) and a.id in wanted}
    ids = sorted(articles)
    resolver = _resolver()
    by_article = {}
    for article_id, doc in zip(ids, _nlp().pipe((articles[i].text for i in ids), batch_size=16)):
        by_article[article_id] = (doc, resolver.for_article(doc, articles[article_id]))
    country, sector, results, elsewhere = Tally(), Tally(), [], 0
    for row in rows:
        if row["article_id"] not in by_article:
            continue
        doc, actors = by_article[row["article_id"]]
        text = articles[row["article_id"]].text
        for ev in row["events"]:
            for role in ("actor", "recipient"):
                a = ev.get(role)
                if not a or not a.get("text") or not a.get("country"):
                    continue
                where = locate(text, a["text"], row["start"])
                if where is None or where[1] > row["end"]:
                    elsewhere += 1     # the gold names the antecedent, which is not in this sentence
                    continue
                head = head_of(doc, *where)
                actor = actors.actor_for(head) if head is not None else None
                ok_c, ok_s = check_actor(actor, a["country"], a["sector"])
                country.add(ok_c)
                if a.get("sector"):
                    sector.add(ok_s)
                results.append({"text": a["text"], "gold": f"{a['country']}-{a['sector']}", "herald": _brief(actor),
                                "ok": ok_c and ok_s})
    return {"country": country, "sector": sector, "results": results, "not_in_sentence": elsewhere}


# ---- GSR -----------------------------------------------------------------------------------------------------------
@dataclass
class Tally:
    total: int = 0
    hit: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hit += bool(ok)

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.hit}/{self.total} = {self.rate:.1%}"


@dataclass
class GsrReport:
    actors: int = 0
    located: int = 0
    resolved: int = 0
    country: Tally = field(default_factory=Tally)
    sector: Tally = field(default_factory=Tally)
    records_country: Tally = field(default_factory=Tally)
    errors: list[dict[str, Any]] = field(default_factory=list)


def gsr_direct(records: list[GsrRecord]) -> GsrReport:
    """Without the event coder: resolve each gold source actor text where it stands in the sentence."""
    nlp, resolver = _nlp(), _resolver()
    report = GsrReport()
    docs = nlp.pipe((r.text for r in records), batch_size=64)
    for record, doc in zip(records, docs):
        actors = resolver.for_article(doc, Article(id=record.id, published=record.date, text=record.text))
        gold = record.source_countries
        record_ok = None
        for src in record.sources:
            report.actors += 1
            where = locate(record.text, src.text)
            head = head_of(doc, *where) if where else None
            report.located += head is not None
            actor = actors.actor_for(head) if head is not None else None
            report.resolved += actor is not None
            got = countries_of(actor)
            ok_c = bool(got) and all(country_agrees(c, gold) for c in got)
            if gold:
                report.country.add(ok_c)
                record_ok = ok_c if record_ok is None else (record_ok and ok_c)
            if src.sector:
                ok_s = src.sector in sectors_of(actor)
                report.sector.add(ok_s)
            else:
                ok_s = True
            if not (ok_c and ok_s):
                report.errors.append({"id": record.id, "text": src.text, "gold": f"{src.country}-{src.sector}",
                                      "herald": _brief(actor), "rule": actor.resolved_by if actor else None})
        if record_ok is not None:
            report.records_country.add(record_ok)
    return report


def gsr_predictions(records: list[GsrRecord], predictions: Path) -> dict[str, Tally]:
    """Over the records where Herald emits an event of the gold type: actor country and sector agreement."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    with predictions.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                ev = json.loads(line)
                by_article.setdefault(ev.get("article_id"), []).append(ev)
    country, sector, typed = Tally(), Tally(), Tally()
    for r in records:
        events = [e for e in by_article.get(r.id, []) if e.get("event") in r.events]
        typed.add(bool(events))
        if not events:
            continue
        actors = [e.get("actor") or {} for e in events]
        if r.source_countries:
            country.add(any(country_agrees(a.get("country"), r.source_countries) for a in actors))
        if r.source_sectors:
            sector.add(any(a.get("sector") in r.source_sectors for a in actors))
    return {"records_with_gold_type": typed, "country": country, "sector": sector}


# ---- ConfliBERT spans ----------------------------------------------------------------------------------------------
def read_bio(path: Path) -> Iterable[tuple[str, list[tuple[str, int, int]]]]:
    """Sentences of a CoNLL-style BIO file as (text, [(label, start, end)]) with character offsets."""
    words: list[tuple[str, str]] = []
    for line in list(path.open(encoding="utf-8")) + [""]:
        parts = line.split()
        if len(parts) >= 2:
            words.append((parts[0], parts[-1]))
            continue
        if not words:
            continue
        text, spans, pos, current = "", [], 0, None
        for word, tag in words:
            start = pos
            text += word + " "
            pos = len(text)
            label = tag[2:] if tag[:2] in ("B-", "I-") else None
            if tag.startswith("B-") or (label and (current is None or current[0] != label)):
                current = [label, start, start + len(word)]
                spans.append(current)
            elif tag.startswith("I-") and current is not None:
                current[2] = start + len(word)
            else:
                current = None
        yield text.rstrip(), [tuple(s) for s in spans]
        words = []


def conflibert(path: Path, limit: int | None = None) -> dict[str, Any]:
    nlp, resolver = _nlp(), _resolver()
    data = list(read_bio(path))[:limit]
    recall = {"S": Tally(), "T": Tally()}
    mentions, with_country = 0, 0
    for (text, spans), doc in zip(data, nlp.pipe((t for t, _ in data), batch_size=64)):
        found = resolver.for_article(doc, Article(id="x", published=None, text=text)).mentions
        mentions += len(found)
        with_country += sum(bool(countries_of(a)) for a in found)
        for label, start, end in spans:
            if label in recall:
                recall[label].add(any(a.start < end and start < a.end for a in found))
    return {"sentences": len(data), "source_recall": recall["S"], "target_recall": recall["T"],
            "mentions": mentions, "mentions_with_country": with_country}


# ---- speed ---------------------------------------------------------------------------------------------------------
def speed(path: Path, limit: int = 200) -> dict[str, Any]:
    from herald.ingest import read_articles

    articles = [a for a in read_articles([path]) if isinstance(a, Article)][:limit]
    nlp, resolver = _nlp(), _resolver()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    resolver.for_article(docs[0], articles[0])
    t0 = time.perf_counter()
    calls = 0
    for doc, article in zip(docs, articles):
        actors = resolver.for_article(doc, article)
        for tok in doc:
            if tok.dep_ in ("nsubj", "dobj", "pobj"):
                actors.actor_for(tok)
                calls += 1
    elapsed = time.perf_counter() - t0
    words = sum(1 for d in docs for t in d if not t.is_punct and not t.is_space)
    return {"articles": len(docs), "words": words, "seconds": round(elapsed, 3),
            "ms_per_article": round(1000 * elapsed / len(docs), 3),
            "ms_per_500_words": round(1000 * elapsed / words * 500, 3), "actor_for_calls": calls}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m herald.evaluate.actors", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("seed")
    sg = sub.add_parser("sentences", help="actors of a sentence-level gold file, e.g. ../shared/gold/voa-dev.jsonl")
    sg.add_argument("gold", type=Path)
    sg.add_argument("corpus", type=Path)
    sg.add_argument("--show-errors", action="store_true")
    g = sub.add_parser("gsr")
    g.add_argument("gold", type=Path)
    g.add_argument("predictions", type=Path, nargs="?")
    g.add_argument("--write-articles", type=Path)
    g.add_argument("--errors", type=Path, help="write the disagreements of the direct check as JSON Lines")
    c = sub.add_parser("conflibert")
    c.add_argument("path", type=Path)
    c.add_argument("--limit", type=int)
    s = sub.add_parser("speed")
    s.add_argument("path", type=Path)
    s.add_argument("--limit", type=int, default=200)
    parser.add_argument("--dict", action="append", default=[], metavar="FILE",
                        help="user or PETRARCH/Phoenix dictionary to load (repeatable)")
    args = parser.parse_args(argv)
    global USER_FILES
    USER_FILES = tuple(args.dict)
    if args.command == "seed":
        result = run_seed()
        for r in result["results"]:
            mark = "ok " if r["country_ok"] and r["sector_ok"] else "BAD"
            print(f"{mark} {'(opt) ' if r['optional'] else ''}{r['text'][:60]!r}: gold {r['country']}-{r['sector']}"
                  f" herald {r['herald']}")
        print(f"required actors right: {result['required_ok']}/{result['required']}; "
              f"all: {result['all_ok']}/{result['actors']}")
    elif args.command == "sentences":
        result = run_sentence_gold(args.gold, args.corpus)
        print(f"{args.gold.name}: actor country right {result['country']}; sector right {result['sector']}"
              f" ({result['not_in_sentence']} gold actor texts not in their sentence skipped)")
        if args.show_errors:
            for r in result["results"]:
                if not r["ok"]:
                    print(f"  {r['text'][:70]!r}: gold {r['gold']} herald {r['herald']}")
    elif args.command == "gsr":
        records = load_gsr(args.gold)
        if args.write_articles:
            print(f"wrote {write_articles(records, args.write_articles)} articles to {args.write_articles}")
        report = gsr_direct(records)
        print(f"GSR direct check: {len(records)} records, {report.actors} source actors, located {report.located},"
              f" resolved {report.resolved}")
        print(f"  source country agrees: {report.country}   (records, all sources: {report.records_country})")
        print(f"  source sector agrees:  {report.sector}")
        if args.errors:
            with args.errors.open("w", encoding="utf-8") as f:
                for e in report.errors:
                    f.write(json.dumps(e, ensure_ascii=False) + "\n")
        if args.predictions:
            pred = gsr_predictions(records, args.predictions)
            print(f"GSR with predictions {args.predictions}: records with an event of the gold type "
                  f"{pred['records_with_gold_type']}")
            print(f"  actor country in gold sources: {pred['country']} (target >= 90%)")
            print(f"  actor sector in gold sectors:  {pred['sector']} (target >= 80%)")
    elif args.command == "conflibert":
        r = conflibert(args.path, args.limit)
        print(f"ConfliBERT {args.path.name}: {r['sentences']} sentences")
        print(f"  source span recall: {r['source_recall']}   target span recall: {r['target_recall']}")
        print(f"  mentions found: {r['mentions']}, resolved to a country: {r['mentions_with_country']}"
              f" ({r['mentions_with_country'] / max(1, r['mentions']):.1%})")
    elif args.command == "speed":
        print(json.dumps(speed(args.path, args.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
