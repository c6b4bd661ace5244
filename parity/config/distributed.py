"""The loss convention of a distributed run: what DDP's averaging of the ranks' gradients does to each loss."""

from __future__ import annotations

from parity.config.config import RunConfig

COLLECTIVE_TIMEOUT = 120  # seconds: a rank that died must not hang the others forever
SUM_LOSSES = {"sse", "half-sse", "bce-sum", "ce-sum"}  # the losses whose gradient DDP's averaging divides by W


def loss_convention(config: RunConfig, own_step: bool = False) -> str:
    """What the run does about DDP's averaging, in words for the report. own_step: a user's --torch-step,
    which may compute its own loss rather than call loss_fn."""
    W = config.world_size
    if config.loss not in SUM_LOSSES:
        return f"{config.loss} averages over the global batch: DDP's mean of the {W} ranks' means, as it is"
    yours = f"; a --torch-step that computes its own loss must multiply it by world_size ({W}) itself" if own_step else ""
    if config.ddp_sum_scaling:
        return f"{config.loss} sums over the global batch: each rank's loss multiplied by {W}, since DDP averages{yours}"
    return f"{config.loss} sums over the global batch, and each rank's loss is NOT multiplied by {W} (--no-ddp-sum-scaling)"


def loss_scale(config: RunConfig) -> int:
    """What each rank multiplies its loss by: the world size for a sum loss (DDP averages), else 1."""
    return config.world_size if config.loss in SUM_LOSSES and config.ddp_sum_scaling else 1
