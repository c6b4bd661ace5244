"""The figure of a run: both losses per step, and each group's error against its tolerance, the first failure marked.

matplotlib is an optional extra (pip install "numpy-torch-parity[plot]"): it is imported
only when a plot is asked for, and its absence is found before the run.
"""

from __future__ import annotations

import importlib.util
import os
from typing import IO, Callable

from parity.errors import InputError
from parity.report.series import StepSeries

FORMATS = {".png": "png", ".svg": "svg"}
POINTS = 500  # a long run is drawn as the worst of each window of steps: the envelope, not a blur of spikes


def check_plot_path(path: str) -> None:
    """Before the run: matplotlib is there and the path names a format it writes."""
    if os.path.splitext(path)[1].lower() not in FORMATS:
        raise InputError(f"--plot {path!r}: give a .png or .svg path")
    if importlib.util.find_spec("matplotlib") is None:
        raise InputError('--plot needs matplotlib, an optional extra: pip install "numpy-torch-parity[plot]" (or pip install matplotlib)')


def plot_writer(series: StepSeries, path: str, title: str) -> Callable[[IO], None]:
    """What writes the figure into an open binary file (files.write_all writes every output together)."""

    def write(file: IO) -> None:
        import matplotlib

        matplotlib.use("Agg")  # no display needed, none opened
        import matplotlib.pyplot as plt

        panels = 2 if series.has_loss() else 1
        figure, axes = plt.subplots(panels, 1, figsize=(9, 3.4 * panels), sharex=True, squeeze=False)
        axes = axes[:, 0]
        steps = list(series.steps)
        if series.has_loss():
            axes[0].plot(steps, list(series.loss["numpy"]), label="NumPy", linewidth=3, alpha=0.5)
            axes[0].plot(steps, list(series.loss["torch"]), label="torch", linewidth=1.2, linestyle="--")
            axes[0].set_ylabel("loss")
            axes[0].legend()
        errors = axes[-1]
        window = max(1, len(steps) // POINTS)
        for group in series.groups():
            x, worst = envelope(steps, series.used[group], window)
            errors.plot(x, worst, label=group, linewidth=1.2)
        errors.axhline(1.0, color="red", linewidth=1.5, label="tolerance")
        errors.set_yscale("log")
        errors.set_ylabel("max |numpy - torch| / tolerance" + (f"\n(worst of each {window} steps)" if window > 1 else ""))
        errors.set_xlabel("step")
        if series.first_failure is not None:
            for axis in axes:
                axis.axvline(series.first_failure, color="red", linestyle=":", linewidth=1)
            errors.annotate(f"first failure, step {series.first_failure}", (series.first_failure, 1.0),
                            textcoords="offset points", xytext=(5, 8), color="red")
        errors.legend(loc="best", fontsize="small")
        axes[0].set_title(title, fontsize="medium")
        figure.tight_layout()
        figure.savefig(file, format=FORMATS[os.path.splitext(path)[1].lower()])
        plt.close(figure)

    return write


def envelope(steps: list[int], values, window: int) -> tuple[list[int], list[float]]:
    """The worst value of each window of steps; an exact match (0) has no place on a log scale and is left out."""
    x, worst = [], []
    for start in range(0, len(steps), window):
        chunk = [v for v in values[start:start + window] if v > 0]  # NaN and 0 fall out
        x.append(steps[min(start + window, len(steps)) - 1])
        worst.append(max(chunk) if chunk else float("nan"))
    return x, worst
