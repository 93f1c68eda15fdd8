"""Executors: run the pipeline in several local worker processes (Spark lives in herald.spark)."""
from herald.executors.parallel import (BatchProcessor, ParallelRunner, PipelineFactory, WorkerStats, chunks_of,
                                       run_chunk, run_parallel)

__all__ = ["BatchProcessor", "ParallelRunner", "PipelineFactory", "WorkerStats", "chunks_of", "run_chunk",
           "run_parallel"]
