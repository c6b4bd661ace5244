"""A NumPy program's stages, read one row at a time from its own steps.

With one row in the batch a dense layer's weight gradient is an outer product, ∂L/∂W_l = u_l δ_lᵀ, and its bias
gradient is δ_l itself. So a fresh float64 copy of the program, stepped once on each row of the failing batch from
the step's starting weights, shows exactly what it computed at every stage (g = -Δθ / lr on a first step of SGD,
momentum or Nesterov): the delta δ_l of each layer and the input u_l it multiplied that delta by. Nothing is
assumed about how the program is written; each stage is then held against the run's model computed from what the
program's own previous stage gave it (row_stages.py).

The probe stands only where the program's step is a sum over its rows: each parameter's gradient on the batch must be
a multiple of the sum of its rows' gradients (no batch statistics, no softmax across rows). That multiple is itself a
measurement: 1/n for a mean, and the same for every parameter.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

import numpy_net
from parity.diagnosis.evidence import relative_gap, run_gradients
from parity.diagnosis.finding import Finding
from parity.engine.record import gradients
from parity.engine.result import FailureContext
from parity.engine.setup import Setup

MAX_ROWS = 24  # rows of the failing batch stepped one at a time
SEPARABLE = 1e-9  # the batch's gradient is a multiple of its rows' sum within this: float64 throughout, or no reading
OUTER = 1e-9  # a one-row weight gradient is an outer product u δᵀ within this
PROBED_OPTIMIZERS = ("sgd", "momentum", "nesterov", "ema-momentum", "adam")  # a first step is a known function of g
LEAST_PRECISE = 1e-6  # an Adam first step gives g back to no better than this (relative): no reading
CANCELLATION = 30  # a sum of rows is known less well than each row: its terms cancel


class Layer(NamedTuple):
    delta: np.ndarray  # (rows, out): δ_l as the program computed it, row by row
    input: np.ndarray | None  # (rows, in): u_l, the input its weight gradient used; None where no bias gradient shows δ
    outer: bool  # every row's weight gradient is u δᵀ with that δ
    bias_delta: np.ndarray | None  # the bias gradient, where it is not the delta the weight gradient used


class BatchStep(NamedTuple):
    """A program's step on the failing batch, float64, where its rows interact (the probe's rows cannot be added up)."""
    X: np.ndarray
    y: np.ndarray
    before: dict[str, np.ndarray]
    gradients: dict[str, np.ndarray]  # "W1.grad": the batch's gradient, recovered from the step's first update
    per_row: list[dict[str, np.ndarray]]  # the same, the program stepped on each row alone


class Probe(NamedTuple):
    rows: np.ndarray  # the data's row indices probed
    X: np.ndarray
    y: np.ndarray
    before: dict[str, np.ndarray]  # the step's starting weights, float64
    reductions: dict[str, float]  # per parameter ("W1.grad"), the batch's gradient over the sum of its rows'
    row_weights: dict[str, np.ndarray | None]  # where that is no multiple: each row's weight in the batch's gradient;
    # None where it is the outer product of the rows' sums (outer(X.sum(0), delta.sum(0)) for X.T @ delta)
    layers: dict[int, Layer]  # 1 .. L
    held: dict[str, np.ndarray] | None = None  # the 2-D arrays a fresh copy of the program holds, by where


def probe(setup: Setup, failure: FailureContext) -> Probe | BatchStep | Finding | None:
    """The program's stages on each row of the failing batch; None where they cannot be read this way."""
    config = setup.config
    if setup.user_sides not in (("numpy",), ("torch",)) or config.mode != "lockstep" or config.world_size > 1 \
            or config.optimizer not in PROBED_OPTIMIZERS:
        return None
    port = setup.user_sides == ("torch",)
    before = {name: np.asarray(value, np.float64) for name, value in (failure.torch_before if port else failure.numpy_before).items()}
    rows = np.arange(len(setup.data.X))[setup.rows(failure.step)][:MAX_ROWS]
    try:
        fresh = setup.make_sides()[1 if port else 0].promoted()
    except Exception:  # a program that cannot be copied: nothing to probe
        return None

    precision = [SEPARABLE / CANCELLATION]

    def gradient(batch: np.ndarray) -> dict[str, np.ndarray]:
        side = fresh.promoted()  # a copy of a program that has not stepped: its optimizer's state is fresh
        if config.optimizer == "adam" and not port:  # extended precision: Adam's first step gives g back only as well as Δθ is known
            side = _extended(side)
        side.load(before)
        record = side.step(batch)
        if port:  # a port shows its gradients: read them, whatever its optimizer does with them
            return _port_gradients(side)
        if config.optimizer == "adam":
            return _adam_first_gradients(record, before, config, precision)
        return gradients(record, before, config.optimizer, config.lr, first_step=True, momentum=config.momentum)

    if config.optimizer == "adam" and config.weight_decay:
        return None
    whole = gradient(rows)
    if port and _true_gradients(setup, rows, before, whole):
        return None  # a port whose backward pass gives the run's gradients: its stages are not where it parts
    per_row = [gradient(rows[i:i + 1]) for i in range(len(rows))]
    names = [f"W{l}.grad" for l in range(1, _layer_count(before) + 1)]
    if any(name not in g for g in per_row for name in names):
        return None
    if (tol := CANCELLATION * max(precision)) > LEAST_PRECISE:
        return None
    if _same_every_row(per_row, tol):
        return _held_data(setup, before, per_row[0], len(rows), tol)
    reduced = _reductions(whole, per_row, tol)
    X, y = (np.asarray(a[rows], np.float64) for a in (setup.data.X, setup.data.y))
    if reduced is None:
        return BatchStep(X, y, before, whole, per_row)  # its rows interact: read the batch as a whole
    acts = numpy_net.forward(before, X, config.hidden_activation, config.output_activation)
    right_inputs = [X, *acts.layers]  # the run's own input to each layer: reads a delta where no bias gradient shows it
    layers = {l: _layer(per_row, l, right_inputs[l - 1], tol) for l in range(1, len(names) + 1)}
    reductions, weights, unexplained = reduced
    for name in unexplained:  # rows that interact in one parameter only: the outer product of the batch's sums
        layer = layers.get(int(name[1:].split(".")[0])) if name.startswith("W") else None
        if layer is None or not _outer_of_sums(whole[name], right_inputs[int(name[1:].split(".")[0]) - 1], layer.delta, tol):
            return None
        weights[name] = None
    placed = {getattr(location, "expression", None) for location in getattr(fresh, "locations", {}).values()}
    held = {where: value for where, value in (held_matrices(fresh.net) if hasattr(fresh, "net") else {}).items() if where not in placed}
    return Probe(rows, X, y, before, reductions, weights, layers, held)


def _held_data(setup: Setup, before: dict, seen: dict[str, np.ndarray], rows: int, tol: float) -> Finding | None:
    """Handed one row or another, the program computes one gradient: it steps on data it holds. Said where that gradient
    is the run's on the whole data set."""
    config = setup.config
    X, y = (np.asarray(a, np.float64) for a in (setup.data.X, setup.data.y))
    right = run_gradients(before, X, y, config)
    shared = [name for name in seen if name.removesuffix(".grad") in right]
    if not shared or any(relative_gap(seen[n], right[n.removesuffix(".grad")]) > tol for n in shared):
        return None
    return Finding("dropped-rows", f"The NumPy program's step ignores the rows it is handed: given one row or another (read one "
                   f"row at a time from its own steps), it computes the run's gradient on the whole data set's {len(X)} rows, "
                   f"where this step's batch has {rows}: it trains on data held since construction (self.X, self.y), not "
                   "on the X and y the step is given.", {"side": "numpy", "rows": len(X), "batch": rows},
                   "Compute the forward and backward pass from the X and y the step is given.", 0.9)


def _outer_of_sums(batch: np.ndarray, inputs: np.ndarray, deltas: np.ndarray, tol: float) -> bool:
    """The batch's weight gradient a multiple of outer(Σ x, Σ δ): the rows' sums multiplied, not their products summed."""
    candidate = np.outer(inputs.sum(axis=0), deltas.sum(axis=0))
    fit = np.vdot(batch, candidate) / max(np.vdot(candidate, candidate), 1e-300)
    return bool(np.any(candidate)) and relative_gap(batch, fit * candidate) <= tol


def _layer_count(params: dict) -> int:
    return sum(1 for name in params if name.startswith("W"))


def _same_every_row(per_row: list[dict[str, np.ndarray]], tol: float) -> bool:
    """A program that steps on data it holds (given at construction), whatever rows it is handed, shows no row."""
    first = np.concatenate([g.ravel() for g in per_row[0].values()])
    return all(relative_gap(np.concatenate([g.ravel() for g in other.values()]), first) <= tol for other in per_row[1:])


def _reductions(whole: dict[str, np.ndarray], per_row: list[dict[str, np.ndarray]], tol: float) -> tuple[dict, dict, list] | None:
    """For each parameter, the w with the batch's gradient = w · the sum of its rows' (1/n for a mean, 1 for a sum); and
    where a parameter's is no such multiple, each row's weight c_r in batch = Σ c_r · row_r, where that fits exactly
    (a per-row loop that keeps only the last row). None where neither fits: its rows interact (batch statistics, a
    softmax across rows)."""
    found, weights, unexplained = {}, {}, []
    for name in (name for name in whole if all(name in g for g in per_row)):
        rows = np.stack([g[name].ravel() for g in per_row], axis=1)
        total, batch = rows.sum(axis=1), whole[name].ravel()
        if not np.all(np.isfinite(batch)):
            return None
        if not np.any(total):
            continue
        found[name] = float(np.vdot(batch, total) / np.vdot(total, total))
        if relative_gap(batch, found[name] * total) <= tol:
            continue
        c = _row_weights(rows, batch, tol)
        if c is None:
            unexplained.append(name)
        else:
            weights[name] = c
    return (found, weights, unexplained) if found and len(unexplained) <= 1 else None


def _row_weights(rows: np.ndarray, batch: np.ndarray, tol: float) -> np.ndarray | None:
    """c with batch = rows @ c: one row alone (its multiple), or, where there are twice as many numbers as rows, any c."""
    for r in range(rows.shape[1]):
        alone = rows[:, r]
        if np.any(alone) and relative_gap(batch, (np.vdot(batch, alone) / np.vdot(alone, alone)) * alone) <= tol:
            c = np.zeros(rows.shape[1])
            c[r] = np.vdot(batch, alone) / np.vdot(alone, alone)
            return c
    if rows.shape[0] < 2 * rows.shape[1]:
        return None  # fewer numbers than twice the rows: the weights are not determined
    c, *_ = np.linalg.lstsq(rows, batch, rcond=None)
    return c if relative_gap(rows @ c, batch) <= tol else None


def _layer(per_row: list[dict], layer: int, right_input: np.ndarray, tol: float) -> Layer:
    """A layer's delta and input, row by row. Its bias gradient is its delta where the weight gradient is an outer
    product with it; where it is not, the delta is read from the weight gradient and the run's input, and the bias
    gradient kept apart (bias_delta): it was taken from something else."""
    has_bias = all(f"b{layer}.grad" in g for g in per_row)
    deltas, inputs, weight_deltas, outer = [], [], [], True
    for r, g in enumerate(per_row):
        gW, a = g[f"W{layer}.grad"], right_input[r]
        weight_deltas.append(gW.T @ a / max(np.vdot(a, a), 1e-300))
        if has_bias:
            delta = g[f"b{layer}.grad"].ravel()
            used = gW @ delta / np.vdot(delta, delta) if np.any(delta) else np.zeros(gW.shape[0])
            outer &= relative_gap(np.outer(used, delta), gW) <= max(OUTER, tol) or not np.any(gW)
            deltas.append(delta)
            inputs.append(used)
    if has_bias and outer:
        return Layer(np.array(deltas), np.array(inputs), True, None)
    from_weights = np.array(weight_deltas)
    return Layer(from_weights, None, True, np.array(deltas) if has_bias else None)


def _true_gradients(setup: Setup, rows: np.ndarray, before: dict[str, np.ndarray], seen: dict[str, np.ndarray]) -> bool:
    """The gradients seen on the batch are the run's model's, to DEPARTS."""
    config = setup.config
    X, y = (np.asarray(a[rows], np.float64) for a in (setup.data.X, setup.data.y))
    right = run_gradients(before, X, y, config)
    shared = [n for n in right if f"{n}.grad" in seen]
    return bool(shared) and all(relative_gap(seen[f"{n}.grad"], right[n]) <= 1e-6 for n in shared)


def _port_gradients(side) -> dict[str, np.ndarray]:
    """Each located parameter's .grad after the port's step, float64, in the kit's layout; {} where one has none."""
    found = {}
    for name, location in getattr(side, "locations", {}).items():
        grad = location.tensor(side.model).grad if hasattr(location, "tensor") else None
        if grad is None:
            return {}
        value = grad.detach().cpu().double().numpy()
        found[f"{name}.grad"] = np.array(value.T if location.transposed else value)
    return found


def held_matrices(net) -> dict[str, np.ndarray]:
    """Every 2-D float array the network holds as an attribute, or as an item of a list or dict it holds, by where."""
    found = {}
    for attribute, value in (vars(net).items() if hasattr(net, "__dict__") else ()):
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, (list, tuple)) else ()
        for where, item in [(attribute, value), *((f"{attribute}[{key!r}]", item) for key, item in items)]:
            if isinstance(item, np.ndarray) and item.dtype.kind == "f" and item.ndim == 2:
                found[where] = np.asarray(item, np.float64)
    return found


def _extended(side):
    """The float64 copy in NumPy's extended precision (longdouble) where the platform has one and the program runs in it."""
    if np.finfo(np.longdouble).eps >= np.finfo(np.float64).eps or not hasattr(side, "dtype"):
        return side
    side.dtype = np.longdouble
    side.X, side.y = side.X.astype(np.longdouble), side.y.astype(np.longdouble)
    return side


def _adam_first_gradients(record: dict, before: dict[str, np.ndarray], config, precision: list[float]) -> dict[str, np.ndarray]:
    """g from Adam's first update, Δθ = -lr·g / (|g| + ε) (m̂ = g and v̂ = g² after one step): g = ε·r / (1 - |r|) with
    r = -Δθ / lr. Each g is known only as well as Δθ is, a float64 rounding of θ, magnified by (|g| + ε)² / ε; that
    precision is appended to precision, and a probe less precise than LEAST_PRECISE reads nothing."""
    found = {}
    for name in sorted(before, key=lambda n: (-int(n[1:]), n[0] == "b")):
        if name not in record or np.shape(record[name]) != np.shape(before[name]):
            continue
        after = np.asarray(record[name])
        r = -(after - before[name].astype(after.dtype)) / config.lr
        if np.any(np.abs(r) >= 1):
            precision.append(np.inf)  # no Adam first step of this form: nothing to invert
            return {}
        g = config.eps * r / (1 - np.abs(r))
        error = np.finfo(after.dtype).eps * np.maximum(np.abs(after), np.abs(before[name])) / config.lr * (np.abs(g) + config.eps) ** 2 / config.eps
        precision.append(float(4 * error.max() / max(float(np.abs(g).max()), 1e-300)))
        found[f"{name}.grad"] = g.astype(np.float64)
    return found


def pre_activation(p: Probe, layer: int, given: np.ndarray) -> np.ndarray:
    return given @ p.before[f"W{layer}"] + p.before.get(f"b{layer}", 0.0)


def shown_rows(p: Probe, layer: int) -> np.ndarray:
    """Rows whose delta at this layer is not all zero: only they show the input their weight gradient used."""
    return np.any(p.layers[layer].delta != 0, axis=1)


def inputs_of(p: Probe, layer: int, config) -> np.ndarray:
    """What the program's layer multiplied its delta by where it shows it, else the run's own input to that layer."""
    if layer == 1 and p.layers[1].input is None:
        return p.X
    run = p.X if layer == 1 else numpy_net.ACTIVATIONS[config.hidden_activation].function(
        pre_activation(p, layer - 1, inputs_of(p, layer - 1, config)))
    if p.layers[layer].input is None:
        return run
    dark = ~shown_rows(p, layer)  # a row whose delta is 0 shows nothing of its input: the run's own stands there
    return np.where(dark[:, None], run, p.layers[layer].input) if dark.any() else p.layers[layer].input
