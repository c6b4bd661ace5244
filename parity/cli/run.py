"""`parity run`: the kit's NumPy network against its torch twin."""

from __future__ import annotations

from typing import Any

import click

from parity.cli.group import WholeFirstLine
from parity.cli.options import config_from_report, finish, hidden_sizes, training_options
from parity.config.config import RunConfig
from parity.files import check_writable, write_atomically


@click.command(cls=WholeFirstLine)
@training_options(lr=0.5)
@click.option("--hidden", default="4", show_default=True, callback=hidden_sizes, help="Hidden units, or widths of several hidden layers: 8,8.")
@click.option("--bias/--no-bias", default=True, show_default=True, help="Biases in both layers.")
@click.option("--weights", type=str, default=None, help="Start from these weights (.npz with W1, b1, W2, b2 in NumPy layout).")
@click.option("--save-weights", type=str, default=None, help="Write the initial weights to this .npz.")
@click.option("--from-report", "from_report", type=str, default=None, help="Re-run the config stored in a JSON report (no other run options).")
@click.pass_context
def run(ctx: click.Context, save_weights: str | None, json_path: str | None, junit_path: str | None, from_report: str | None, **options: Any) -> int:
    """Run the NumPy network and its torch twin from the same weights, and compare every step.

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage or input, 130 interrupted.
    """
    import numpy_net
    from parity.api import run as run_parity

    config = RunConfig(**options) if from_report is None else config_from_report(ctx, from_report, options, "run")[0]
    for path, option in ((save_weights, "--save-weights"), (json_path, "--json"), (junit_path, "--junit")):
        if path is not None:
            check_writable(path, option)
    report = run_parity(config)
    if save_weights is not None:
        write_atomically(save_weights, lambda file: numpy_net.save_weights(file, report.initial_weights), binary=True)
    return finish(report, json_path, junit_path)
