"""Why a distributed run parts from the single NumPy run: ranks that disagree, or DDP's averaging left uncorrected.

A distributed run is not replayed (that would start every worker again):
these findings read the failing step's records alone.
"""

from __future__ import annotations

import numpy as np

from parity.config.config import RunConfig
from parity.diagnosis.finding import Finding
from parity.engine.result import FailureContext
from parity.tolerance.diagnosis import DDP_RATIO_TOLERANCE as RATIO_TOLERANCE


def distributed_findings(config: RunConfig, failure: FailureContext) -> list[Finding]:
    spread = float(np.asarray(failure.torch_record.get("rank_spread", 0.0)))
    if spread > 0:
        return [Finding(
            "ranks-disagree",
            f"At step {failure.step} the ranks' parameters differ by up to {spread:.3g}: the replicas are no longer "
            "the same model, so no rank's numbers mean the whole run's.",
            {"step": failure.step, "largest_difference_between_ranks": spread},
            "Every rank must start from the same weights and apply the same averaged gradient: broadcast the initial "
            "parameters (DDP does at construction), keep randomness seeded alike, and never update one rank alone.",
            0.99,
        )]
    ratio = _gradient_ratio(failure, config.optimizer)
    W = config.world_size
    if ratio is not None and abs(ratio - W) <= RATIO_TOLERANCE * W:
        return [Finding(
            "ddp-loss-scaling",
            f"The NumPy gradients are {ratio:.4g} times torch's, the world size {W}: the {config.loss} loss sums over the "
            f"batch, and DDP averages the ranks' gradients, so each rank's loss must be multiplied by {W}.",
            {"step": failure.step, "ratio": ratio, "world_size": W, "loss": config.loss},
            f"Multiply each rank's loss by the world size ({W}) before backward(), or use a mean loss on both sides.",
            0.98,
        )]
    if ratio is not None and abs(ratio * W - 1) <= RATIO_TOLERANCE:
        return [Finding(
            "ddp-loss-scaling",
            f"The torch gradients are {W} times NumPy's: a loss that DDP already averages was also multiplied by {W}.",
            {"step": failure.step, "ratio": ratio, "world_size": W, "loss": config.loss},
            "Multiply the loss by the world size only for a sum loss; a mean loss needs nothing.",
            0.98,
        )]
    return [Finding(
        "unknown",
        f"No known cause of a distributed run reproduces these numbers; the sides first part at step {failure.step}.",
        {"step": failure.step},
        "Run the same configuration with --world-size 1: if it passes, the difference is in the distribution.",
        0.0,
    )]


def _gradient_ratio(failure: FailureContext, optimizer: str) -> float | None:
    """One ratio numpy / torch that holds for every gradient, or None. A check records updates, not gradients:
    under SGD with or without momentum they are linear in the gradients, so their ratio is the gradients'."""
    suffix = ".grad" if any(name.endswith(".grad") for name in failure.torch_record) else ".update"
    if suffix == ".update" and optimizer == "adam":
        return None  # Adam's update does not scale with the gradient
    ratios = []
    for name, torch_grad in failure.torch_record.items():
        if not name.endswith(suffix) or name not in failure.numpy_record:
            continue
        t, n = np.asarray(torch_grad, np.float64).ravel(), np.asarray(failure.numpy_record[name], np.float64).ravel()
        if not np.any(t):
            continue
        ratio = float(np.vdot(n, t) / np.vdot(t, t))
        if np.abs(n - ratio * t).max() > RATIO_TOLERANCE * np.abs(n).max():
            return None
        ratios.append(ratio)
    if not ratios or max(ratios) - min(ratios) > RATIO_TOLERANCE * abs(max(ratios)):
        return None
    return ratios[0]
