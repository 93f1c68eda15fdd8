"""Selective parsing (herald.nlp.selective): the tagger, parser and NER see only the sentences that may hold an
event, and the Doc of the whole article keeps the offsets, tokens and sentence bounds of a full parse."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from herald.nlp.selective import SelectionRule, SelectiveParser, TriggerIndex, select, split_sentences

from tests.conftest import SEED, SEED_GOLD, SHARED

# Written for these tests: sentence 2 and 4 hold no event word, sentence 3 does ("met").
TEXT = ("GENEVA, March 3 (Herald) - Snow fell on the city overnight.\n\n"
        "The museum on the lake opened a new wing last year. Its café serves coffee and cake. "
        "On Tuesday the foreign minister of Norway met her Kenyan counterpart in Geneva. "
        "The weather in Geneva was sunny and the trains were on time. "
        "Tourists from Japan and Brazil photographed the fountain.")


@pytest.fixture(scope="module")
def lexicon():
    from herald.events.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="module")
def selective(nlp, lexicon):
    return SelectiveParser(nlp, TriggerIndex(lexicon), SelectionRule(lead=1, before=1))


def test_sentences_split_at_final_punctuation_and_blank_lines():
    words = ["He", "left", ".", "She", "said", "\"", "stay", "?", "\"", "Then", "\n\n", "rain", "fell", "..."]
    assert split_sentences([w.lower() for w in words]) == [(0, 3), (3, 9), (9, 11), (11, 14)]


def test_a_trigger_word_needs_the_other_words_of_its_entry(lexicon):
    """"in" is the head of "sit-in": a sentence with "in" alone cannot hold that trigger; "met" alone can."""
    index = TriggerIndex(lexicon)
    assert not index.holds_trigger("the museum in the city opened".split())
    assert index.holds_trigger("students staged a sit - in at the ministry".split())
    assert index.holds_trigger("the minister met her counterpart".split())


def test_selection_keeps_the_lead_trigger_sentences_and_the_sentence_before(lexicon):
    lowers = "a b . c d . e f . x met y . g h . i j .".split()
    selection = select(lowers, TriggerIndex(lexicon), SelectionRule(lead=1, before=1))
    assert selection.keep == [True, False, True, True, False, False]
    assert list(selection.runs()) == [(0, 3, True), (3, 6, False), (6, 13, True), (13, 19, False)]


def test_partial_parse_keeps_text_tokens_and_offsets_of_a_full_parse(nlp, selective):
    full = nlp(TEXT)
    doc = selective(TEXT)
    assert doc.text == TEXT
    assert [(t.text, t.idx) for t in doc] == [(t.text, t.idx) for t in full]
    met = next(t for t in doc if t.text == "met")
    assert met.tag_ == "VBD" and met.dep_ == "ROOT"
    assert {c.dep_ for c in met.children} >= {"nsubj", "dobj"}
    assert "Norway" in {e.text for e in doc.ents} and "Geneva" in {e.text for e in doc.ents}
    assert selective.tokens_parsed < selective.tokens_seen


def test_skipped_sentences_keep_their_bounds_with_a_flat_tree_and_no_entities(selective):
    doc = selective(TEXT)
    sentences = [s.text.strip() for s in doc.sents]
    assert "Tourists from Japan and Brazil photographed the fountain." in sentences
    last = list(doc.sents)[-1]
    assert [t.tag_ for t in last] == [""] * len(last)
    assert last.root.i == last.start and all(t.head.i == last.start for t in last)
    assert not [e for e in doc.ents if e.start >= last.start]  # "Japan", "Brazil": not looked at


def test_the_seed_article_still_gives_its_gold_events_with_fast(tmp_path):
    """The real CLI with --fast on the seed article: the 9 gold events of the shared scorer, as without it."""
    out = tmp_path / "seed.jsonl"
    with open(out, "w") as fh:
        subprocess.run([sys.executable, "-m", "herald", "extract", str(SEED), "--fast"], stdout=fh, check=True)
    scores = json.loads(subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SEED_GOLD),
                                        str(out), "--json"], capture_output=True, text=True, check=True).stdout)
    assert scores["dyad"]["tp"] == 9 and scores["dyad"]["fn"] == 0 and scores["dyad"]["fp"] <= 2
    from herald.ingest import read_articles

    body = next(iter(read_articles([str(SEED)]))).text
    for line in out.read_text().splitlines():
        event = json.loads(line)
        assert body[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


def test_pipeline_option_codes_the_same_event_as_a_full_parse():
    from herald.pipeline import Pipeline, PipelineOptions
    from herald.records import Article

    article = Article(id="t", published=dt.date(2024, 3, 3), text=TEXT)
    full = Pipeline.default().process(article)
    fast = Pipeline.default(PipelineOptions(selective_parse=True)).process(article)
    assert [(e.event, e.trigger.start, e.actor.country, e.recipient.country) for e in fast.events] == \
        [(e.event, e.trigger.start, e.actor.country, e.recipient.country) for e in full.events]
    assert fast.events and fast.events[0].event == "CONSULT"
