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
from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import Finding
from parity.engine.record import gradients
from parity.engine.result import FailureContext
from parity.engine.setup import Setup

MAX_ROWS = 24  # rows of the failing batch stepped one at a time
SEPARABLE = 1e-9  # the batch's gradient is a multiple of its rows' sum within this: float64 throughout, or no reading
OUTER = 1e-9  # a one-row weight gradient is an outer product u δᵀ within this
PROBED_OPTIMIZERS = ("sgd", "momentum", "nesterov", "ema-momentum")  # a first step is a known multiple of -lr·g


class Layer(NamedTuple):
    delta: np.ndarray  # (rows, out): δ_l as the program computed it, row by row
    input: np.ndarray | None  # (rows, in): u_l, the input its weight gradient used; None where no bias gradient shows δ
    outer: bool  # every row's weight gradient is u δᵀ with that δ
    bias_delta: np.ndarray | None  # the bias gradient, where it is not the delta the weight gradient used


class Probe(NamedTuple):
    rows: np.ndarray  # the data's row indices probed
    X: np.ndarray
    y: np.ndarray
    before: dict[str, np.ndarray]  # the step's starting weights, float64
    reductions: dict[str, float]  # per parameter ("W1.grad"), the batch's gradient over the sum of its rows'
    row_weights: dict[str, np.ndarray | None]  # where that is no multiple: each row's weight in the batch's gradient;
    # None where it is the outer product of the rows' sums (outer(X.sum(0), delta.sum(0)) for X.T @ delta)
    layers: dict[int, Layer]  # 1 .. L


def probe(setup: Setup, failure: FailureContext) -> Probe | Finding | None:
    """The program's stages on each row of the failing batch; None where they cannot be read this way."""
    config = setup.config
    if setup.user_sides != ("numpy",) or config.mode != "lockstep" or config.world_size > 1 or config.optimizer not in PROBED_OPTIMIZERS:
        return None
    before = {name: np.asarray(value, np.float64) for name, value in failure.numpy_before.items()}
    rows = np.arange(len(setup.data.X))[setup.rows(failure.step)][:MAX_ROWS]
    try:
        fresh = setup.make_sides()[0].promoted()
    except Exception:  # a program that cannot be copied: nothing to probe
        return None

    def gradient(batch: np.ndarray) -> dict[str, np.ndarray]:
        side = fresh.promoted()  # a copy of a program that has not stepped: its optimizer's state is fresh
        side.load(before)
        record = side.step(batch)
        return gradients(record, before, config.optimizer, config.lr, first_step=True, momentum=config.momentum)

    per_row = [gradient(rows[i:i + 1]) for i in range(len(rows))]
    names = [f"W{l}.grad" for l in range(1, _layer_count(before) + 1)]
    if any(name not in g for g in per_row for name in names):
        return None
    if _same_every_row(per_row):
        return _held_data(setup, before, per_row[0], len(rows))
    whole = gradient(rows)
    reduced = _reductions(whole, per_row)
    if reduced is None:
        return None
    X, y = (np.asarray(a[rows], np.float64) for a in (setup.data.X, setup.data.y))
    acts = numpy_net.forward(before, X, config.hidden_activation, config.output_activation)
    right_inputs = [X, *acts.layers]  # the run's own input to each layer: reads a delta where no bias gradient shows it
    layers = {l: _layer(per_row, l, right_inputs[l - 1]) for l in range(1, len(names) + 1)}
    reductions, weights, unexplained = reduced
    for name in unexplained:  # rows that interact in one parameter only: the outer product of the batch's sums
        layer = layers.get(int(name[1:].split(".")[0])) if name.startswith("W") else None
        if layer is None or not _outer_of_sums(whole[name], right_inputs[int(name[1:].split(".")[0]) - 1], layer.delta):
            return None
        weights[name] = None
    return Probe(rows, X, y, before, reductions, weights, layers)


def _held_data(setup: Setup, before: dict, seen: dict[str, np.ndarray], rows: int) -> Finding | None:
    """Handed one row or another, the program computes one gradient: it steps on data it holds. Said where that gradient
    is the run's on the whole data set."""
    config = setup.config
    X, y = (np.asarray(a, np.float64) for a in (setup.data.X, setup.data.y))
    acts = numpy_net.forward(before, X, config.hidden_activation, config.output_activation)
    right = numpy_net.backward(before, X, acts, y, numpy_net.make_loss(config.loss, config.output_activation), config.hidden_activation)
    shared = [name for name in seen if name.removesuffix(".grad") in right]
    if not shared or any(relative_gap(seen[n], right[n.removesuffix(".grad")]) > SEPARABLE for n in shared):
        return None
    return Finding("dropped-rows", f"The NumPy program's step ignores the rows it is handed: given one row or another (read one "
                   f"row at a time from its own steps), it computes the run's gradient on the whole data set's {len(X)} rows, "
                   f"where this step's batch has {rows}: it trains on data held since construction (self.X, self.y), not "
                   "on the X and y the step is given.", {"side": "numpy", "rows": len(X), "batch": rows},
                   "Compute the forward and backward pass from the X and y the step is given.", 0.9)


def _outer_of_sums(batch: np.ndarray, inputs: np.ndarray, deltas: np.ndarray) -> bool:
    """The batch's weight gradient a multiple of outer(Σ x, Σ δ): the rows' sums multiplied, not their products summed."""
    candidate = np.outer(inputs.sum(axis=0), deltas.sum(axis=0))
    fit = np.vdot(batch, candidate) / max(np.vdot(candidate, candidate), 1e-300)
    return bool(np.any(candidate)) and relative_gap(batch, fit * candidate) <= SEPARABLE


def _layer_count(params: dict) -> int:
    return sum(1 for name in params if name.startswith("W"))


def _same_every_row(per_row: list[dict[str, np.ndarray]]) -> bool:
    """A program that steps on data it holds (given at construction), whatever rows it is handed, shows no row."""
    first = np.concatenate([g.ravel() for g in per_row[0].values()])
    return all(relative_gap(np.concatenate([g.ravel() for g in other.values()]), first) <= SEPARABLE for other in per_row[1:])


def _reductions(whole: dict[str, np.ndarray], per_row: list[dict[str, np.ndarray]]) -> tuple[dict, dict, list] | None:
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
        if relative_gap(batch, found[name] * total) <= SEPARABLE:
            continue
        c = _row_weights(rows, batch)
        if c is None:
            unexplained.append(name)
        else:
            weights[name] = c
    return (found, weights, unexplained) if found and len(unexplained) <= 1 else None


def _row_weights(rows: np.ndarray, batch: np.ndarray) -> np.ndarray | None:
    """c with batch = rows @ c: one row alone (its multiple), or, where there are twice as many numbers as rows, any c."""
    for r in range(rows.shape[1]):
        alone = rows[:, r]
        if np.any(alone) and relative_gap(batch, (np.vdot(batch, alone) / np.vdot(alone, alone)) * alone) <= SEPARABLE:
            c = np.zeros(rows.shape[1])
            c[r] = np.vdot(batch, alone) / np.vdot(alone, alone)
            return c
    if rows.shape[0] < 2 * rows.shape[1]:
        return None  # fewer numbers than twice the rows: the weights are not determined
    c, *_ = np.linalg.lstsq(rows, batch, rcond=None)
    return c if relative_gap(rows @ c, batch) <= SEPARABLE else None


def _layer(per_row: list[dict], layer: int, right_input: np.ndarray) -> Layer:
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
            outer &= relative_gap(np.outer(used, delta), gW) <= OUTER or not np.any(gW)
            deltas.append(delta)
            inputs.append(used)
    if has_bias and outer:
        return Layer(np.array(deltas), np.array(inputs), True, None)
    from_weights = np.array(weight_deltas)
    return Layer(from_weights, None, True, np.array(deltas) if has_bias else None)


def pre_activation(p: Probe, layer: int, given: np.ndarray) -> np.ndarray:
    return given @ p.before[f"W{layer}"] + p.before.get(f"b{layer}", 0.0)


def shown_rows(p: Probe, layer: int) -> np.ndarray:
    """Rows whose delta at this layer is not all zero: only they show the input their weight gradient used."""
    return np.any(p.layers[layer].delta != 0, axis=1)


def inputs_of(p: Probe, layer: int, config) -> np.ndarray:
    """What the program's layer multiplied its delta by where it shows it, else the run's own input to that layer."""
    if p.layers[layer].input is not None:
        return p.layers[layer].input
    if layer == 1:
        return p.X
    return numpy_net.ACTIVATIONS[config.hidden_activation].function(pre_activation(p, layer - 1, inputs_of(p, layer - 1, config)))
