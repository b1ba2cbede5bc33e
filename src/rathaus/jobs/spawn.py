"""Start worker processes for the jobs of one command and wait until they have worked them off.

    run_workers(settings, 2, on_tick)   # two ``rathaus worker --once`` processes with these settings

The workers get the command's settings through their ``RATHAUS_*`` environment variables, so they
open the same data directory and database whatever the settings came from (command line, .env).
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def settings_environment(settings: Any) -> dict[str, str]:
    env = dict(os.environ)
    for name, value in settings.model_dump().items():
        if value is not None:
            env[f"RATHAUS_{name.upper()}"] = str(value) if not isinstance(value, bool) else str(value).lower()
    return env


def run_workers(settings: Any, count: int, on_tick: Callable[[], None] = lambda: None,
                tick_seconds: float = 0.5) -> list[tuple[str, int]]:
    """Run ``count`` worker processes until no job is left; each one's worker name and exit code."""
    env = settings_environment(settings)
    command = [sys.executable, "-m", "rathaus", "worker", "--once"]
    procs = [subprocess.Popen(command, env=env, cwd=Path.cwd(), stdin=subprocess.DEVNULL) for _ in range(count)]
    try:
        while any(p.poll() is None for p in procs):
            on_tick()
            time.sleep(tick_seconds)
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
                p.wait()
    on_tick()
    codes = [p.returncode for p in procs]
    if any(codes):
        log.warning("worker processes ended with exit codes %s", codes)
    return [(f"{socket.gethostname()}:{p.pid}", p.returncode) for p in procs]


def release_stopped_workers(queue: Any) -> int:
    """Give back the jobs held by workers of this machine whose process no longer exists (a worker on
    another machine keeps its jobs until its lease runs out)."""
    host = socket.gethostname()
    released = 0
    for name in queue.running_workers():
        where, _, pid = name.rpartition(":")
        if where == host and pid.isdigit() and not _alive(int(pid)):
            released += queue.release(name)
    return released


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True
