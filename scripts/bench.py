"""The parity benchmark from a checkout: the same as `parity bench`.

    python3 scripts/bench.py                 # every problem, float32 and float64, CPU and (where present) CUDA
    python3 scripts/bench.py --quick         # without the largest problem
    python3 scripts/bench.py --json b.json   # every figure and the machine, as JSON
"""

import sys

from parity.allocator import keep_freed_memory
from parity.cli import cli

if __name__ == "__main__":
    keep_freed_memory()  # as the `parity` command does
    cli(["bench", *sys.argv[1:]])
