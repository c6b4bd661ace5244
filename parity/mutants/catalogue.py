"""The catalogue of known porting bugs, each a small variant of numpy_net.

numpy_net stays correct; every mutant replaces one stage of its Trainer
(forward, backward, update, the loss or the optimizer) with the mistake as
people write it. The variants live beside this file, one module per family,
the families of the diagnosis rules. `parity mutants` runs each one against
the torch twin: each must be caught, and the diagnosis should name it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy_net
from parity.api import run
from parity.config.config import RunConfig
from parity.mutants.backward import (
    ActivatedHiddenDerivative, ActivatedOutputDerivative, BiasGradientAveraged, BiasReshapedByBroadcast,
    OutputOverwrittenByError, PreactivationOutputDerivative, SignFlip, UpdatedW2InBackprop,
)
from parity.mutants.forward import MissingHiddenBias, NoisyInput, ReluForTanhHidden, TransposedW1
from parity.mutants.loss import BroadcastTarget, HalfSumForSum, SumForMean
from parity.mutants.numerics import Float64Leak, NaiveBCE
from parity.mutants.optimizer import (
    AdamWithoutBiasCorrection, BiasNeverUpdated, DampeningOnFirstStep, EMAForTorchMomentum, HardCodedLearningRate,
    HeavyBallForNesterov, StepDecaySchedule, UpdateBeforeGradient, WrongLayerUpdate,
)
from parity.report.report import Report


@dataclass(frozen=True)
class Mutant:
    name: str
    pattern: str  # the diagnosis that names it
    trainer: type[numpy_net.Trainer]
    config: dict = field(default_factory=dict)  # what differs from the default run
    later_because: str | None = None  # why the first possible failing step is after step 1
    fails_at: int = 1  # the first step that can show the bug

    @property
    def description(self) -> str:
        return (self.trainer.__doc__ or "").strip()


SQUARE = {"data": "random:16,4,4", "hidden": 4}  # W1 and W2 both 4 x 4

CATALOGUE = (
    Mutant("derivative-of-activated-output", "activation-derivative", ActivatedOutputDerivative),
    Mutant("derivative-of-preactivation", "activation-derivative", PreactivationOutputDerivative),
    Mutant("hidden-derivative-of-activated", "activation-derivative", ActivatedHiddenDerivative),
    Mutant("sign-flip", "sign-flip", SignFlip),
    Mutant("sum-for-mean", "loss-scale", SumForMean, {"loss": "mse"}),
    Mutant("half-sum-for-sum", "loss-scale", HalfSumForSum),
    Mutant("updated-w2-in-backprop", "hidden-layer-backprop", UpdatedW2InBackprop),
    Mutant("bias-gradient-averaged", "bias-gradient", BiasGradientAveraged),
    Mutant("bias-never-updated", "bias-gradient", BiasNeverUpdated),
    Mutant("missing-hidden-bias", "missing-bias", MissingHiddenBias),
    Mutant("transposed-w1", "transposed-weight", TransposedW1, SQUARE),
    Mutant("wrong-layer-update", "wrong-layer-update", WrongLayerUpdate, SQUARE),
    Mutant("ema-for-torch-momentum", "optimizer-variant", EMAForTorchMomentum, {"optimizer": "momentum"}),
    Mutant("dampening-on-first-step", "optimizer-variant", DampeningOnFirstStep, {"optimizer": "momentum", "dampening": 0.5}),
    Mutant("adam-without-bias-correction", "optimizer-variant", AdamWithoutBiasCorrection, {"optimizer": "adam", "lr": 0.05}),
    Mutant("update-before-gradient", "one-step-late", UpdateBeforeGradient, {"optimizer": "momentum"}),
    Mutant("hard-coded-learning-rate", "update-scale", HardCodedLearningRate),
    Mutant("float64-leak", "dtype-mismatch", Float64Leak),
    Mutant("target-broadcast", "target-broadcast", BroadcastTarget),
    Mutant("heavy-ball-for-nesterov", "optimizer-variant", HeavyBallForNesterov, {"optimizer": "nesterov"}),
    Mutant("step-decay-schedule", "learning-rate-schedule", StepDecaySchedule,
           later_because="the first two steps take the full rate; the third is the first to halve it", fails_at=3),
    Mutant("relu-for-tanh-hidden", "activation-function", ReluForTanhHidden, {"hidden_activation": "tanh"}),
    Mutant("noisy-input", "unseeded-randomness", NoisyInput),
    Mutant("bias-reshaped-by-broadcast", "shape-change", BiasReshapedByBroadcast),
    Mutant("output-overwritten-by-error", "activation-derivative", OutputOverwrittenByError),
    Mutant("naive-bce", "unstable-formula", NaiveBCE, {"loss": "bce", "lr": 50},
           later_because="the initial outputs are near 0.5, where log(1 - o) is exact; the first update saturates them", fails_at=2),
)


@dataclass(frozen=True)
class MutantResult:
    mutant: Mutant
    report: Report

    @property
    def caught(self) -> bool:
        return not self.report.passed

    @property
    def top_finding(self) -> str | None:
        return self.report.diagnosis[0].name if self.report.diagnosis else None

    @property
    def named(self) -> bool:
        return self.top_finding == self.mutant.pattern


def run_mutant(mutant: Mutant, steps: int = 5, device: str = "auto", dtype: str = "float32") -> MutantResult:
    config = RunConfig(**{"steps": steps, "device": device, "dtype": dtype, **mutant.config})
    with seeded_generators(config.seed):
        return MutantResult(mutant, run(config, numpy_trainer=mutant.trainer))


@contextmanager
def seeded_generators(seed: int) -> Iterator[None]:
    """The global generators (NumPy's, Python's, torch's) seeded for a mutant's run and given back after.

    A mutant such as noisy-input draws from the global generator, as the bug it plants does in a user's code: from a
    fixed seed its draws, and so `parity mutants --json`, repeat byte for byte, while the diagnosis still sees an
    unseeded generator move within a step. The caller's own generators are left as they were."""
    import random

    import numpy as np
    import torch

    states = np.random.get_state(), random.getstate(), torch.get_rng_state()
    np.random.seed(seed)
    random.seed(seed)
    torch.default_generator.manual_seed(seed)  # the CPU generator alone: a CUDA one is not drawn from, and not reset
    try:
        yield
    finally:
        np.random.set_state(states[0])
        random.setstate(states[1])
        torch.set_rng_state(states[2])
