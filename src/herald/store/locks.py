"""Why a store cannot be opened, said so the user knows what to do: DuckDB lets one process at a time open a file
read-write, so `herald ingest` on a store a running `herald serve` holds must go through that server."""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def open_error(path: str, error: Exception) -> str:
    """The message of the StoreError raised when DuckDB refuses to open `path`."""
    found = _HOLDER.search(str(error))
    if not found:
        return f"cannot open the store {path}: {error}"
    pid = found["pid"]
    command = command_line(pid)
    holder = shlex.join(command) if command else found["program"]
    if "serve" not in command:
        return (f"the store {path} is in use by process {pid} ({holder}): DuckDB lets only one process write to a "
                "store at a time. Wait for it to finish or stop it, then run this command again.")
    url = f"http://{option(command, '--host') or '127.0.0.1'}:{option(command, '--port') or '8000'}"
    watched = option(command, "--watch")
    if watched and not Path(watched).is_absolute():
        try:
            watched = str(Path(os.readlink(f"/proc/{pid}/cwd")) / watched)
        except OSError:
            pass
    drop = (f"put the files in {watched}, the folder this server watches" if watched else
            f"restart it as `herald serve --db {path} --watch DIR` and put the files in DIR (live mode)")
    token_file = option(command, "--token-file")
    through = (f"`herald ingest PATH... --server {url} --token-file {token_file}`" if token_file else
               f"`herald ingest PATH... --server {url}` with HERALD_API_TOKEN set to the server's token (if it was "
               "started with one)")
    return (f"the store {path} is held by a running `herald serve` (PID {pid}: {holder}), and DuckDB lets no "
            f"process write to a store that another process has open. Let the server code the articles: {drop}, or "
            f"send them to it with {through}, which POSTs them to {url}/api/articles. Or stop the server and run this "
            "command again.")


def command_line(pid: str) -> list[str]:
    """The command line of a process (Linux /proc), or [] when it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    parts = [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]
    return [Path(parts[0]).name, *parts[1:]] if parts else []


def option(command: list[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` in a command line."""
    for index, part in enumerate(command):
        if part == name and index + 1 < len(command):
            return command[index + 1]
        if part.startswith(name + "="):
            return part[len(name) + 1:]
    return None
