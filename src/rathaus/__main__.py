"""``python -m rathaus``: the command line (rathaus/cli.py), also how worker processes are started."""

from rathaus.cli import run

run()
