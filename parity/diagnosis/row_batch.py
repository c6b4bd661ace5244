"""How a NumPy program's batch gradient combines its rows' gradients, where each row's is right (row_probe.py reads both).

- rows_counted: some parameter's batch gradient weighs its rows otherwise (only the last row kept: a gradient assigned
  in a loop over the rows where it is accumulated), or is the outer product of the rows' sums (np.outer(X.mean(0),
  delta.sum(0)) where X.T @ delta belongs);
- reductions: the batch reduced over its rows by another factor in some layers (1/n² against 1/n);
- fixed_count: given one row, the loss divided by a count fixed in the code (a batch size kept from construction);
- bias_step: every layer's input read scaled alike: the biases stepping at another rate than the weights.
"""

from __future__ import annotations

import numpy as np

import numpy_net

from parity.diagnosis.evidence import fit_ratio, relative_gap
from parity.diagnosis.finding import Finding
from parity.diagnosis.pair_rows import blocks_lawful, pattern
from parity.diagnosis.row_probe import BatchStep, Probe, pre_activation, shown_rows

NAMED, STAGE = 0.85, 0.5  # the scores of a stage named and of a stage read but not named
READ = 1e-5  # a reading reproduces a departing stage within this
DEPARTS = 1e-6  # a stage of the float64 probe departs from the run's model beyond this (relative)


def rows_counted(p: Probe, config) -> Finding | None:
    """Every row right, but some parameter's batch gradient weighs its rows unequally: only the last row kept."""
    if not p.row_weights:
        return None
    name, c = next(iter(p.row_weights.items()))
    if c is None:
        W = name.split(".")[0]
        return Finding("layer-input", f"In the NumPy program, each row's gradient is right (read one row at a time from its "
                       f"own steps), but the batch's gradient of {W} is the outer product of the rows' summed (or mean) input "
                       f"and summed delta, np.outer(X.mean(0), delta.sum(0)), not the sum of each row's outer product, "
                       f"X.T @ delta: the product of the sums, where the sum of the products belongs.",
                       {"side": "numpy", "tensor": f"{W}.grad"}, f"{W}'s gradient: inputs.T @ delta (a matrix product over the "
                       "rows), not np.outer of their sums or means.", NAMED)
    kept = np.flatnonzero(np.abs(c) > 1e-6 * np.abs(c).max())
    if len(kept) == 1:
        which = "the last row" if kept[0] == len(c) - 1 else "the first row" if kept[0] == 0 else f"row {kept[0]} alone"
        words = (f"only {which}'s contribution counts: in a loop over the rows the gradient is assigned (=) where it must be "
                 "accumulated (+=), so each row overwrites the last")
    elif len(kept) < len(c):
        words = f"{len(c) - len(kept)} of the {len(c)} rows are left out of it (rows {', '.join(map(str, np.setdiff1d(np.arange(len(c)), kept)[:6]))})"
    else:
        words = "the rows are weighed unequally, " + pattern(c / np.median(c))
    tensors = ", ".join(n.split(".")[0] for n, w in p.row_weights.items() if w is not None)
    return Finding("dropped-rows", f"In the NumPy program, each row's gradient is right (read one row at a time from its own "
                   f"steps), but in the batch's gradient of {tensors} {words}.", {"side": "numpy", "row_weights": {n: w.tolist() for n, w in p.row_weights.items() if w is not None}},
                   "Accumulate every row's gradient (grad += ...), starting from zero once per batch.",
                   NAMED if len(kept) < len(c) or blocks_lawful(c) else STAGE)


def _joint_row_weights(step: BatchStep) -> np.ndarray | None:
    """c with the batch's gradient = Σ_r c_r · row r's, solved over every parameter at once; None where it does not
    fit or is not determined (fewer numbers than twice the rows)."""
    keys = [k for k in step.gradients if all(k in g for g in step.per_row)]
    n = len(step.per_row)
    if not keys or n < 3:
        return None
    rows = np.stack([np.concatenate([g[k].ravel() for k in keys]) for g in step.per_row], axis=1)
    batch = np.concatenate([step.gradients[k].ravel() for k in keys])
    if rows.shape[0] < 2 * n:
        return None
    c = np.linalg.lstsq(rows, batch, rcond=None)[0]
    return c if relative_gap(rows @ c, batch) <= READ else None


def weighted_blocks(step: BatchStep) -> Finding | None:
    """The batch's gradient its rows' weighted in blocks of consecutive rows by a law (micro-batches divided again at
    each later one, or back-propagated again at each later one)."""
    c = _joint_row_weights(step)
    if c is None or not blocks_lawful(c):
        return None
    return Finding("dropped-rows", f"In the NumPy program's step, the batch's gradient weighs its rows unequally (read one row "
                   f"at a time from its own steps): {pattern(c / np.median(c))}", {"side": "numpy", "stage": "batch",
                   "row_weights": c.tolist()}, "Give every row of the batch one weight: sum the micro-batches' gradients, "
                   "then divide once by their number (or by the rows).", NAMED)


def sampled_rows(step: BatchStep) -> Finding | None:
    """The batch's gradient is its rows' gradients weighted by whole counts, some 0 and some 2 or more: the step drew
    its rows with replacement (a bootstrap), where each row is used once. Solved over every parameter at once."""
    c = _joint_row_weights(step)
    n = len(step.per_row)
    if c is None:
        return None
    for unit, reduced in ((1 / n, "a mean"), (1.0, "a sum")):
        counts = c / unit
        whole = np.round(counts)
        if np.max(np.abs(counts - whole)) <= 1e-4 and np.all(whole >= 0) and whole.sum() == n and np.any(whole == 0) and np.any(whole >= 2):
            return Finding("dropped-rows", f"In the NumPy program, the batch's gradient ({reduced} over {n} rows) is its rows' "
                           f"gradients counted {int(np.sum(whole == 0))} times 0 and {int(np.sum(whole >= 2))} times 2 or more "
                           "(read one row at a time from its own steps): the step draws its rows with replacement "
                           "(rng.choice(n, n), np.random.randint), where a permutation uses each row once.",
                           {"side": "numpy", "stage": "batch", "counts": whole.astype(int).tolist()},
                           "Shuffle with a permutation (rng.permutation(n)), so that every row is used once an epoch.", NAMED)
    return None


def reductions(p: Probe, config) -> Finding | None:
    """Every row right, but the batch reduced over its rows by another factor in some layers: 1/n² against 1/n."""
    by_layer: dict[int, list[float]] = {}
    for name, w in p.reductions.items():
        by_layer.setdefault(int(name.split(".")[0][1:]), []).append(w)
    output = np.mean(by_layer.get(len(p.layers), [0.0]))
    if not output or all(abs(w - output) <= 1e-6 * abs(output) for ws in by_layer.values() for w in ws):
        return None
    n = len(p.rows)
    shown = "; ".join(f"layer {l}: {np.mean(ws):.4g}" for l, ws in sorted(by_layer.items(), reverse=True))
    odd = [l for l, ws in by_layer.items() if abs(np.mean(ws) - output) > 1e-6 * abs(output)]
    again = all(abs(np.mean(by_layer[l]) - output / n) <= 1e-6 * abs(output / n) for l in odd)
    words = (f"divided by the batch size n = {n} once more (1/n² = 1/{n * n} where the output layer has 1/n): the "
             "delta already holds the 1/n, and it is divided again" if again else "reduced over the batch by another factor")
    layers = ", ".join(str(l) for l in sorted(odd))
    return Finding("gradient-scale", f"In the NumPy program, each row's gradient is right (read one row at a time from its own "
                   f"steps), but the batch's gradient of layer {layers} is {words}. The batch's gradient over the sum of its "
                   f"rows' gradients: {shown}.", {"side": "numpy", "reductions": p.reductions},
                   "Divide by the batch size once: where the output delta already holds 1/n, do not divide the layers below again.", NAMED)


def fixed_count(seen: np.ndarray, right: np.ndarray, config, reduction: float | None = None, rows: int = 1) -> Finding | None:
    """Given one row, the program divides its loss by a count of 2 or more: a count that is not the rows it is given,
    fixed in the code (a batch size kept from construction, right only for batches of that size). The batch's gradient
    is then the plain sum of its rows' (each divided by the same count): where it is their mean (`reduction` 1/n), the
    factor is the step's on any rows (an update scaled after the gradient), not a count."""
    fit = fit_ratio(seen, right)
    if fit is None or fit[1] > READ or fit[0] <= 0 or (count := 1 / fit[0]) < 1.5 or abs(count - round(count)) > 1e-6 * count:
        return None
    if rows > 1 and reduction is not None and abs(reduction - 1) > 1e-6:
        return None
    nominal = ", the run's --batch-size: right for full batches, not for a shorter last batch of an epoch" \
        if config.batch_size == round(count) else ""
    return Finding("loss-function", f"In the NumPy program, the output layer's delta (read one row at a time from its own "
                   f"steps): given one row, it is the right delta divided by {round(count)}: the loss is divided by a count "
                   f"fixed in the code ({round(count)}{nominal}), not by the rows it is given (len(X)).",
                   {"side": "numpy", "stage": "output delta", "tensor": "the output delta", "count": round(count)},
                   "Divide by the rows of the batch given (len(X)), not a count kept from construction.", NAMED)


def bias_step(p: Probe, config, seen: np.ndarray, rows: np.ndarray) -> Finding | None:
    """Every layer's input read s times the run's, X and the activations alike: not the inputs but the biases' step,
    1/s times the weights' (the probe reads each layer's input as its weight's update over its bias's)."""
    fit = fit_ratio(seen[rows], p.X[rows])
    if fit is None or fit[1] > READ or abs(fit[0] - 1) <= READ or len(p.layers) < 2 or p.layers[2].input is None:
        return None
    shown = shown_rows(p, 2)
    right = numpy_net.ACTIVATIONS[config.hidden_activation].function(pre_activation(p, 1, p.X))
    second = fit_ratio(p.layers[2].input[shown], right[shown]) if shown.sum() >= 2 else None
    if second is None or second[1] > READ or abs(second[0] - fit[0]) > 1e-6 * abs(fit[0]):
        return None
    step = config.lr / fit[0]
    without = " (b -= g: the learning rate left out of the biases' update)" if abs(fit[0] - config.lr) <= 1e-6 * config.lr else ""
    return Finding("update-scale", f"In the NumPy program, read one row at a time from its own steps: the biases step by "
                   f"{step:.6g}·g where the weights step by {config.lr:g}·g{without}: every layer's weight update over its "
                   f"bias update is {fit[0]:.6g} times its input.", {"side": "numpy", "stage": "bias update", "factor": 1 / fit[0]},
                   "Step the biases with the same learning rate as the weights: b -= lr * g.", NAMED)


def stage(tensor: str, what: str, seen: np.ndarray, right: np.ndarray) -> Finding:
    gap = relative_gap(seen, right)
    return Finding("unknown", f"In the NumPy program, read one row at a time from its own steps, {what} (relative gap "
                   f"{gap:.3g}); the stages before it agree with the run's model.",
                   {"side": "numpy", "tensor": f"{tensor}.grad", "relative_gap": gap},
                   f"Look at the NumPy program's code for {tensor}'s gradient at that stage.", STAGE)


def whole_step_factor(p: Probe, L: int, seen: np.ndarray, run: np.ndarray, mean: float) -> Finding | None:
    """Each row's delta k times the run's, and the batch's gradient its rows' combined as the run's loss combines them
    (reduction equal): k is the same on one row as on the batch, so no reduction or count explains it; the factor
    is on the whole step (a weight on the loss, the learning rate, an update scaled after the gradient)."""
    scaled, reduction = fit_ratio(seen, run), p.reductions.get(f"W{L}.grad")
    if scaled is None or scaled[1] > READ or reduction is None or len(p.rows) < 2 or abs(reduction - mean) > 1e-6 * abs(mean):
        return None
    return Finding("step-factor", f"In the NumPy program, read one row at a time from its own steps, each row's step is "
                   f"{scaled[0]:.6g} times the run's, and the batch's is its rows' combined as the run's loss combines them: "
                   "the factor is the same on one row as on the whole batch, so it is no reduction or count but a factor on "
                   "the whole step (a weight on the loss, the learning rate, or the update scaled after the gradient).",
                   {"side": "numpy", "stage": "update", "factor": scaled[0]},
                   "Find where the NumPy step scales the gradient or the update as a whole.", 0.6)
