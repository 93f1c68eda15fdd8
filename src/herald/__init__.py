"""Herald: offline political event coding from news articles.

The public Python API is small and imports nothing heavy until used::

    from herald import Pipeline, read_articles
    pipeline = Pipeline.default()
    for result in pipeline.run(read_articles(["news.jsonl"])):
        ...
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "Pipeline", "read_articles"]


def __getattr__(name: str):  # lazy: `import herald` must stay cheap
    if name == "Pipeline":
        from herald.pipeline import Pipeline

        return Pipeline
    if name == "read_articles":
        from herald.ingest import read_articles

        return read_articles
    raise AttributeError(f"module 'herald' has no attribute {name!r}")
