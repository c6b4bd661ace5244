"""`parity run`: the kit's NumPy network against its torch twin."""

from __future__ import annotations

from typing import Any

import click

from parity.cli.group import WholeFirstLine
from parity.cli.options import (NOT_CONFIG, check_outputs, config_from_report, follows_rank_0, hidden_sizes, output_options,
                                 run_with_outputs, training_options)
from parity.config.config import RunConfig, defaults
from parity.errors import InputError


@click.command(cls=WholeFirstLine)
@training_options("run")
@output_options()
@click.option("--hidden", default=",".join(map(str, defaults()["hidden"])), show_default=True, callback=hidden_sizes, help="Hidden units, or widths of several hidden layers: 8,8.")
@click.option("--bias/--no-bias", default=defaults()["bias"], show_default=True, help="Biases in both layers.")
@click.option("--weights", type=str, default=None, help="Start from these weights (.npz with W1, b1, W2, b2 in NumPy layout).")
@click.option("--save-weights", type=str, default=None, help="Write the initial weights to this .npz.")
@click.option("--from-report", "from_report", type=str, default=None, help="Re-run the config stored in a JSON report (no other run options).")
@click.option("--resume-check", "resume_at", type=int, default=None, metavar="K", help="Save both sides' weights and optimizer state at step K, resume fresh sides from them, and require every later step to repeat exactly.")
@click.pass_context
def run(ctx: click.Context, save_weights: str | None, from_report: str | None, resume_at: int | None, **options: Any) -> int:
    """Run the NumPy network and its torch twin from the same weights, and compare every step.

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage or input, 130 interrupted.
    """
    import numpy_net
    from parity.engine.setup import prepare

    outputs = {key: options.pop(key) for key in NOT_CONFIG}
    config = RunConfig(**options) if from_report is None else config_from_report(ctx, from_report, options, "run")[0]
    inputs = {"--data": config.data, "--weights": config.weights, "--from-report": from_report}
    save_weights = check_outputs(outputs, inputs, {"--save-weights": save_weights})["--save-weights"]
    if resume_at is not None and config.world_size > 1:
        raise InputError("--resume-check runs on a single process; drop --world-size")
    if resume_at is not None and not 1 <= resume_at < config.steps:
        raise InputError(f"--resume-check {resume_at}: K must be a step from 1 to {config.steps - 1}, so that steps follow it")
    outputs["resume_at"] = resume_at
    if config.world_size > 1 and follows_rank_0(config):
        return 0  # a rank other than 0 under torchrun: rank 0 reports
    setup = prepare(config)
    weights = [(save_weights, lambda file: numpy_net.save_weights(file, setup.init), True)] if save_weights else []
    return run_with_outputs(setup, outputs, before=weights)
