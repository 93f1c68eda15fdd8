"""Settings of the clustering stage."""
from __future__ import annotations

from dataclasses import dataclass

from herald.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """`copy_threshold`: the Jaccard similarity of word shingles from which an article is a near-copy of another
    (also the threshold LSH's bands are tuned for); `shingle_words`: words per shingle; `num_perm`, `seed`: the
    MinHash signature (changing them invalidates stored buckets: rebuild with `herald clusters --rebuild`);
    `chunk`: articles clustered per transaction."""

    copy_threshold: float = 0.5
    shingle_words: int = 3
    num_perm: int = 64
    seed: int = 1
    chunk: int = 500

    def __post_init__(self) -> None:
        if not 0.0 < self.copy_threshold <= 1.0:
            raise ConfigError(f"copy_threshold must be in (0, 1], got {self.copy_threshold}")
        if self.shingle_words < 1 or self.num_perm < 8 or self.chunk < 1:
            raise ConfigError("shingle_words and chunk must be >= 1 and num_perm >= 8")
