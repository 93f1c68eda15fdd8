"""How much text selective parsing (herald.nlp.selective) skips: the share of tokens and sentences the tagger,
parser and NER do not see, on the Reuters sample, VOA and Wikinews. Only the first pass runs (tokenizer, sentence
split, trigger look-up): no model component is needed, so this takes seconds.

    .venv/bin/python benchmarks/skip_share.py [--size 2000] [--lead 2] [--before 2] [--after 0]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import SHARED, sample_file, texts_of  # noqa: E402


def wikinews_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpora" / "wikinews").glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="Reuters sample size")
    parser.add_argument("--lead", type=int, help="first sentences always parsed (default: SelectionRule's)")
    parser.add_argument("--before", type=int, help="sentences parsed before a trigger sentence")
    parser.add_argument("--after", type=int, help="sentences parsed after a trigger sentence")
    args = parser.parse_args(argv)

    from herald.events.lexicon import load_lexicon
    from herald.nlp import load_nlp
    from herald.nlp.selective import SelectionRule, SelectiveParser, TriggerIndex

    default = SelectionRule()
    rule = SelectionRule(lead=default.lead if args.lead is None else args.lead,
                         before=default.before if args.before is None else args.before,
                         after=default.after if args.after is None else args.after)
    selective = SelectiveParser(load_nlp(), TriggerIndex(load_lexicon()), rule)
    corpora = {"reuters": texts_of(sample_file("reuters", args.size)), "voa": texts_of(sample_file("voa")),
               "wikinews": wikinews_texts()}
    print(f"rule: lead {rule.lead}, before {rule.before}, after {rule.after}; {len(selective.triggers)} trigger forms")
    print(f"{'corpus':9} {'articles':>8} {'tokens':>9} {'parsed':>9} {'skipped':>8} {'sentences':>9} {'skipped':>8}")
    for name, texts in corpora.items():
        tokens = kept = sentences = kept_sentences = 0
        for text in texts:
            doc, selection = selective.first_pass(text)
            tokens += len(doc)
            kept += selection.kept_tokens
            sentences += len(selection.sentences)
            kept_sentences += sum(selection.keep)
        print(f"{name:9} {len(texts):8d} {tokens:9d} {kept:9d} {1 - kept / tokens:8.1%} {sentences:9d} "
              f"{1 - kept_sentences / sentences:8.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
