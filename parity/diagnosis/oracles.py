"""Two oracles that settle which side is right when the sides disagree.

float64 oracle: replay the run to the failing step, copy both sides into
float64 and take that one step again. If the two float64 copies agree, the
sides compute the same mathematics and the float32 disagreement is
rounding; each side's float32 error against the float64 result says which
side rounds worse. (PyTorch's own accuracy checks judge a result against an
fp64 reference by comparing its error with that of a plain float32 run.)

finite-difference oracle: central differences in float64 of the true loss,
which no implementation's backward pass can bias.
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.config.config import RunConfig
from parity.engine.record import gradients
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import FLOAT32_EPS, ROUNDING_FACTOR, ROUNDING_ULPS, SAME_MATHEMATICS


def float64_oracle(setup: Setup, failure: FailureContext) -> dict | None:
    """Both sides' failing step again, in float32 and in float64 copies; None for a network that cannot be copied."""
    numpy32, torch32 = setup.replay(failure.step)
    try:
        numpy64, torch64 = numpy32.promoted(), torch32.promoted()
    except Exception:  # a network holding an open file, a lock, a generator: no float64 copy, no verdict
        return None
    rows = setup.rows(failure.step)
    records = {
        "numpy32": numpy32.step(rows), "torch32": torch32.step(rows),
        "numpy64": numpy64.step(rows), "torch64": torch64.step(rows),
    }
    tensors = {name: _rounding_of(name, records) for name in failure.torch_record}
    rounding = all(t["same_in_float64"] and t["numpy_within_rounding"] for t in tensors.values())
    return {"step": failure.step, "verdict": "rounding" if rounding else "real", "tensors": tensors}


def _rounding_of(name: str, records: dict) -> dict:
    n32, t32, n64, t64 = (np.asarray(records[side][name], dtype=np.float64) for side in ("numpy32", "torch32", "numpy64", "torch64"))
    if n32.shape != t64.shape or n64.shape != t64.shape:
        return {"same_in_float64": False, "numpy_within_rounding": False, "numpy_error": None, "torch_error": None, "closer": "torch"}
    scale = float(np.abs(t64).max(initial=0.0))
    numpy_error = float(np.abs(n32 - t64).max(initial=0.0))
    torch_error = float(np.abs(t32 - t64).max(initial=0.0))
    float64_gap = float(np.abs(n64 - t64).max(initial=0.0))
    return {
        "numpy_error": numpy_error,
        "torch_error": torch_error,
        "float64_gap": float64_gap,
        "scale": scale,
        "same_in_float64": float64_gap <= SAME_MATHEMATICS * scale + 1e-13,
        # as accurate as a plain float32 computation of the same step, give or take a few ulps
        "numpy_within_rounding": numpy_error <= ROUNDING_FACTOR * torch_error + ROUNDING_ULPS * FLOAT32_EPS * scale,
        "closer": "numpy" if numpy_error < torch_error else "torch",
    }


def finite_differences(
    params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, loss_name: str,
    h: float = 1e-6, max_elements: int = 64, seed: int = 0, hidden: str = "sigmoid", output: str = "sigmoid",
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Central differences of the true loss in float64: {name: (flat indices, dL/dθ at them)}.

    The network is the one hidden and output name (sigmoid by default). At
    most max_elements elements a tensor, chosen at random (seeded), so
    that large layers stay cheap.
    """
    params = {k: v.astype(np.float64) for k, v in params.items()}
    X, y = X.astype(np.float64), y.astype(np.float64)
    loss = numpy_net.make_loss(loss_name, output)
    rng = np.random.default_rng(seed)

    def loss_at(p: dict) -> float:
        acts = numpy_net.forward(p, X, hidden, output)
        return float(loss.value(acts.logits, acts.output, y))

    result = {}
    for name, value in params.items():
        indices = np.arange(value.size)
        if value.size > max_elements:
            indices = np.sort(rng.choice(value.size, max_elements, replace=False))
        grads = np.empty(indices.size)
        for i, flat in enumerate(indices):
            shifted = dict(params, **{name: value.copy()})
            shifted[name].flat[flat] = value.flat[flat] + h
            up = loss_at(shifted)
            shifted[name].flat[flat] = value.flat[flat] - h
            grads[i] = (up - loss_at(shifted)) / (2 * h)
        result[name] = (indices, grads)
    return result


def finite_difference_oracle(
    config: RunConfig, X: np.ndarray, y: np.ndarray, failure: FailureContext, models: dict | None = None
) -> dict:
    """Each side's gradients against finite differences of its own model at the failing step's starting weights.

    models: per side, (NetworkSpec, learning rate) where the diagnosis found the side computing another
    member of the family; the run's model and --lr otherwise.
    """
    models = models or {}
    default = (config.hidden_activation, config.output_activation, config.loss, config.lr)
    tensors: dict[str, dict] = {}
    for side, before, record in (("numpy", failure.numpy_before, failure.numpy_record), ("torch", failure.torch_before, failure.torch_record)):
        spec, lr = models.get(side, (None, None))
        hidden, output, loss, lr = (spec.hidden_activation, spec.output_activation, spec.loss, lr) if spec else default
        numeric = finite_differences(before, X, y, loss, hidden=hidden, output=output)
        grads = gradients(record, before, config.optimizer, lr, first_step=failure.step == 1, momentum=config.momentum)
        for name, (indices, fd) in numeric.items():
            key = f"{name}.grad"
            value = grads.get(key)
            if value is None and not any(k.endswith(".grad") for k in grads):
                continue  # only updates of a stateful optimizer were recorded
            error = float("inf") if value is None or value.size != before[name].size else float(
                np.linalg.norm(value.ravel()[indices] - fd) / max(np.linalg.norm(fd), 1e-12)
            )
            tensors.setdefault(key, {})[f"{side}_rel_error"] = error
    tensors = {k: v for k, v in tensors.items() if len(v) == 2}
    wrong = [side for side in ("numpy", "torch") if any(t[f"{side}_rel_error"] > 1e-3 for t in tensors.values())]
    return {"step": failure.step, "wrong": wrong, "tensors": tensors, "own_models": sorted(models)}


def update_ratio_oracle(setup: Setup, failure: FailureContext, steps: int = 3) -> dict:
    """The NumPy update as a multiple of torch's, fitted at the failing step and the next ones, in lockstep.

    One learning rate explains a difference only if one ratio holds at every step; a ratio that moves
    with the gradient's norm is clipping, not a rate."""
    numpy, torch = setup.replay(failure.step)
    found = []
    for step in range(failure.step, failure.step + steps):
        before_numpy, before_torch = numpy.params(), torch.params()
        rows = setup.rows(step)
        numpy_record, torch_record = numpy.step(rows), torch.step(rows)
        moved_numpy = np.concatenate([(numpy_record[p] - before_numpy[p]).astype(np.float64).ravel() for p in before_numpy])
        moved_torch = np.concatenate([(torch_record[p] - before_torch[p]).astype(np.float64).ravel() for p in before_torch])
        grads = [np.asarray(torch_record[k], dtype=np.float64).ravel() for k in torch_record if k.endswith(".grad")]
        if moved_numpy.shape != moved_torch.shape or not np.any(moved_torch) or not np.all(np.isfinite(moved_numpy)):
            break
        ratio = float(np.vdot(moved_numpy, moved_torch) / np.vdot(moved_torch, moved_torch))
        gap = float(np.linalg.norm(moved_numpy - ratio * moved_torch) / max(np.linalg.norm(moved_numpy), 1e-300))
        found.append({"step": step, "ratio": ratio, "gap": gap, "grad_norm": float(np.linalg.norm(np.concatenate(grads))) if grads else None})
        torch.load(numpy.params())
    return {"step": failure.step, "steps": found}
