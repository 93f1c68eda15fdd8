"""Near-copies of stories (syndicated copies with small edits under other ids), found without comparing every pair.

Each article's text becomes a set of word shingles (`shingle_words` consecutive lower-cased words), summarised by a
MinHash signature (datasketch). Locality-sensitive hashing cuts the signature into bands (datasketch chooses their
number and width for the threshold); two articles land in the same bucket of a band when that band is equal, which
is likely only when their shingle sets are similar. The buckets are stored (`article_buckets`), so a new article is
compared only with the stored articles sharing one of its buckets, and then by the exact Jaccard similarity of the
shingle sets. A copy is the article stored later; it copies the most similar earlier one.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from herald.clusters.settings import ClusterSettings

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if len(a) > len(b):
        a, b = b, a
    shared = len(a & b)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


@cache
def _bands(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)  # only for its choice of bands (b, r)
    return tuple(lsh.hashranges)


@cache
def _permutations(num_perm: int, seed: int):
    """MinHash's random permutations, made once per process (making them costs more than hashing an article)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations


def buckets(words: set[str], settings: ClusterSettings) -> list[int]:
    """The LSH buckets of a shingle set: one signed 64-bit number per band (the band's index is hashed in).
    Shingles are hashed with CRC-32 (C speed, the same in every process) instead of datasketch's SHA-1."""
    if not words:
        return []
    from datasketch import MinHash

    minhash = MinHash(num_perm=settings.num_perm, seed=settings.seed, hashfunc=zlib.crc32, scheme="affine32",
                      permutations=_permutations(settings.num_perm, settings.seed))
    minhash.update_batch([w.encode("utf-8") for w in words])
    values = minhash.hashvalues
    out = []
    for band, (start, end) in enumerate(_bands(settings.copy_threshold, settings.num_perm)):
        digest = hashlib.blake2b(band.to_bytes(2, "big") + values[start:end].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


@dataclass(slots=True)
class Copy:
    article_id: str
    copy_of: str | None
    similarity: float | None


@dataclass(slots=True)
class NearCopyFinder:
    """Finds, for articles in ingestion order, the earlier article each nearly copies. `stored_candidates(buckets)`
    gives the stored (bucket, article id) pairs; `stored_texts(ids)` their texts."""

    settings: ClusterSettings
    stored_candidates: Callable[[list[int]], list[tuple[int, str]]]
    stored_texts: Callable[[list[str]], dict[str, str]]
    new_buckets: list[tuple[int, str]] = field(default_factory=list)
    _batch: dict[int, list[str]] = field(default_factory=dict)  # bucket -> articles of this run
    _words: dict[str, set[str]] = field(default_factory=dict)

    def find(self, articles: list[tuple[str, str]]) -> list[Copy]:
        """`articles`: (id, text) in ingestion order. Each is compared with the stored articles and the earlier
        ones of the list."""
        size = self.settings.shingle_words
        prepared = []
        for article_id, text in articles:
            words = shingles(text, size)
            self._words[article_id] = words
            prepared.append((article_id, words, buckets(words, self.settings)))
        stored: dict[int, list[str]] = {}
        for bucket, other in self.stored_candidates(sorted({b for _, _, bs in prepared for b in bs})):
            stored.setdefault(bucket, []).append(other)
        wanted = sorted({o for others in stored.values() for o in others} - set(self._words))
        for other, text in self.stored_texts(wanted).items():
            self._words[other] = shingles(text, size)
        found = []
        for article_id, words, article_buckets in prepared:
            seen: list[str] = []
            for bucket in article_buckets:
                for other in (*stored.get(bucket, ()), *self._batch.get(bucket, ())):
                    if other != article_id and other not in seen:
                        seen.append(other)
            found.append(self._best(article_id, words, seen))
            for bucket in article_buckets:
                self._batch.setdefault(bucket, []).append(article_id)
                self.new_buckets.append((bucket, article_id))
        return found

    def _best(self, article_id: str, words: set[str], candidates: list[str]) -> Copy:
        best: tuple[float, str] | None = None
        for other in candidates:
            score = jaccard(words, self._words.get(other, set()))
            if score >= self.settings.copy_threshold and (best is None or score > best[0]
                                                          or (score == best[0] and other < best[1])):
                best = (score, other)
        if best is None:
            return Copy(article_id, None, None)
        return Copy(article_id, best[1], round(best[0], 4))
