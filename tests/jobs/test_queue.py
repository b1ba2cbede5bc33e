"""The job table on SQLite and PostgreSQL: pending jobs are unique, a claim is exclusive, a lost lease
passes the job on, failures are retried up to a limit, and real worker processes running side by
side process every job exactly once, also when one of them is killed in the middle of a job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from rathaus.jobs.queue import MAX_ATTEMPTS
from rathaus.jobs.worker import run_worker

pytestmark = pytest.mark.integration


def test_a_pending_job_is_enqueued_once(queue):
    assert queue.enqueue("k", "a", {"n": 1}) and not queue.enqueue("k", "a", {"n": 2})
    [job] = queue.claim("w1")
    assert (job.key, job.payload, job.attempts) == ("a", {"n": 1}, 1)
    assert not queue.enqueue("k", "a")  # running is pending too
    assert queue.complete(job)
    assert queue.enqueue("k", "a")  # done: the object may come again (a later change)
    assert queue.counts(("k",)) == {"queued": 1, "running": 0, "done": 1, "failed": 0}


def test_claims_are_exclusive_and_by_kind(queue):
    for i in range(6):
        queue.enqueue("paper", f"p{i}")
    queue.enqueue("other", "x")
    first = queue.claim("w1", ("paper",), limit=4)
    second = queue.claim("w2", ("paper",), limit=4)
    assert [j.key for j in first] == ["p0", "p1", "p2", "p3"] and [j.key for j in second] == ["p4", "p5"]
    assert queue.claim("w3", ("paper",)) == []
    assert [j.key for j in queue.claim("w3")] == ["x"]


def test_a_lost_lease_passes_the_job_on_and_the_late_worker_cannot_complete_it(queue):
    queue.enqueue("k", "a")
    [mine] = queue.claim("w1", lease_seconds=0.3)
    assert queue.claim("w2") == []  # leased
    time.sleep(0.5)
    [theirs] = queue.claim("w2")
    assert theirs.attempts == 2 and theirs.worker == "w2"
    assert not queue.complete(mine) and not queue.fail(mine, "late")  # w1 lost it
    assert queue.complete(theirs)


def test_failures_are_retried_then_given_up_with_the_error(queue):
    queue.enqueue("k", "a")
    for attempt in range(1, MAX_ATTEMPTS + 1):
        [job] = queue.claim("w1")
        assert job.attempts == attempt
        assert queue.fail(job, f"broken {attempt}")
    assert queue.claim("w1") == []
    assert queue.failures(("k",)) == [("a", f"broken {MAX_ATTEMPTS}")]
    assert queue.clear(("k",)) == 1 and queue.counts(("k",))["failed"] == 0


def test_a_job_whose_worker_keeps_dying_is_given_up(queue):
    queue.enqueue("k", "a")
    for _ in range(MAX_ATTEMPTS):
        assert queue.claim("w1", lease_seconds=0.05)
        time.sleep(0.1)
    assert queue.claim("w1") == []
    [(key, error)] = queue.failures()
    assert key == "a" and "lease expired" in error


def test_the_worker_loop_runs_handlers_and_records_failures(queue):
    for key in ("ok1", "bad", "ok2"):
        queue.enqueue("k", key)
    seen = []

    def handler(job):
        seen.append(job.key)
        if job.key == "bad":
            raise ValueError("cannot read this object")

    report = run_worker(queue, {"k": handler}, worker="w", once=True)
    assert report.done == 2 and report.failed == MAX_ATTEMPTS
    assert Counter(seen) == {"ok1": 1, "ok2": 1, "bad": MAX_ATTEMPTS}
    assert queue.failures() == [("bad", "ValueError: cannot read this object")]


WORKER = textwrap.dedent("""
    import os, sys, time
    from rathaus.jobs.worker import run_worker
    from tests.jobs.conftest import open_target
    kind, where, log_path, slow_key = sys.argv[1:5]
    queue = open_target((kind, where))
    def handler(job):
        with open(log_path, "a") as log:
            log.write(f"{os.getpid()} start {job.key}\\n")
        time.sleep(30 if job.key == slow_key else 0.02)
        with open(log_path, "a") as log:
            log.write(f"{os.getpid()} done {job.key}\\n")
    report = run_worker(queue, {"ingest": handler}, once=True, lease_seconds=float(sys.argv[5]))
    print(report.done, report.lost)
""")


def start_worker(target, log: Path, slow_key: str = "-", lease: float = 60.0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen([sys.executable, "-c", WORKER, *target, str(log), slow_key, str(lease)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_worker_processes_never_process_the_same_job_twice(queue, queue_target, tmp_path):
    keys = [f"doc{i:03d}" for i in range(120)]
    for key in keys:
        queue.enqueue("ingest", key)
    log = tmp_path / "work.log"
    workers = [start_worker(queue_target, log) for _ in range(2)]
    outputs = [w.communicate(timeout=120) for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs
    done = [line.split() for line in log.read_text().splitlines() if " done " in line]
    assert Counter(key for _, _, key in done) == Counter(keys)  # every job once, none twice
    assert len({pid for pid, _, _ in done}) == 2  # both took part
    assert queue.counts(("ingest",))["done"] == len(keys)


def test_a_killed_workers_job_is_picked_up_again(queue, queue_target, tmp_path):
    for key in ("a", "b", "c"):
        queue.enqueue("ingest", key)
    log = tmp_path / "work.log"
    doomed = start_worker(queue_target, log, slow_key="a", lease=1.0)
    deadline = time.monotonic() + 60
    while "start a" not in (log.read_text() if log.exists() else "") and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(doomed.pid, signal.SIGKILL)  # mid-job: no chance to clean up
    doomed.wait()
    time.sleep(1.2)  # its lease runs out
    rescuer = start_worker(queue_target, log)
    out, err = rescuer.communicate(timeout=120)
    assert rescuer.returncode == 0, err
    done = [line.split()[2] for line in log.read_text().splitlines() if " done " in line]
    assert sorted(done) == ["a", "b", "c"] and Counter(done)["a"] == 1
    assert queue.counts(("ingest",)) == {"queued": 0, "running": 0, "done": 3, "failed": 0}
    assert json.dumps(queue.failures()) == "[]"


def test_a_stopped_workers_jobs_are_released_at_once(queue):
    queue.enqueue("k", "a")
    queue.enqueue("k", "b")
    [job] = queue.claim("w1")
    assert queue.release("w2") == 0 and queue.release("w1") == 1  # w1 stopped; no need to wait for its lease
    assert [j.key for j in queue.claim("w3", limit=2)] == ["a", "b"]
    assert not queue.complete(job)  # the stopped worker's claim is gone


def test_jobs_of_a_worker_process_that_is_gone_are_released_without_waiting(queue, queue_target, tmp_path):
    from rathaus.jobs.spawn import release_stopped_workers

    queue.enqueue("ingest", "a")
    log = tmp_path / "work.log"
    doomed = start_worker(queue_target, log, slow_key="a", lease=300.0)  # a long lease
    deadline = time.monotonic() + 60
    while "start a" not in (log.read_text() if log.exists() else "") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert release_stopped_workers(queue) == 0  # alive: its job stays with it
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait()
    assert release_stopped_workers(queue) == 1
    [job] = queue.claim("w2")
    assert job.key == "a"
