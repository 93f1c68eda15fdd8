"""Which files under a watched folder are new or changed: by path, modification time and size, polled."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from herald.errors import ConfigError
from herald.ingest.reader import files_under


@dataclass(frozen=True, slots=True)
class FileSignature:
    """A version of a file: a file whose signature changed is read again."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> "FileSignature":
        stat = path.stat()
        return cls(stat.st_mtime_ns, stat.st_size)


@dataclass(frozen=True, slots=True)
class Scan:
    ready: list[tuple[Path, FileSignature]]  # new or changed files, settled: read them now
    files: int  # article files under the folder
    settling: int  # new or changed files still being written (seen again at the next scan)


class FolderScanner:
    """Lists the article files under `folder` (every format `herald extract` reads, .html/.htm pages and WARC
    crawls; names starting with '.' are skipped: editors and copy tools write such temporary files). A file is ready
    once it has not been modified for `settle_seconds`, so a file still being copied is not read half-written."""

    def __init__(self, folder: str | Path, settle_seconds: float = 1.0, clock: Callable[[], float] = time.time):
        self.folder = Path(folder).resolve()
        if not self.folder.is_dir():
            raise ConfigError(f"cannot watch {self.folder}: no such folder")
        self.settle_seconds = settle_seconds
        self._clock = clock

    def scan(self, known: Mapping[str, FileSignature]) -> Scan:
        """The files whose signature differs from `known` (keyed by path as a string)."""
        ready: list[tuple[Path, FileSignature]] = []
        files = settling = 0
        now = self._clock()
        for path in files_under(self.folder):
            if any(part.startswith(".") for part in path.relative_to(self.folder).parts):
                continue
            try:
                signature = FileSignature.of(path)
            except OSError:  # removed or renamed since it was listed
                continue
            files += 1
            if known.get(str(path)) == signature:
                continue
            if now - signature.mtime_ns / 1e9 < self.settle_seconds:
                settling += 1
            else:
                ready.append((path, signature))
        return Scan(ready, files, settling)
