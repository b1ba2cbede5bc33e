"""Background work shared by several processes: a job table (queue.py) and the worker loop (worker.py)."""
