"""Load a PETRARCH/TABARI CAMEO verb dictionary (e.g. CAMEO.2.0.txt) as Herald trigger entries.

Supported: synonym sets (`&NAME` + `+WORD` lines), verb blocks (`--- NAME [code] ---`), verb lines with an optional
default code and explicit forms (`SPEED {SPEEDS SPED} [042]`), and patterns whose object is a word, a synonym set,
a `{multi word}` phrase or a `(PREP object)` phrase (`- * AID [070]`, `- * (TO BORDER) [154]`). Source-side patterns
(`- &MILITARY * [154]`), transformations and patterns with other constraints are skipped (counted in the log).
CAMEO codes map to PLOVER types through Herald's ontology; statements (01) are not coded, appeals (02) become
REQUEST.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from herald.errors import ConfigError
from herald.events.lexicon import DEFAULT_VERB_RECIPIENT, TriggerEntry
from herald.events.ontology import Ontology, load_ontology
from herald.nlp.morph import noun_forms

log = logging.getLogger(__name__)

_CODE = re.compile(r"\[([0-9]{2,4}|---)?(?::[0-9]*)?\]")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_PATTERN_OBJECT = re.compile(r"^-\s+\*\s+(.+?)\s*\[([0-9]{2,4})(?::[0-9]*)?\]")


@dataclass
class _Block:
    name: str
    code: str | None
    verbs: list[tuple[str, str | None]] = field(default_factory=list)  # (lemma, its own default code)
    patterns: list[tuple[list[str], str]] = field(default_factory=list)  # (object words, code)


def _event_for(code: str, ontology: Ontology) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a CAMEO code, or None when Herald does not code it."""
    if code.startswith("01"):
        return None
    if code.startswith("02"):
        return "REQUEST", None
    entry = ontology.cameo.get(code) or ontology.cameo.get(code[:3]) or ontology.cameo.get(code[:2])
    if entry is None or not entry.plover_event or entry.plover_event not in ontology.types:
        return None
    mode = entry.plover_mode if entry.plover_mode in ontology.types[entry.plover_event].modes else None
    return entry.plover_event, mode


def _words(token: str, synsets: dict[str, list[str]]) -> list[str]:
    token = token.strip()
    if token.startswith("&"):
        return synsets.get(token[1:].upper(), [])
    return [token.strip("{}").replace("_", " ").lower()]


def _pattern_objects(text: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The object words of a simple pattern, or None when the pattern is not one Herald can use."""
    text = text.split("#", 1)[0].strip()
    phrase = re.fullmatch(r"\(\s*\w+\s+(.+?)\s*\)", text)  # (TO BORDER) -> BORDER
    if phrase:
        text = phrase.group(1)
    if re.fullmatch(r"\{[^{}]+\}", text):  # {HUMANITARIAN AID} -> the head word
        return [text.strip("{}").split()[-1].lower()]
    if re.fullmatch(r"&?[A-Z][A-Z_\-]*", text):
        return [w.split()[-1] for w in _words(text, synsets) if w]
    return None


def parse_petrarch(text: str) -> tuple[dict[str, list[str]], list[_Block]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    current_set: str | None = None
    block: _Block | None = None
    section = "synsets"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("#") else ""
        if raw.startswith("####"):
            section = "verbs" if "VERB" in raw else "transformations" if "TRANSFORM" in raw else section
            continue
        if not line.strip() or section == "transformations":
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = line[1:].strip().upper()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
            continue
        header = _BLOCK.match(line)
        if header:
            code = header.group(2).strip()
            block = _Block(name=header.group(1), code=None if code in ("---", "") else code)
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            match = _PATTERN_OBJECT.match(line)
            if match:
                objects = _pattern_objects(match.group(1), synsets)
                if objects:
                    block.patterns.append((objects, match.group(2)))
            continue
        if line.startswith(("+", "&", "~")):
            continue
        verb = re.match(r"^([A-Z][A-Z\-]*)\b", line.strip())
        if verb:
            code = _CODE.search(line)
            block.verbs.append((verb.group(1).lower(), code.group(1) if code and code.group(1) != "---" else None))
    return synsets, blocks


def load_petrarch_verbs(path: str | Path, ontology: Ontology | None = None) -> list[TriggerEntry]:
    """Trigger entries from a PETRARCH verb dictionary file."""
    ontology = ontology or load_ontology()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read the PETRARCH verb dictionary {path}: {exc}") from None
    synsets, blocks = parse_petrarch(text)
    if not blocks:
        raise ConfigError(f"{path}: no verb blocks ('--- NAME [code] ---') found: not a PETRARCH verb dictionary")
    entries: list[TriggerEntry] = []
    skipped = 0
    for block in blocks:
        lemmas = [v for v, _ in block.verbs]
        for lemma, code in block.verbs:
            code = code or block.code
            mapped = _event_for(code, ontology) if code else None
            if mapped:
                entries.append(_entry(f"petrarch.{block.name.lower()}.{lemma}", mapped, code, lemma, None,
                                      str(path)))
        for objects, code in block.patterns:
            mapped = _event_for(code, ontology)
            if not mapped:
                skipped += 1
                continue
            forms = frozenset(f for o in objects for f in noun_forms(o))
            for lemma in lemmas:
                entries.append(_entry(f"petrarch.{block.name.lower()}.{lemma}.{code}", mapped, code, lemma, forms,
                                      str(path)))
    log.info("PETRARCH dictionary %s: %d trigger entries from %d verb blocks (%d patterns not codable)",
             path, len(entries), len(blocks), skipped)
    return entries


def _entry(rule: str, mapped: tuple[str, str | None], code: str, lemma: str, objects: frozenset[str] | None,
           source: str) -> TriggerEntry:
    event, mode = mapped
    return TriggerEntry(id=rule, event=event, pos="verb", lemma=lemma, cameo=code if len(code) <= 4 else None,
                        mode=mode, recipient=DEFAULT_VERB_RECIPIENT + ("with", "to", "against", "on"),
                        objects=objects, confidence=0.5, source=source)
