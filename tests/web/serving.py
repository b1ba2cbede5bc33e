"""Real ``rathaus serve`` processes on free loopback ports, for tests and benchmarks (bench/serve_load.py).

    procs, urls = start_servers([env, env])     # one process per environment, each answering /healthz
    ...
    stop_servers(procs)
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_servers(envs: list[dict[str, str]], timeout: float = 60) -> tuple[list[subprocess.Popen], list[str]]:
    """Start one ``rathaus serve --no-embed`` per environment and wait until each answers /healthz;
    a RuntimeError with the server's last output if one stops or does not come up in time."""
    procs, urls = [], []
    for env in envs:
        port = free_port()
        procs.append(subprocess.Popen([sys.executable, "-m", "rathaus", "serve", "--port", str(port), "--no-embed"],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        urls.append(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + timeout
    try:
        for proc, url in zip(procs, urls, strict=True):
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None:
                    raise RuntimeError(f"rathaus serve stopped: {proc.stderr.read()[-2000:]}")
                if time.monotonic() > deadline:
                    raise RuntimeError("rathaus serve did not come up")
                time.sleep(0.2)
    except BaseException:
        stop_servers(procs)
        raise
    return procs, urls


def stop_servers(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.wait(timeout=60)
