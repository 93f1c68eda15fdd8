"""Live mode: watch a folder and code new or changed article files as they appear (`herald watch`, `herald serve
--watch`). The watcher writes through the store's single writer and remembers which file versions it has coded."""
from herald.watch.scanner import FileSignature, FolderScanner
from herald.watch.watcher import Watcher, WatchStatus

__all__ = ["FileSignature", "FolderScanner", "WatchStatus", "Watcher"]
