"""Scale-out: the Herald pipeline on Apache Spark (PySpark), writing Parquet; and loading that Parquet into DuckDB.

Importing this package does not import PySpark; `run_spark` does.
"""
from herald.spark.job import SparkRunSummary, input_files, run_spark
from herald.spark.load import LoadSummary, load_parquet
from herald.spark.partition import JobSettings

__all__ = ["JobSettings", "LoadSummary", "SparkRunSummary", "input_files", "load_parquet", "run_spark"]
