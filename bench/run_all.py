"""Run every benchmark in turn; each writes its own section of docs/BENCHMARKS.md.

    python bench/run_all.py        # about an hour on 2 cores, most of it embedding lead chunks
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("ingest.py", "retrieval.py", "embed_choice.py", "latency.py"):
    print(f"== {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script)], check=True)
