"""The first failing step, seen in float64, and the arithmetic that rules use to test a hypothesis."""

from __future__ import annotations

from typing import Callable

import numpy as np

import numpy_net
from parity.engine.compare import Comparison
from parity.engine.loop import run_comparison
from parity.engine.record import gradients, hidden_names
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE, RATIO_TOLERANCE


# How closely a hypothesis must reproduce the NumPy side (relative gap), and a ratio hold across tensors.


class Evidence:
    """The first failing step, seen in float64."""

    def __init__(self, setup: Setup, failure: FailureContext, oracles: dict, minimum_atol: float | None = None) -> None:
        config = setup.config
        self._setup, self._kit_state = setup, None
        self.minimum_atol = minimum_atol  # the least --atol that passes the whole run, where the run was seen whole
        self.config, self.step, self.oracles, self.failure = config, failure.step, oracles, failure
        self.environment = setup.environment
        X, y = setup.batch(failure.step)
        self.X, self.y = X.astype(np.float64), y.astype(np.float64)
        self.n, self.k = self.y.shape
        self.numpy_record, self.torch_record = failure.numpy_record, failure.torch_record
        self.before = {name: v.astype(np.float64) for name, v in failure.numpy_before.items()}
        self.torch_before = {name: v.astype(np.float64) for name, v in failure.torch_before.items()}
        shared = tuple(name for name in failure.torch_record if name in failure.numpy_record)
        # the run's own rule, allowances and all: what failed here is what failed in the run
        self.comparisons: dict[str, Comparison] = run_comparison(setup, shared).compare_step(failure.numpy_record, failure.torch_record)
        # Code that folds a plain SGD update into backprop records no gradients: recover them, g = -Δθ/lr,
        # so that the gradient rules apply; such a gradient fails exactly where its update does.
        self.derived_grads = not any(name.endswith(".grad") for name in self.numpy_record)
        if self.derived_grads:
            first = {"first_step": failure.step == 1, "momentum": config.momentum}  # a momentum's first step is a multiple of g
            numpy_grads = gradients(self.numpy_record, failure.numpy_before, config.optimizer, config.lr, **first)
            torch_grads = gradients(self.torch_record, failure.torch_before, config.optimizer, config.lr, **first)
            self.numpy_record = {**self.numpy_record, **numpy_grads}
            self.torch_record = {**self.torch_record, **torch_grads}
            for name in [n for n in numpy_grads if n in torch_grads]:  # the record's order, output layer first
                self.comparisons[name] = self.comparisons[name.replace(".grad", ".update")]
        # Hypotheses must match, and ratios hold, to about the run's precision. An update is
        # the difference of two nearly equal weights, so it keeps fewer digits than a gradient.
        self.match_tolerance = MATCH_TOLERANCE[config.dtype]
        self.ratio_tolerance = RATIO_TOLERANCE[config.dtype]
        self.hidden_activation, self.output_activation = config.hidden_activation, config.output_activation
        self.loss = numpy_net.make_loss(config.loss, config.output_activation)
        self.layers = numpy_net.layer_count(self.before)
        self._deltas: dict[int, np.ndarray] | None = None
        self.reference = self.forward(self.before)

    def forward(self, params: dict[str, np.ndarray]) -> numpy_net.Activations:
        """The run's network evaluated in float64 on the failing step's data."""
        return numpy_net.forward(params, self.X, self.hidden_activation, self.output_activation)

    @property
    def inputs(self) -> list[np.ndarray]:
        """What each layer multiplies by its weight: inputs[l - 1] for layer l (X, then the hidden layers)."""
        return [self.X, *self.reference.layers]

    @property
    def deltas(self) -> dict[int, np.ndarray]:
        """The correct dL/dz of every layer at the step's starting weights, from the output back."""
        if self._deltas is None:
            ref, inputs = self.reference, self.inputs
            deltas = {self.layers: self.loss.delta(ref.logits, ref.output, self.y)}
            for layer in range(self.layers, 1, -1):
                back = deltas[layer] @ self.before[f"W{layer}"].T
                deltas[layer - 1] = numpy_net.backward_through(self.hidden_activation, inputs[layer - 1], back)
            self._deltas = deltas
        return self._deltas

    def forward_record(self, params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """The forward tensors of the record (hidden layers, output, loss) as these parameters give them."""
        acts = self.forward(params)
        record = dict(zip(hidden_names(len(acts.layers) + 1), acts.layers))
        record.update(output=acts.output, loss=self.loss.value(acts.logits, acts.output, self.y))
        return record

    def first_failed_forward(self) -> str | None:
        """The first forward tensor (hidden layers, output, loss) that fails, in order of computation."""
        names = [*hidden_names(self.layers), "output", "loss"]
        return next((name for name in names if self.failed(name)), None)

    def numpy(self, name: str) -> np.ndarray:
        return np.asarray(self.numpy_record[name], dtype=np.float64)

    def torch(self, name: str) -> np.ndarray:
        return np.asarray(self.torch_record[name], dtype=np.float64)

    def kit_state(self) -> dict:
        """The kit's torch twin's optimizer state at the step's start (W1.exp_avg, ..., step_count), replayed where a
        check recorded none; {} where the torch side is a port."""
        if self._kit_state is None:
            self._kit_state = {}
            if self._setup.user_sides == ("numpy",):
                torch = self._setup.replay(self.step)[1]
                twin = getattr(torch, "side", torch)  # a check's twin records updates only, around the kit's side
                if hasattr(twin, "snapshot"):
                    params = twin.params()
                    self._kit_state = {k: np.asarray(v, np.float64) for k, v in twin.snapshot().items() if k not in params}
        return self._kit_state

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

    def difference_tolerance(self, names: list[str]) -> float:
        """How closely a difference of two float sides can be reproduced: a difference keeps fewer digits than its terms."""
        scale = np.linalg.norm(np.concatenate([self.torch(n).ravel() for n in names]))
        moved = np.linalg.norm(np.concatenate([(self.numpy(n) - self.torch(n)).ravel() for n in names]))
        return max(self.match_tolerance, 16 * np.finfo(self.config.dtype).eps * scale / max(moved, 1e-300))

    def explains(self, predicted: np.ndarray, name: str) -> bool:
        """The hypothesis reproduces the NumPy side's `name` and is not simply the correct value: a
        hypothesis that predicts what torch computed explains nothing about why NumPy differs."""
        predicted = np.asarray(predicted, dtype=np.float64)
        if not self.matches(predicted, name):
            return False
        reference = self.torch(name)
        return predicted.shape != reference.shape or relative_gap(predicted, reference) > 10 * self.match_tolerance


def run_gradients(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, config) -> dict[str, np.ndarray]:
    """The run's model's gradients at these parameters on this batch (its activations, output unit and loss)."""
    acts = numpy_net.forward(params, X, config.hidden_activation, config.output_activation)
    return numpy_net.backward(params, X, acts, y, numpy_net.make_loss(config.loss, config.output_activation), config.hidden_activation)


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
    if sum(np.size(of("torch", name)) for name in names) < 2:
        return None  # a ratio fitted on one number always fits: it is no evidence
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


def affine_fit(seen: np.ndarray, x: np.ndarray) -> tuple[float, float, float] | None:
    A = np.stack([x, np.ones_like(x)], axis=1)
    (s, t), *_ = np.linalg.lstsq(A, seen, rcond=None)
    return float(s), float(t), relative_gap(s * x + t, seen)


def as_division(factor: float) -> str:
    """' = 1/k' where a factor below 1 is one over a whole number (1/255: pixel scaling; lr/4), else ''."""
    if not 0 < factor < 1:
        return ""
    k = 1 / factor
    return f" = 1/{round(k)} (divided by {round(k)})" if abs(k - round(k)) <= 1e-4 * k else ""


def few(values: np.ndarray) -> str:
    shown = ", ".join(f"{v:.4g}" for v in values[:3])
    return shown + (", …" if len(values) > 3 else "")


def one_side(z: np.ndarray, seen: np.ndarray, right: np.ndarray, tolerance: float) -> tuple[str, str, float] | None:
    """(where, other, gap): seen is right where z is of one sign and not where it is of the other; else None."""
    for side, where, other in ((z > 0, "z > 0", "z < 0"), (z < 0, "z < 0", "z > 0")):
        rest = ~side & (z != 0)
        # agreement where both are 0 (ReLU's z < 0) is no evidence: any multiple of the right values agrees there
        if side.sum() >= 2 and rest.sum() >= 2 and np.any(right[side]) and relative_gap(seen[side], right[side]) <= tolerance \
                and relative_gap(seen[rest], right[rest]) > tolerance:
            return where, other, relative_gap(seen[rest], right[rest])
    return None


def golden_minimum(f, low: float, high: float, steps: int = 60) -> float:
    """The x in [low, high] where f is least, by golden-section search (f unimodal there): the middle of the last bracket."""
    ratio = (np.sqrt(5) - 1) / 2
    for _ in range(steps):
        a, b = high - ratio * (high - low), low + ratio * (high - low)
        low, high = (low, b) if f(a) < f(b) else (a, high)
    return (low + high) / 2
