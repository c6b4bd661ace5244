"""The output layer of a NumPy program, read one row at a time (row_probe.py): its delta against the run's loss's
gradient at the logits, read as a count fixed in the code, the program's own outputs (y + delta where the loss is
matched to its unit: a softmax half written, the output layer fed another input), the unit's derivative written with
the target, a sign slip on one target's rows, or, through the port's loss readings, another loss.
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis import activation_readings as acts, loss_readings as losses
from parity.diagnosis.evidence import fit_ratio, relative_gap
from parity.diagnosis.finding import Finding
from parity.diagnosis.logit_gradients import run_gradient
from parity.diagnosis.loss_weights import label
from parity.diagnosis.activation_table import elementwise_forms
from parity.diagnosis.column_mixing import mixed_columns
from parity.diagnosis.label_entries import cross_entropy_shortcut, label_entries
from parity.diagnosis.target_readings import SYMPTOM_ONLY
from parity.diagnosis.row_batch import DEPARTS, NAMED, READ, fixed_count, stage, whole_step_factor
from parity.diagnosis.normalisation_readings import UNEXPLAINED_FACTORS
from parity.diagnosis.row_probe import BatchStep, Probe, inputs_of, pre_activation

EXACT = 1e-9  # the batch's output delta reproduces the output layer's weight gradient within this
UNEXPLAINED = 0.6  # a scaling the numbers show, with no cause measured


def batch_output_delta(step: BatchStep, config) -> Finding | None:
    """Where a program's rows interact, its output layer's delta read from the batch's weight gradient: with no more
    rows than the layer has inputs, gW = Aᵀ δ has one solution δ for the run's hidden activations A. Read as the
    port's loss is: which loss, or which targets, gives that gradient at the logits."""
    L = sum(1 for name in step.before if name.startswith("W"))
    A = [step.X, *numpy_net.forward(step.before, step.X, config.hidden_activation, config.output_activation).layers][L - 1]
    gW, gb = step.gradients.get(f"W{L}.grad"), step.gradients.get(f"b{L}.grad")
    if gW is not None and (A.shape[0] > A.shape[1] or np.linalg.matrix_rank(A) < A.shape[0]):
        return _output_and_target(step, config, A, gW, gb, L)  # more rows than the layer has inputs: δ is not determined
    if gW is None:
        return None
    delta = np.linalg.lstsq(A.T, gW, rcond=None)[0]
    if relative_gap(A.T @ delta, gW) > EXACT or (gb is not None and relative_gap(delta.sum(axis=0), gb.ravel()) > READ):
        return None  # the program's hidden activations are not the run's: the delta cannot be read this way
    logits = A @ step.before[f"W{L}"] + step.before.get(f"b{L}", 0.0)
    reading = losses.loss_gradient(config.loss, config.output_activation, logits, step.y, delta, READ, config.batch_size, step.X)
    if reading is None:
        return None
    return Finding("loss-function", f"In the NumPy program, the output layer's delta (read from the batch's gradient of "
                   f"W{L}, whose rows interact): {reading[0]}", {"side": "numpy", "stage": "output delta", "tensor": f"W{L}.grad"},
                   reading[1].replace("the port's", "the program's"), 0.7 if SYMPTOM_ONLY in reading[0] else NAMED)


def _output_and_target(step: BatchStep, config, A: np.ndarray, gW: np.ndarray, gb: np.ndarray | None, L: int) -> Finding | None:
    """Where the run's delta is c·(p - y) (a loss matched to its unit), the program's read as a·p + b·y from the batch's
    gradients, gW = Aᵀ(a·p + b·y) and gb = Σ(a·p + b·y): which of the two terms is scaled otherwise."""
    logits = A @ step.before[f"W{L}"] + step.before.get(f"b{L}", 0.0)
    p = numpy_net.ACTIVATIONS[config.output_activation].function(logits)
    run = run_gradient(config.loss, config.output_activation, logits, step.y)
    matched = fit_ratio(run, p - step.y) if run is not None else None
    if matched is None or matched[1] > EXACT:
        return None
    rows = [(A.T @ p).ravel(), (A.T @ step.y).ravel()], gW.ravel()
    if gb is not None:
        rows = [np.concatenate([r, t]) for r, t in zip(rows[0], (p.sum(axis=0), step.y.sum(axis=0)))], \
            np.concatenate([gW.ravel(), np.ravel(gb)])
    basis, target = np.stack(rows[0], axis=1), rows[1]
    (a, b), *_ = np.linalg.lstsq(basis, target, rcond=None)
    c, n = matched[0], len(step.y)
    if relative_gap(basis @ np.array([a, b]), target) > READ:
        return _columns_scaled(A, p - step.y, gW, step.y, c, L)
    if abs(a + b) <= READ * abs(a) or (abs(a - c) <= READ * abs(c) and abs(b + c) <= READ * abs(c)):
        return None  # a pure scale of (p - y) (the reductions' reading), or the run's own
    said = f"{_term(a, n)}·p {'-' if b < 0 else '+'} {_term(abs(b), n)}·y"
    apart = -a / b if b else 0.0
    why = (f" (with n = {n} rows: the probabilities divided by n and the target's 1 not, as when dscores[range(n), y] -= 1 "
           "comes after dscores /= n)" if abs(apart * n - 1) <= READ else
           f" (with n = {n} rows: the target divided by n and the probabilities not)" if abs(apart / n - 1) <= READ else "")
    return Finding("loss-function", f"In the NumPy program, the output layer's delta (read from the batch's gradients of W{L} "
                   f"and b{L}, as a·p + b·y) is {said}, where the run's is {_term(c, n)}·(p - y): the output's term and the "
                   f"target's are scaled apart{why}.",
                   {"side": "numpy", "stage": "output delta", "tensor": f"W{L}.grad", "a": float(a), "b": float(b)},
                   "Scale the whole delta alike: (p - y) / n.", NAMED)


def _columns_scaled(A: np.ndarray, error: np.ndarray, gW: np.ndarray, y: np.ndarray, c: float, L: int) -> Finding | None:
    """The delta (p - y) with each output column scaled by its own number, read column by column from gW = Aᵀδ; named
    where the numbers are one over each class's count in the batch (y.sum(axis=0) where the batch size belongs)."""
    if error.shape[1] < 2:
        return None
    fits = [fit_ratio(gW[:, j], (A.T @ error)[:, j]) for j in range(error.shape[1])]
    if any(f is None or f[1] > READ for f in fits):
        return None
    scales = np.array([f[0] for f in fits])
    if np.ptp(scales) <= READ * np.abs(scales).max():
        return None  # one scale for every column: the reductions' reading
    counts = y.sum(axis=0)
    by_count = bool(np.all(counts > 0) and relative_gap(scales, 1 / counts) <= READ)
    said = (" They are one over each class's count in the batch, y.sum(axis=0) ("
            + ", ".join(f"{k:g}" for k in counts) + "), where the batch size, y.sum() or len(y), belongs.") if by_count else ""
    return Finding("loss-function", f"In the NumPy program, the output layer's delta (read column by column from the batch's "
                   f"gradient of W{L}) is (p - y) with each output column scaled by its own number ("
                   + ", ".join(f"{k:.4g}" for k in scales) + f"), where the run's scales every column by {c:.4g}.{said}",
                   {"side": "numpy", "stage": "output delta", "tensor": f"W{L}.grad"},
                   "Divide the whole delta by the number of rows.", NAMED if by_count else 0.7)


def _term(k: float, n: int) -> str:
    for whole, words in ((k, "{:g}"), (k * n, "1/n" if round(k * n) == 1 else "{:g}/n")):
        if abs(whole - round(whole)) <= 1e-6 * max(abs(whole), 1) and round(whole):
            return words.format(round(whole))
    return f"{k:.6g}"


def output_delta(p: Probe, config) -> Finding | None:
    L = len(p.layers)
    logits = pre_activation(p, L, inputs_of(p, L, config))
    loss = numpy_net.make_loss(config.loss, config.output_activation)
    output = numpy_net.ACTIVATIONS[config.output_activation].function(logits)
    right = np.concatenate([loss.delta(logits[r:r + 1], output[r:r + 1], p.y[r:r + 1]) for r in range(len(logits))])
    seen = p.layers[L].delta
    if relative_gap(seen, right) <= DEPARTS:
        return None
    if fixed := fixed_count(seen, right, config, p.reductions.get(f"W{L}.grad"), len(p.rows)) or _output_unit(
            p, config, logits, output, seen, right) or _output_derivative(p, config, output, seen, right) or \
            _output_factor(p, config, logits, output, seen, right):
        return fixed
    if labelled := label_entries(seen, right, output, p.y):
        return Finding("output-delta", f"In the NumPy program, the output layer's delta (read one row at a time from its own "
                       f"steps): {labelled}.", {"side": "numpy", "stage": "output delta", "tensor": f"W{L}.grad"},
                       "Subtract 1 at each row's label from the probabilities: d[range(n), y] -= 1.", NAMED)
    if mixed := mixed_columns(seen, right):
        return Finding("output-delta", f"In the NumPy program, the output layer's delta (read one row at a time from its own "
                       f"steps) {mixed}", {"side": "numpy", "stage": "output delta", "tensor": f"W{L}.grad"},
                       "Back-propagate the delta of every class as it is: (p - y) / n.", NAMED)
    run = run_gradient(config.loss, config.output_activation, logits, p.y)
    to_batch = fit_ratio(run, right) if run is not None else None  # a row alone against the row in the batch
    if to_batch is None or to_batch[1] > READ:
        return None
    batch_seen = seen * to_batch[0]
    if whole := whole_step_factor(p, L, batch_seen, run, to_batch[0]):
        return whole
    reading = _signed_rows(right, seen, p.y) or losses.loss_gradient(config.loss, config.output_activation, logits, p.y, batch_seen, READ, config.batch_size,
                                                                       p.X)
    if reading is None:
        return stage(f"b{L}", "the output layer's delta, the loss's gradient at the logits, is not the run's", seen, right)
    return Finding("loss-function", f"In the NumPy program, the output layer's delta (read one row at a time from its own "
                   f"steps): {reading[0]}", {"side": "numpy", "stage": "output delta", "tensor": f"W{L}.grad"},
                   f"Make the output layer's delta the derivative of --loss {config.loss} at the logits.",
                   0.7 if SYMPTOM_ONLY in reading[0] else NAMED)


def _output_unit(p: Probe, config, logits: np.ndarray, output: np.ndarray, seen: np.ndarray, right: np.ndarray) -> Finding | None:
    """Where the run's delta is c·(output - y) (a loss matched to its unit), the program's own outputs, y + delta/c,
    read against the unit of the logits."""
    fit = fit_ratio(right, output - p.y)
    if fit is None or fit[1] > READ or fit[0] <= 0:
        return None
    outputs = p.y + seen / fit[0]
    fed = _fed_otherwise(p, config, outputs)
    if fed:
        return fed
    reading = acts.activation(logits, outputs, READ, config.output_activation)
    if reading is None or reading[1] == config.output_activation:
        return None
    if UNEXPLAINED_FACTORS in reading[0]:
        return _label_weighted(p, output, outputs, reading[0])
    hidden = (" (the hidden layers' activation applied to the output layer too, as a loop over the layers that runs one "
              "layer too far does, range(len(W)) where range(len(W) - 1) belongs)") if reading[1] == config.hidden_activation else ""
    return Finding("output-unit", f"In the NumPy program, the output unit (its outputs read from the output delta, y + "
                   f"delta, one row at a time): {reading[0]}, where the run's unit gives {config.output_activation}(z){hidden}.",
                   {"side": "numpy", "stage": "output unit", "tensor": f"W{len(p.layers)}.grad"},
                   f"Compute the output unit as {config.output_activation}(z).", NAMED)


def _label_weighted(p: Probe, output: np.ndarray, outputs: np.ndarray, read: str) -> Finding:
    """Outputs read from the delta whose rows are the run's, each scaled by a number of its own: that number depends on the
    label where it is 1/p at the row's class (the loss's derivative -y/p carried into the delta unweighted); otherwise
    the delta shows the scaling, not whether the unit or the loss's gradient makes it (not confident)."""
    at_label = (output * p.y).sum(axis=1)
    factors = np.array([fit_ratio(o, e)[0] if np.any(e) else np.nan for o, e in zip(outputs, output)])
    tensor = f"W{len(p.layers)}.grad"
    if p.y.shape[1] > 1 and np.all(at_label > 0) and relative_gap(factors, 1 / at_label) <= READ:
        return Finding("loss-function", "In the NumPy program, the output layer's delta (read one row at a time from its own "
                       "steps) is p / p_y - y, where the run's is p - y (times the loss's scale): each row's probabilities "
                       "divided by the probability of the row's own class. The loss's derivative -y/p is carried through the "
                       "softmax's backward without its weighting: p·(g - Σ g) where the Jacobian-vector product "
                       "p·(g - Σ g·p) belongs (or the delta divided by p at the label).",
                       {"side": "numpy", "stage": "output delta", "tensor": tensor, "factors": "1/p_y"},
                       "Take the softmax's backward as p·(g - Σ g·p), or the delta as p - y.", NAMED)
    return Finding("output-unit", f"In the NumPy program, the output layer's delta (read one row at a time from its own steps) "
                   f"is y + delta = {read}. Whether the unit or the loss's gradient scales the rows is not measured here.",
                   {"side": "numpy", "stage": "output delta", "tensor": tensor}, "Compare the output unit and the loss's "
                   "gradient at the logits with the run's.", UNEXPLAINED)


def _fed_otherwise(p: Probe, config, outputs: np.ndarray) -> Finding | None:
    """The program's outputs are the run's unit of another input times the output weights: the hidden layer's
    pre-activation (its activation skipped in the forward pass), or the layer below's activation."""
    L = len(p.layers)
    if L < 2:
        return None
    unit = numpy_net.ACTIVATIONS[config.output_activation].function
    z = pre_activation(p, L - 1, inputs_of(p, L - 1, config))
    candidates = {f"hidden layer {L - 1}'s pre-activation z, its activation skipped in the forward pass (the backward pass "
                  "still uses the activation)": z, f"the input of hidden layer {L - 1}, that layer skipped": inputs_of(p, L - 1, config)}
    for words, given in candidates.items():
        if given.shape[1] == p.before[f"W{L}"].shape[0] and relative_gap(outputs, unit(pre_activation(p, L, given))) <= READ:
            return Finding("layer-input", f"In the NumPy program, the output layer (its outputs read from the output delta, y + "
                           f"delta, one row at a time) is fed {words}.", {"side": "numpy", "stage": "output unit",
                           "tensor": f"W{L}.grad"}, f"Feed the output layer hidden layer {L - 1}'s activation.", NAMED)
    return None


def _output_derivative(p: Probe, config, output: np.ndarray, seen: np.ndarray, right: np.ndarray) -> Finding | None:
    """A squared error through an elementwise unit: its delta c·(out - y)·f'; the program's f' read element by element
    against the usual forms, with the target y where the output belongs among them."""
    derivative = numpy_net.ACTIVATIONS[config.output_activation].derivative
    if config.loss not in ("sse", "half-sse", "mse", "half-mse") or derivative is None or config.output_activation == "linear":
        return None
    error = right / np.where(derivative(output) == 0, np.nan, derivative(output))  # c·(out - y)
    shown = np.isfinite(error) & (np.abs(error) > 1e-12)
    forms = {"out·(1 - y): the target y where the output belongs in σ' = out·(1 - out)": output * (1 - p.y),
             "y·(1 - out): the target y where the output belongs in σ' = out·(1 - out)": p.y * (1 - output),
             "1 - y²: the target y where the output belongs in tanh' = 1 - out²": 1 - p.y ** 2}
    for words, phi in forms.items():
        if shown.sum() >= 4 and relative_gap(seen[shown], (error * phi)[shown]) <= READ:
            return Finding("activation-derivative", f"In the NumPy program, the output layer's delta (read one row at a time "
                           f"from its own steps) multiplies the error by {words}.", {"side": "numpy", "stage": "output delta",
                           "tensor": f"W{len(p.layers)}.grad"}, "Write the output unit's derivative in terms of its output.", NAMED)
    return None


OUTPUT_FORMS = {"(1 - v)²": lambda v: (1 - v) ** 2, "v²": lambda v: v ** 2, "1/v": lambda v: 1 / v, "1/(1 - v)": lambda v: 1 / (1 - v),
                "1/(v(1 - v))": lambda v: 1 / (v * (1 - v))}


def _output_factor(p: Probe, config, logits: np.ndarray, output: np.ndarray, seen: np.ndarray, right: np.ndarray) -> Finding | None:
    """The program's output delta is (out - y) times one elementwise function of the output or the logits (and a
    constant): that function named, where the run's delta is not the same."""
    error = output - p.y
    shown = np.abs(error) > 1e-9 * max(float(np.abs(error).max()), 1e-300)
    if shown.sum() < 4:
        return None
    if shortcut := cross_entropy_shortcut(config, p.y, error, seen, READ):
        return Finding("loss-function", f"In the NumPy program, the output layer's delta (read one row at a time from its own "
                       f"steps) is {shortcut}", {"side": "numpy", "stage": "output delta", "tensor": f"W{len(p.layers)}.grad"},
                       "Differentiate the cross-entropy for these targets: p·Σy - y.", NAMED)
    with np.errstate(all="ignore"):
        for (name, v), power in ((pair, power) for power in (1, 2) for pair in (("out", output), ("z", logits))):
            q = seen[shown] / error[shown] ** power
            forms = {**elementwise_forms(v), **{w: f(v) for w, f in OUTPUT_FORMS.items()}}
            for words, values in forms.items():
                if power == 1 and np.ptp(values[shown]) == 0:
                    continue  # one number on every entry shown ([out > 0] of a softmax): a scale, no form
                fit = fit_ratio(q, values[shown]) if np.all(np.isfinite(values[shown])) else None
                if fit is None or fit[1] > READ or relative_gap(right, fit[0] * error ** power * values) <= READ:
                    continue
                formula, _, said = words.partition(", ")
                form = formula.replace("v", name) + (f", {said}" if said else "")
                hint = _output_factor_hint(form, config) if power == 1 else (": the error squared, (y - out)², where the "
                                                                             "error y - out belongs (never negative, it "
                                                                             "pushes every output one way)")
                return Finding("activation-derivative", f"In the NumPy program, the output layer's delta (read one row at a time "
                               f"from its own steps) is (out - y){'²' if power == 2 else ''} times {_times(fit[0])}{form}{hint}.",
                               {"side": "numpy", "stage": "output delta", "tensor": f"W{len(p.layers)}.grad"},
                               f"Make the output delta the derivative of --loss {config.loss} through the output unit: "
                               f"(out - y) for a loss matched to its unit.", NAMED)
    return None


def _times(k: float) -> str:
    return "" if abs(k - 1) <= 1e-6 else f"{k:.4g}·"


def _output_factor_hint(form: str, config) -> str:
    if config.output_activation == "linear" and config.hidden_activation in form.split(",")[-1]:
        return (": the hidden layers' derivative applied at the linear output layer too (a backward loop over the layers "
                "that treats the output layer as a hidden one)")
    if form.startswith("(1 - out)²") and config.output_activation == "sigmoid":
        return (": the derivative of the cross-entropy written (p - y) / p * (1 - p), which precedence reads ((p - y)/p)·(1 - p) "
                "where (p - y) / (p * (1 - p)) belongs, then times the sigmoid's p(1 - p)")
    return ""


def _signed_rows(right: np.ndarray, seen: np.ndarray, y: np.ndarray) -> tuple[str, str] | None:
    """Each row's delta is ± the right one, the sign set by the row's target: a sign slip in one term of the loss's
    derivative (the (1 - y) term of the cross-entropy's, say)."""
    signs = []
    for s, r in zip(seen, right):
        fit = fit_ratio(s, r) if np.any(r) else None
        if fit is None or fit[1] > READ or abs(abs(fit[0]) - 1) > READ:
            return None
        signs.append(np.sign(fit[0]))
    flipped = {tuple(np.round(t, 6)) for t, s in zip(y, signs) if s < 0}
    kept = {tuple(np.round(t, 6)) for t, s in zip(y, signs) if s > 0}
    if not flipped or not kept or flipped & kept:
        return None
    labels = ", ".join(f"y = {label(t)}" for t in sorted(flipped))
    return (f"on the rows with {labels} it has the opposite sign of the right one, and it is right on the others: a sign "
            f"slip in the loss's derivative, in the term those targets select (for y = 0 the (1 - y) term).", "")
