"""One Pipeline per process, built on first use: spaCy and the lexicons load once, however many callers code
articles (POST /api/articles and the folder watcher of `herald serve --watch` share it)."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from herald.actors import ActorKB
    from herald.pipeline import Pipeline, PipelineOptions
    from herald.store import Store

PipelineFactory = Callable[["ActorKB"], "Pipeline"]


def default_factory(options: "PipelineOptions | None" = None) -> PipelineFactory:
    def build(kb: "ActorKB") -> "Pipeline":
        from herald.pipeline import Pipeline

        return Pipeline.default(options, kb=kb)
    return build


class LazyPipeline:
    """The pipeline, coding against the actor KB stored when it was built (read-only, as in `herald ingest`), and
    the KB that grows with what the coded articles teach (saved by `herald.ingestion.store_results`)."""

    def __init__(self, factory: PipelineFactory | None = None):
        self._factory = factory or default_factory()
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self._learned: ActorKB | None = None

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def get(self, store: "Store") -> tuple["Pipeline", "ActorKB"]:
        """(pipeline, learned KB), built from `store` on the first call."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._factory(store.load_actor_kb())
                self._learned = store.load_actor_kb()
            return self._pipeline, self._learned
