"""The trigger lexicon: words that express events, with the conditions and argument slots of each.

Entries are written as lemmas in YAML (herald/events/data/triggers.yaml, ours; users add their own files with the
same format, or PETRARCH verb dictionaries via herald.events.petrarch). Each lemma is expanded to its inflected forms
(herald.nlp.morph) and indexed by surface form, so matching a token is one dict lookup.

YAML format (one list item per entry group; every word in `verbs`/`nouns` becomes one TriggerEntry):

    - id: consult.meet           # rule id, reported in each event's `coder`
      event: CONSULT             # PLOVER type
      cameo: "040"               # CAMEO code (QuadClass and Goldstein follow from it)
      mode: null                 # PLOVER mode
      context: [diplomatic]
      verbs: [meet, confer]      # verb lemmas; "call for" = verb + particle/preposition
      nouns: [meeting, summit]   # noun lemmas; "business mission" = modifiers + head noun
      recipient: [with, dobj]    # argument slots for the recipient, in order of preference
      objects: [talk]            # the verb codes only with one of these direct objects ("hold talks")
      not_objects: [demand]      # ... and never with these ("meet demands")
      subjects: [rocket]         # the verb codes only with one of these subjects (or passive agents): "rockets hit"
      frame: true                # takes an embedded event ("agreed to meet", "threatened to strike")
      yields_to_embedded: true   # ... but when it has one, code that instead ("ordered troops to seal the border")
      intransitive: true         # only without a direct object or clause ("demonstrated in Kirkuk")
      transitive: true           # only with an object or a clause ("declined the offer", "declined to attend"; a
                                 # bare "the number declined" is a fall)
      possessor: recipient       # "X's arrest": the possessor is the one arrested (default: the actor)
      needs_recipient: true      # drop the event when no recipient actor is found
      confidence: 0.8
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from herald.errors import ConfigError
from herald.events.ontology import Ontology, load_ontology
from herald.nlp.morph import noun_forms, verb_forms

log = logging.getLogger(__name__)

_ENTRY_KEYS = {"id", "event", "cameo", "mode", "context", "verbs", "nouns", "recipient", "objects", "not_objects",
               "frame", "needs_recipient", "confidence", "not_subjects", "actor", "requires", "intransitive",
               "transitive", "yields_to_embedded", "possessor", "subjects"}
DEFAULT_VERB_RECIPIENT = ("dobj",)
DEFAULT_NOUN_RECIPIENT = ("with", "against", "on")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    id: str
    event: str
    pos: str  # verb | noun
    lemma: str  # head word
    words: tuple[str, ...] = ()  # extra words: the particle of a phrasal verb, the modifiers of a noun compound
    cameo: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()  # extra actor slots beyond the defaults (e.g. "of" for "meeting of X")
    objects: frozenset[str] | None = None
    not_objects: frozenset[str] = frozenset()
    not_subjects: frozenset[str] = frozenset()
    subjects: frozenset[str] | None = None
    requires: frozenset[str] = frozenset()  # words one of which must be a child of the trigger
    frame: bool = False
    yields_to_embedded: bool = False
    intransitive: bool = False
    transitive: bool = False
    possessor_is_recipient: bool = False
    needs_recipient: bool = False
    confidence: float = 0.75
    source: str = "herald"


@dataclass
class TriggerLexicon:
    """Entries indexed by surface form: `verbs["met"]`, `nouns["talks"]`."""

    verbs: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    entries: list[TriggerEntry] = field(default_factory=list)

    def add(self, entry: TriggerEntry) -> None:
        self.entries.append(entry)
        if entry.pos == "verb":
            for form in verb_forms(entry.lemma):
                self.verbs.setdefault(form, []).append(entry)
        else:
            for form in noun_forms(entry.lemma):
                self.nouns.setdefault(form, []).append(entry)

    def extend(self, entries: Iterable[TriggerEntry], override: bool = True) -> None:
        """Add entries; with `override`, a user entry replaces ours for the same word and part of speech."""
        entries = list(entries)
        if override:
            replaced = {(e.pos, e.lemma, e.words) for e in entries}
            kept = [e for e in self.entries if (e.pos, e.lemma, e.words) not in replaced]
            if len(kept) != len(self.entries):
                self.verbs, self.nouns, self.entries = {}, {}, []
                for e in kept:
                    self.add(e)
        for e in entries:
            self.add(e)

    def lookup(self, form: str, pos: str) -> list[TriggerEntry]:
        index = self.verbs if pos == "verb" else self.nouns
        return index.get(form.lower(), [])

    def __len__(self) -> int:
        return len(self.entries)


def parse_entries(items: list[dict[str, Any]], source: str, ontology: Ontology) -> list[TriggerEntry]:
    """YAML items -> validated TriggerEntries. Raises ConfigError naming the source and item."""
    out: list[TriggerEntry] = []
    if not isinstance(items, list):
        raise ConfigError(f"{source}: a trigger lexicon is a YAML list of entries")
    for number, item in enumerate(items, 1):
        where = f"{source}, entry {number} ({item.get('id', '?') if isinstance(item, dict) else '?'})"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: expected a mapping")
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("id", "event"):
            if not item.get(key):
                raise ConfigError(f"{where}: missing {key!r}")
        cameo = item.get("cameo")
        cameo = None if cameo is None else str(cameo)
        context = tuple(item.get("context") or ())
        try:
            ontology.check(item["event"], item.get("mode"), context, cameo)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc.message}") from None
        if not item.get("verbs") and not item.get("nouns"):
            raise ConfigError(f"{where}: give `verbs` or `nouns`")
        for key in ("recipient", "actor"):  # YAML 1.1 reads a bare `on` as true
            if any(isinstance(slot, bool) for slot in item.get(key) or ()):
                raise ConfigError(f"{where}: quote the preposition \"on\" in `{key}` (YAML reads on as true)")
        common = dict(
            id=str(item["id"]), event=item["event"], cameo=cameo, mode=item.get("mode"), context=context,
            actor=tuple(item.get("actor") or ()),
            objects=frozenset(_lemmas(item["objects"])) if item.get("objects") else None,
            not_objects=frozenset(_lemmas(item.get("not_objects") or ())),
            not_subjects=frozenset(w.lower() for w in item.get("not_subjects") or ()),
            subjects=frozenset(_lemmas(item["subjects"])) if item.get("subjects") else None,
            requires=frozenset(w.lower() for w in item.get("requires") or ()),
            frame=bool(item.get("frame", False)), needs_recipient=bool(item.get("needs_recipient", False)),
            yields_to_embedded=bool(item.get("yields_to_embedded", False)),
            intransitive=bool(item.get("intransitive", False)), transitive=bool(item.get("transitive", False)),
            possessor_is_recipient=item.get("possessor", "actor") == "recipient",
            confidence=float(item.get("confidence", 0.75)), source=source)
        for pos, key, default in (("verb", "verbs", DEFAULT_VERB_RECIPIENT), ("noun", "nouns", DEFAULT_NOUN_RECIPIENT)):
            for phrase in item.get(key) or ():
                # spaCy splits "cease-fire" into cease / - / fire: so do we.
                words = str(phrase).lower().replace("-", " - ").split()
                if not words:
                    continue
                head, extra = (words[0], tuple(words[1:])) if pos == "verb" else (words[-1], tuple(words[:-1]))
                recipient = tuple(item.get("recipient") or default)
                out.append(TriggerEntry(pos=pos, lemma=head, words=extra, recipient=recipient, **common))
    return out


def _lemmas(words: Iterable[str]) -> set[str]:
    """Object lists match any form of the noun."""
    out: set[str] = set()
    for w in words:
        out.update(noun_forms(str(w).lower()))
    return out


class _StrictLoader(yaml.SafeLoader):
    """YAML that refuses a key given twice in one mapping (YAML itself keeps the last, silently losing a list)."""


def _unique_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"the key {key!r} is given twice in one entry",
                                                    key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def load_strict_yaml(text: str) -> object:
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def load_yaml_entries(path: str | Path, ontology: Ontology | None = None) -> list[TriggerEntry]:
    path = Path(path)
    try:
        items = load_strict_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the trigger lexicon {path}: {exc}") from None
    return parse_entries(items or [], str(path), ontology or load_ontology())


@lru_cache(maxsize=1)
def _builtin_entries() -> tuple[TriggerEntry, ...]:
    text = (resources.files("herald.events") / "data" / "triggers.yaml").read_text(encoding="utf-8")
    return tuple(parse_entries(load_strict_yaml(text), "herald:triggers.yaml", load_ontology()))


def load_lexicon(user_files: Iterable[str | Path] = ()) -> TriggerLexicon:
    """Our lexicon, extended (and overridden word by word) by user files: YAML lexicons or PETRARCH verb
    dictionaries (recognised by their `.txt`/`.verbs` suffix)."""
    lexicon = TriggerLexicon()
    lexicon.extend(_builtin_entries(), override=False)
    for path in user_files:
        if str(path).lower().endswith((".yaml", ".yml")):
            lexicon.extend(load_yaml_entries(path))
        else:
            from herald.events.petrarch import load_petrarch_verbs

            lexicon.extend(load_petrarch_verbs(path), override=False)
        log.info("trigger lexicon: added %s (%d entries in all)", path, len(lexicon))
    return lexicon
