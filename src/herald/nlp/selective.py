"""Selective parsing: run the expensive spaCy components only on the sentences the event coder can use.

A cheap first pass tokenizes the whole article (spaCy's tokenizer, so the tokens are the ones a full parse has),
splits it into sentences by punctuation (the rule of spaCy's `Sentencizer`, no model) and looks every word up in a
set of trigger word forms (the event lexicon's surface forms). The sentences kept are:

- the first `lead` sentences (the dateline and lead, which dates, places and the story's actors read),
- every sentence holding a trigger word, and the `before` sentences just before it (coreference, actors, dates).

Runs of kept sentences are parsed (tok2vec, tagger, parser, NER) as separate Docs and their annotations written
back into the Doc of the whole article, so token indices and character offsets are those of a full parse. A
skipped sentence keeps its tokens, gets no tags and no entities, and a flat tree (its first token the root, every
other token attached to it with the label `dep`), so sentence boundaries stay where the first pass put them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The punctuation spaCy's rule-based Sentencizer ends sentences with (its default `punct_chars`, the common ones).
SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…", "!!", "??", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "''"})
ARRAY_ATTRS = ("TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE")
ENT_OUTSIDE = 2  # Token.iob_strings() index of "O": the NER saw the token and found no entity


@dataclass(frozen=True, slots=True)
class SelectionRule:
    """Which sentences to parse besides those with a trigger word."""

    lead: int = 2     # the first sentences: dateline, headline-like first line, lead
    before: int = 1   # sentences before a trigger sentence (pronouns, "the two leaders", dates of the story)
    after: int = 0    # sentences after a trigger sentence


@dataclass(slots=True)
class Selection:
    """The first pass over one article: sentence bounds (token indices) and which ones to parse."""

    sentences: list[tuple[int, int]]
    keep: list[bool]

    def runs(self) -> Iterator[tuple[int, int, bool]]:
        """Maximal runs of consecutive sentences with the same decision: (start token, end token, parsed)."""
        start = 0
        for index in range(1, len(self.sentences) + 1):
            if index == len(self.sentences) or self.keep[index] != self.keep[start]:
                yield self.sentences[start][0], self.sentences[index - 1][1], self.keep[start]
                start = index

    @property
    def kept_tokens(self) -> int:
        return sum(end - start for (start, end), kept in zip(self.sentences, self.keep) if kept)


def split_sentences(lowers: list[str]) -> list[tuple[int, int]]:
    """Sentence bounds by punctuation: a sentence ends after . ! ? (and any closing quotes or brackets after them)
    when the next token is not punctuation too, or at a blank line."""
    bounds: list[tuple[int, int]] = []
    start, n, i = 0, len(lowers), 0
    while i < n:
        word = lowers[i]
        end = None
        if word in SENTENCE_ENDS or (len(word) > 1 and word.endswith(".") and word.strip(".") == ""):
            j = i + 1
            while j < n and lowers[j] in CLOSERS:
                j += 1
            end = j
        elif "\n\n" in word and word.isspace():
            end = i + 1
        if end is not None and end > start:
            bounds.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


def select(lowers: list[str], triggers: "TriggerIndex", rule: SelectionRule) -> Selection:
    """Which sentences of a tokenized article (its lower-cased token texts) to parse."""
    sentences = split_sentences(lowers)
    keep = [index < rule.lead for index in range(len(sentences))]
    for index, (start, end) in enumerate(sentences):
        if triggers.holds_trigger(lowers[start:end]):
            for near in range(max(0, index - rule.before), min(len(sentences), index + rule.after + 1)):
                keep[near] = True
    return Selection(sentences, keep)


class SelectiveParser:
    """`pipe(texts)` like `nlp.pipe`, parsing only the selected sentences of each text (see the module's notes)."""

    def __init__(self, nlp: "Language", triggers: "TriggerIndex", rule: SelectionRule | None = None):
        self.nlp = nlp
        self.triggers = triggers
        self.rule = rule or SelectionRule()
        self.tokens_seen = 0
        self.tokens_parsed = 0
        self._strings: dict[int, str] = {}

    def first_pass(self, text: str) -> tuple["Doc", Selection]:
        """Tokenize, split into sentences, choose the ones to parse."""
        from spacy.attrs import LOWER

        doc = self.nlp.make_doc(text)
        strings, cache = doc.vocab.strings, self._strings
        lowers = []
        for key in doc.to_array(LOWER).tolist():
            word = cache.get(key)
            if word is None:
                if len(cache) > 200_000:
                    cache.clear()
                word = cache[key] = strings[key]
            lowers.append(word)
        return doc, select(lowers, self.triggers, self.rule)

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator["Doc"]:
        """Docs of `texts`, in order. The pieces to parse are batched `batch_size` articles' worth at a time."""
        texts = list(texts)
        firsts = [self.first_pass(text) for text in texts]
        pieces: list["Doc"] = []
        for doc, selection in firsts:
            for start, end, parsed in selection.runs():
                if parsed:
                    pieces.append(doc[start:end].as_doc())
        per_batch = max(1, round(len(pieces) * batch_size / max(1, len(texts))))
        parsed_pieces = iter(self.nlp.pipe(pieces, batch_size=per_batch))
        for doc, selection in firsts:
            self.tokens_seen += len(doc)
            self.tokens_parsed += selection.kept_tokens
            yield _annotate(doc, selection, parsed_pieces)

    def __call__(self, text: str) -> "Doc":
        return next(iter(self.pipe([text])))


def _annotate(doc: "Doc", selection: Selection, parsed_pieces: Iterator["Doc"]) -> "Doc":
    """Write the parsed pieces' annotations into the whole article's Doc; flat trees in the skipped sentences."""
    import numpy

    n = len(doc)
    if n == 0:
        return doc
    strings = doc.vocab.strings
    root, dep = strings.add("ROOT"), strings.add("dep")
    array = numpy.zeros((n, len(ARRAY_ATTRS)), dtype=numpy.uint64)
    array[:, 3] = ENT_OUTSIDE
    for start, end, parsed in selection.runs():
        if parsed:
            piece = next(parsed_pieces)
            array[start:end] = piece.to_array(list(ARRAY_ATTRS))
    for (start, end), kept in zip(selection.sentences, selection.keep):
        if kept:
            continue
        offsets = numpy.arange(start, end, dtype=numpy.int64)
        array[start:end, 1] = (start - offsets).astype(numpy.uint64)  # every token's head is the first one
        array[start:end, 2] = dep
        array[start, 2] = root
    doc.from_array(list(ARRAY_ATTRS), array)
    return doc



class TriggerIndex:
    """What a sentence must contain for a lexicon entry to match in it, by the head word's surface form: the head,
    every extra word of a multi-word trigger (any form), one of the entry's required objects, one of its required
    subjects and one of its `requires` words. A necessary condition only (the coder checks the parse), so a sentence that fails it for
    every entry cannot hold a trigger."""

    def __init__(self, lexicon) -> None:
        from herald.nlp.morph import noun_forms, verb_forms

        self.needs: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for index in (lexicon.verbs, lexicon.nouns):
            for form, entries in index.items():
                for entry in entries:
                    need = [frozenset({w}) | noun_forms(w) | verb_forms(w) for w in entry.words]
                    for required in (entry.objects, entry.subjects):
                        if required is not None:
                            need.append(frozenset(o.split()[-1] for o in required if o.split()))
                    if entry.requires:
                        need.append(frozenset(entry.requires))
                    self.needs.setdefault(form.lower(), []).append(tuple(need))
        self.forms = frozenset(self.needs)

    def __len__(self) -> int:
        return len(self.forms)

    def holds_trigger(self, words: list[str]) -> bool:
        """Whether a sentence (its lower-cased tokens) may hold a trigger."""
        heads = [w for w in words if w in self.forms]
        if not heads:
            return False
        present = set(words)
        return any(all(need & present for need in needs) for head in heads for needs in self.needs[head])
