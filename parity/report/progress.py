"""A progress bar for long runs on a terminal: steps done, steps/s, time left, and how close the worst tensor is.

tqdm draws it: one small pure-Python package with no dependencies of its
own, `delay` shows the bar only once a run has taken a second, and it writes
to stderr, so stdout (the table, piped JSON) stays as it is.
"""

from __future__ import annotations

import sys
from typing import IO

from parity.engine.compare import Comparison

DELAY_SECONDS = 1.0  # a run shorter than this shows no bar


def wanted(quiet: bool, stream: IO | None = None) -> bool:
    """A bar only on a terminal, and not with --quiet."""
    stream = stream or sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """An engine listener (see parity.engine.loop.run_steps) that advances a tqdm bar by one step a call."""

    def __init__(self, steps: int, file: IO | None = None, delay: float = DELAY_SECONDS) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=steps, unit="step", file=file or sys.stderr, delay=delay, leave=False, dynamic_ncols=True,
                        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]{postfix}")
        self.worst = 0.0

    def __call__(self, step: int, comparisons: dict[str, Comparison] | None, numpy_record=None, torch_record=None) -> None:
        if comparisons:
            name, comparison = max(comparisons.items(), key=lambda item: item[1].used)
            self.worst = comparison.used
            self.bar.postfix = f"worst: {name} at {_share(comparison.used)} of its tolerance"
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def _share(used: float) -> str:
    return "∞" if used == float("inf") else f"{100 * used:.3g}%"
