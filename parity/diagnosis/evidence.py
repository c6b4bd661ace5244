"""The first failing step, seen in float64, and the arithmetic that rules use to test a hypothesis."""

from __future__ import annotations

from typing import Callable

import numpy as np

import numpy_net
from parity.engine.compare import Comparison, compare
from parity.engine.record import gradients
from parity.engine.result import FailureContext
from parity.engine.setup import Setup


class Evidence:
    """The first failing step, seen in float64."""

    def __init__(self, setup: Setup, failure: FailureContext, oracles: dict) -> None:
        config = setup.config
        self.config, self.step, self.oracles = config, failure.step, oracles
        self.environment = setup.environment
        self.X, self.y = setup.data.X.astype(np.float64), setup.data.y.astype(np.float64)
        self.n, self.k = self.y.shape
        self.numpy_record, self.torch_record = failure.numpy_record, failure.torch_record
        self.before = {name: v.astype(np.float64) for name, v in failure.numpy_before.items()}
        self.torch_before = {name: v.astype(np.float64) for name, v in failure.torch_before.items()}
        rtol, atol = config.tolerances
        self.comparisons: dict[str, Comparison] = {
            name: compare(failure.numpy_record[name], value, rtol, atol, config.dtype)
            for name, value in failure.torch_record.items()
            if name in failure.numpy_record
        }
        # Code that folds a plain SGD update into backprop records no gradients: recover them, g = -Δθ/lr,
        # so that the gradient rules apply; such a gradient fails exactly where its update does.
        self.derived_grads = not any(name.endswith(".grad") for name in self.numpy_record)
        if self.derived_grads:
            numpy_grads = gradients(self.numpy_record, failure.numpy_before, config.optimizer, config.lr)
            torch_grads = gradients(self.torch_record, failure.torch_before, config.optimizer, config.lr)
            self.numpy_record = {**self.numpy_record, **numpy_grads}
            self.torch_record = {**self.torch_record, **torch_grads}
            for name in numpy_grads.keys() & torch_grads.keys():
                self.comparisons[name] = self.comparisons[name.replace(".grad", ".update")]
        # Hypotheses must match, and ratios hold, to about the run's precision. An update is
        # the difference of two nearly equal weights, so it keeps fewer digits than a gradient.
        self.match_tolerance = 1e-4 if config.dtype == "float32" else 1e-8
        self.ratio_tolerance = 1e-2 if config.dtype == "float32" else 1e-6
        self.reference = numpy_net.forward(self.before, self.X)

    def numpy(self, name: str) -> np.ndarray:
        return np.asarray(self.numpy_record[name], dtype=np.float64)

    def torch(self, name: str) -> np.ndarray:
        return np.asarray(self.torch_record[name], dtype=np.float64)

    def failed(self, name: str) -> bool:
        return name in self.comparisons and not self.comparisons[name].passed

    def grads(self) -> list[str]:
        return [name for name in self.comparisons if name.endswith(".grad")]

    def params(self) -> list[str]:
        return [name for name in self.before if name in self.comparisons]

    def update(self, side: str, name: str) -> np.ndarray:
        """The change a side made to a parameter in this step."""
        if side == "numpy":
            return self.numpy(name) - self.before[name]
        return self.torch(name) - self.torch_before[name]

    def matches(self, predicted: np.ndarray, name: str) -> bool:
        observed = self.numpy(name)
        return predicted.shape == observed.shape and relative_gap(predicted, observed) < self.match_tolerance


def relative_gap(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), np.linalg.norm(a), 1e-300))


def fit_ratio(a: np.ndarray, b: np.ndarray) -> tuple[float, float] | None:
    """The r that best gives a ≈ r b, and how far a is from r b (relative); None where b is 0 or shapes differ."""
    if a.shape != b.shape or not np.any(b):
        return None
    r = float(np.vdot(a, b) / np.vdot(b, b))
    return r, relative_gap(a, r * b)


def common_ratio(evidence: Evidence, names: list[str], of: Callable[[str, str], np.ndarray]) -> float | None:
    """One ratio numpy/torch that fits every named tensor, or None."""
    ratios = [fit_ratio(of("numpy", name), of("torch", name)) for name in names]
    tolerance = evidence.ratio_tolerance
    if not ratios or any(r is None or r[1] > tolerance for r in ratios):
        return None
    values = [r for r, _ in ratios]
    if max(values) - min(values) > tolerance * max(max(abs(v) for v in values), tolerance):
        return None
    return float(np.mean(values))


def close(a: float, b: float, tolerance: float = 2e-3) -> bool:
    return abs(a - b) <= tolerance * max(abs(b), 1e-12)
