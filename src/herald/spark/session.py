"""Starting Spark: check for Java, build a SparkSession whose Python workers use this interpreter."""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from herald.errors import ConfigError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

log = logging.getLogger(__name__)

JAVA_HINT = ("Spark needs a Java 17 (or newer) runtime: on Debian/Ubuntu `apt-get install openjdk-17-jre-headless` "
             "(scripts/install-system-deps.sh does it), or set JAVA_HOME")


def java_version() -> int | None:
    """The major version of the Java runtime Spark would use, or None when there is none."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.exists(java):
        return None
    try:
        shown = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', shown)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


def require_java(minimum: int = 17) -> int:
    version = java_version()
    if version is None:
        raise ConfigError(f"no Java runtime found. {JAVA_HINT}")
    if version < minimum:
        raise ConfigError(f"Java {version} found; PySpark 4 needs Java {minimum}+. {JAVA_HINT}")
    return version


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ConfigError("PySpark is not installed: pip install 'herald-events[spark]'") from None


def spark_session(master: str = "local[*]", app_name: str = "herald", config: dict[str, str] | None = None
                  ) -> "SparkSession":
    """A SparkSession for Herald jobs. `master` is local[N] or a cluster URL (spark://, yarn, k8s://)."""
    require_pyspark()
    require_java()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.python.worker.reuse", "true")  # one pipeline per executor Python process
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
               .config("spark.sql.adaptive.enabled", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    log.info("Spark %s session on %s", session.version, master)
    return session
