"""Checks every article body must pass before NLP: text, not empty, not huge, English. And its content hash."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from herald.errors import ArticleTooLarge, EmptyArticle, NotEnglish, UnreadableArticle

# Frequent English function words. A news body in English has a third or more of its words among them; French,
# Spanish, German or Russian text has almost none.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on with as was by at it he she his her from are be has have had were this "
    "which or an but not they their its said will would who been after also more than about over into up out "
    "there we you i our one can all new when what if no so its two could may other some".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-article limits. `max_chars` also bounds what spaCy is asked to parse."""

    max_chars: int = 1_000_000
    min_words_for_language_check: int = 25
    min_english_ratio: float = 0.12

    @property
    def max_bytes(self) -> int:
        return self.max_chars * 4  # UTF-8 is at most 4 bytes per code point


def decode(data: bytes) -> str:
    """Bytes -> str, refusing binary data. A UTF-8 byte order mark is dropped."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UnreadableArticle(f"contains NUL bytes (first at byte {nul}): binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def check_body(text: str, limits: Limits) -> None:
    """Raise an ArticleError when the body cannot be coded."""
    if len(text) > limits.max_chars:
        raise ArticleTooLarge(f"body has {len(text):,} characters; the limit is {limits.max_chars:,}")
    if not text.strip():
        raise EmptyArticle("body is empty")
    if "\x00" in text:
        raise UnreadableArticle("contains NUL characters: binary data, not text")
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(3, len(sample) // 200):
        raise UnreadableArticle(f"contains {controls} control characters in its first {len(sample)}: binary data")
    words = _WORD.findall(sample)
    if not words:
        raise EmptyArticle("body has no words")
    letters = sum(len(w) for w in words)
    latin = len(_LATIN.findall(sample))
    if letters >= 40 and latin / letters < 0.5:
        raise NotEnglish(f"only {latin / letters:.0%} of its letters are Latin script: not English")
    if len(words) >= limits.min_words_for_language_check:
        ratio = sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        if ratio < limits.min_english_ratio:
            raise NotEnglish(f"only {ratio:.0%} of its words are English function words: not English")


def content_hash(text: str) -> str:
    """Identifies the same story across ids and files: whitespace-insensitive hash of the body."""
    normal = " ".join(text.split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest()
