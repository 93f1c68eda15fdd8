"""Where the time goes: spaCy's parse versus each Python stage after it (times, places, actors, events).

    .venv/bin/python benchmarks/profile_stages.py                   # 500 Reuters articles + VOA
    .venv/bin/python benchmarks/profile_stages.py --corpus voa --top 30

Parses the sample once with the pipeline's spaCy (timed), then runs `Pipeline.analyse` on every Doc with each
stage wrapped in a timer (stage objects are injected, so wrapping them measures exactly what the pipeline calls).
"assembly" is the rest of `analyse`: dating and placing each event (date_for, location_for), context countries.
A second pass over freshly parsed Docs runs under cProfile and lists the costliest functions (own time).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import sample_file, words  # noqa: E402

STAGES = {"times": ("tag",), "places": ("find",), "actors": ("for_article",), "coder": ("code",)}


class Timed:
    """Wraps a stage object: calls to `methods` are timed into `totals[name]`; everything else passes through."""

    def __init__(self, stage, name: str, methods: tuple[str, ...], totals: dict[str, float]):
        self._stage, self._name, self._methods, self._totals = stage, name, methods, totals

    def __getattr__(self, attr):
        value = getattr(self._stage, attr)
        if attr not in self._methods:
            return value

        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                self._totals[self._name] += time.perf_counter() - began
        return timed


def load(corpus: str, size: int):
    from herald.ingest import read_articles
    from herald.records import Article

    return [a for a in read_articles([str(sample_file(corpus, 2000))]) if isinstance(a, Article)][:size]


def spacy_components(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per spaCy component (tokenizer included) over `texts`."""
    began = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    seconds = {"tokenizer": time.perf_counter() - began}
    for name, component in nlp.pipeline:
        began = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=batch_size))
        seconds[name] = time.perf_counter() - began
    return seconds


def profile(corpus: str, size: int, top: int, batch_size: int) -> None:
    from herald.pipeline import Pipeline, PipelineOptions

    pipeline = Pipeline.default(PipelineOptions(batch_size=batch_size))
    articles = load(corpus, size)
    n_words = sum(words(a.text) for a in articles)
    components = spacy_components(pipeline.nlp, [a.text for a in articles], batch_size)
    began = time.perf_counter()
    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=batch_size))
    parse = time.perf_counter() - began

    totals: dict[str, float] = defaultdict(float)
    originals = {name: getattr(pipeline, name) for name in STAGES}
    for name, methods in STAGES.items():
        setattr(pipeline, name, Timed(originals[name], name, methods, totals))
    events = 0
    began = time.perf_counter()
    for article, doc in zip(articles, docs):
        events += len(pipeline.analyse(article, doc).events)
    after = time.perf_counter() - began
    for name in STAGES:
        setattr(pipeline, name, originals[name])
    totals["assembly"] = after - sum(totals[n] for n in STAGES)

    total = parse + after
    print(f"\n== {corpus}: {len(articles)} articles, {n_words} words, {events} events ==")
    print(f"{'stage':24} {'seconds':>8} {'ms/article':>10} {'% of all':>8} {'% after spaCy':>13}")
    print(f"{'spaCy parse (nlp.pipe)':24} {parse:8.2f} {1000 * parse / len(articles):10.1f} "
          f"{100 * parse / total:8.1f} {'':>13}")
    for name in (*STAGES, "assembly"):
        label = {"times": "times (TimeTagger.tag)", "places": "places (PlaceResolver.find)",
                 "actors": "actors (for_article)", "coder": "events (EventCoder.code)",
                 "assembly": "assembly (date/location)"}[name]
        print(f"{label:24} {totals[name]:8.2f} {1000 * totals[name] / len(articles):10.1f} "
              f"{100 * totals[name] / total:8.1f} {100 * totals[name] / after:13.1f}")
    print(f"{'all stages after spaCy':24} {after:8.2f} {1000 * after / len(articles):10.1f} "
          f"{100 * after / total:8.1f} {100.0:13.1f}")
    print(f"herald / bare-spaCy ceiling from this split: {parse / total:.2f}")
    spacy_total = sum(components.values())
    print("spaCy components (the same texts, component by component): " + ", ".join(
        f"{name} {seconds:.2f} s ({100 * seconds / spacy_total:.0f}%)" for name, seconds in components.items())
        + f"; {n_words / spacy_total:,.0f} words/s")

    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=batch_size))
    profiler = cProfile.Profile()
    profiler.enable()
    for article, doc in zip(articles, docs):
        pipeline.analyse(article, doc)
    profiler.disable()
    print(f"\ncProfile of the stages after spaCy, top {top} functions by own time (herald code):")
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():
        if "herald" in filename:
            short = filename[filename.rfind("herald/"):]
            rows.append((tt, ct, nc, f"{short}:{line} {func}"))
    profiled = sum(v[2] for v in stats.stats.values())  # own time of every profiled function
    for tt, ct, nc, where in sorted(rows, reverse=True)[:top]:
        print(f"  own {tt:7.2f}s ({100 * tt / profiled:4.1f}%)  cum {ct:7.2f}s  calls {nc:>8}  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["reuters", "voa"], choices=["reuters", "voa"])
    parser.add_argument("--sample", type=int, default=500, help="Articles of the corpus to profile.")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    for corpus in args.corpus:
        profile(corpus, args.sample, args.top, args.batch_size)


if __name__ == "__main__":
    main()
