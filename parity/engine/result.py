"""What the engine hands on: the comparison of a run, and the first failing step kept for a second look."""

from __future__ import annotations

from dataclasses import dataclass, field

from numpy_net import Params
from parity.config.config import RunConfig
from parity.engine.compare import Mismatch, TensorSummary
from parity.engine.record import Record


@dataclass
class FailureContext:
    """Everything needed to re-examine the first failing step, and no more."""

    step: int
    numpy_before: Params
    torch_before: Params
    numpy_record: Record
    torch_record: Record
    # the step before's gradients and optimizer state (empty at step 1): what a stateful hypothesis starts from
    numpy_previous: Record = field(default_factory=dict)
    torch_previous: Record = field(default_factory=dict)


@dataclass
class RunResult:
    """The facts of a run: per-tensor summaries, the first mismatch, a divergence, an interruption."""

    config: RunConfig
    environment: dict
    steps_run: int
    tensors: dict[str, TensorSummary]
    first_failure: Mismatch | None
    failure_context: FailureContext | None = field(default=None, repr=False)
    initial_weights: Params = field(default_factory=dict, repr=False)
    interrupted: bool = False
    divergence: dict | None = None  # Divergence.to_dict()
    network: dict | None = None  # `parity check` only: the user's network and how it was driven
    references: int = 0  # steps at which a float64 reference was taken (parity.tolerance)

    @property
    def passed(self) -> bool:
        return self.first_failure is None and self.divergence is None and not self.interrupted

    @property
    def verdict(self) -> str:
        """pass, fail, diverged (both sides blew up together, parity held until then) or interrupted."""
        if self.interrupted:
            return "interrupted"
        if self.first_failure is None and self.divergence is not None:
            return "diverged"
        return "pass" if self.passed else "fail"
