"""A NumPy program's stages, held one by one against the run's model, each fed what the program's previous stage gave.

row_probe.py reads, row by row, the delta δ_l the program computed at each layer and the input u_l its weight gradient
used. In the order a step computes:

1. the inputs u_1, against X;
2. each hidden activation u_l (l ≥ 2), against the run's activation of z_(l-1) = u_(l-1) W_(l-1) + b_(l-1);
3. a bias gradient that is not the delta its weight gradient used (read first: it hides the input of its layer);
4. the output layer's delta δ_L: the loss's gradient at the logits z_L = u_L W_L + b_L;
5. each hidden delta δ_l against (δ_(l+1) W_(l+1)ᵀ) ⊙ φ(z_l). What the program multiplied by, φ, is measured
   element by element and named as a function of z, of z without its bias, or of the activation; or the
   back-propagated part is found carried through W_(l+1) untransposed, or moved by some units;
6. where every row is right: how the batch's gradient combines its rows' (row_batch.py).

The first stage that departs is read with the readings a port's stages get (stage_readings.py). A stage that departs
and matches nothing known is reported at that stage, with its numbers, below the rules' confidence.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

import numpy_net
from parity.diagnosis import stage_readings as read
from parity.diagnosis import activation_readings as acts
from parity.diagnosis.evidence import fit_ratio, relative_gap
from parity.diagnosis.finding import Finding
from parity.diagnosis.row_batch import sampled_rows, weighted_blocks, DEPARTS, NAMED, READ, STAGE, bias_step, reductions, rows_counted, stage
from parity.diagnosis.row_probe import BatchStep, Probe, inputs_of, pre_activation, probe, shown_rows
from parity.diagnosis.activation_table import elementwise_forms
from parity.diagnosis.row_output import batch_output_delta, output_delta
from parity.engine.result import FailureContext
from parity.engine.setup import Setup

MAX_SHIFT = 2  # units a back-propagated error may be moved by


def numpy_stage_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """The first stage of the user's program's step that departs from the run's model, read; or None. The port's, where
    it is the user's program: its stages read the same way, one row at a time from its own steps."""
    found = _stage_finding(setup, failure)
    if found is None or setup.user_sides != ("torch",):
        return found
    words = found.explanation.replace("In the NumPy program", "In the port").replace("The NumPy program", "The port") \
        .replace("the NumPy program", "the port")
    return replace(found, explanation=words, evidence={**found.evidence, "side": "torch"})


def _stage_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    found = probe(setup, failure)
    if found is None or isinstance(found, Finding):
        return found  # a Finding: a program that ignores the rows it is given, read as such
    if isinstance(found, BatchStep):
        return sampled_rows(found) or weighted_blocks(found) or batch_output_delta(found, setup.config)
    config = setup.config
    stages = (_bias_gradients, _inputs, _activations, output_delta, _hidden_deltas, rows_counted, reductions)
    return next((f for stage in stages if (f := stage(found, config)) is not None), None)


def _inputs(p: Probe, config) -> Finding | None:
    seen, rows = p.layers[1].input, shown_rows(p, 1)
    if seen is None or rows.sum() < 2 or relative_gap(seen[rows], p.X[rows]) <= DEPARTS:
        return None
    biases = bias_step(p, config, seen, rows)
    if biases:
        return biases
    reading = read.inputs(seen[rows], p.X[rows], READ)
    if reading is None:
        return stage("W1", "the inputs W1's gradient multiplies by are not X", seen[rows], p.X[rows])
    words = reading[0].replace("where the NumPy side gives the network X as it is", "where the run gives the network X as it is")
    return Finding("input-transform", f"The NumPy program's first layer, read one row at a time from its own steps: {words}",
                   {"side": "numpy", "stage": "inputs", "rows": len(p.rows)}, "Give the first layer X as it is, or transform X "
                   "once, on both sides, before training.", NAMED)


def _activations(p: Probe, config) -> Finding | None:
    run = config.hidden_activation
    for layer in range(2, len(p.layers) + 1):
        seen, rows = p.layers[layer].input, shown_rows(p, layer)
        if seen is None or rows.sum() < 2:
            continue
        given = inputs_of(p, layer - 1, config)[rows]
        z = pre_activation(p, layer - 1, given)
        if relative_gap(seen[rows], numpy_net.ACTIVATIONS[run].function(z)) <= DEPARTS:
            continue
        reading = acts.activation(z, seen[rows], READ, run) or acts.inner_affine(
            given @ p.before[f"W{layer - 1}"], p.before.get(f"b{layer - 1}"), seen[rows], run, READ) or \
            acts.shifted(z, seen[rows], run, p.before.get(f"b{layer - 1}"), READ)
        where = f"hidden layer {layer - 1}'s activation, as W{layer}'s gradient multiplies by it"
        if reading is None and (order := read.reordered_inputs(given, p.before[f"W{layer - 1}"], p.before.get(f"b{layer - 1}"),
                                                          seen[rows], numpy_net.ACTIVATIONS[run].function, READ)):
            return Finding("forward", f"In the NumPy program, {where} (read one row at a time from its own steps), is {run} "
                           f"of {order}", {"side": "numpy", "stage": f"hidden layer {layer - 1}", "tensor": f"W{layer}.grad"},
                           "Read the inputs in one order in the forward and the backward pass.", NAMED)
        if reading is None:
            return stage(f"W{layer}", f"{where} is not {run}(z)", seen[rows], numpy_net.ACTIVATIONS[run].function(z))
        words = reading[0] if isinstance(reading, tuple) else reading
        if words.startswith("z itself"):
            words = "z itself, the pre-activation (the value cached before the activation), not the activation a = f(z)"
        return Finding("activation-function", f"In the NumPy program, {where} (read one row at a time from its own steps), "
                       f"is {words}, where the run's layer gives {run}(z).",
                       {"side": "numpy", "stage": f"hidden layer {layer - 1}", "tensor": f"W{layer}.grad"},
                       f"Use {run}(z) in hidden layer {layer - 1}, and multiply W{layer}'s delta by that activation.", NAMED)
    return None


def _bias_gradients(p: Probe, config) -> Finding | None:
    """A bias gradient that is not the delta its weight gradient used: which delta it is."""
    for layer, seen in p.layers.items():
        if seen.bias_delta is None or seen.bias_delta.shape == seen.delta.shape and relative_gap(seen.bias_delta, seen.delta) <= READ:
            continue  # the delta its weight gradient uses: nothing apart here
        bias, candidates = seen.bias_delta, {f"layer {k}'s delta (a slip of index)": other.delta for k, other in p.layers.items() if k != layer}
        if layer < len(p.layers):
            candidates[f"the back-propagated error delta{layer + 1} @ W{layer + 1}.T, summed before the activation derivative "
                       f"is applied (without f'(z{layer})), where the weight gradient uses the whole delta"] = p.layers[layer + 1].delta @ p.before[f"W{layer + 1}"].T
        source = next((words for words, delta in candidates.items() if delta.shape == bias.shape and relative_gap(bias, delta) <= READ), None)
        ratio = fit_ratio(bias, seen.delta)
        if source is None and ratio and ratio[1] <= READ:
            source = f"{ratio[0]:.4g} times the delta the weight gradient uses"
        return Finding("bias-gradient", f"In the NumPy program, the bias gradient of b{layer} is {source or 'not the delta its weight gradient uses'}"
                       f" (read one row at a time from its own steps: W{layer}'s gradient is its input times one delta, b{layer}'s is "
                       "another).", {"side": "numpy", "tensor": f"b{layer}.grad"},
                       f"Sum b{layer}'s gradient from the delta W{layer}'s gradient uses: db{layer} = delta{layer}.sum(axis=0).",
                       NAMED if source else STAGE + 0.2)
    return None


def _hidden_deltas(p: Probe, config) -> Finding | None:
    run = numpy_net.ACTIVATIONS[config.hidden_activation]
    for layer in range(len(p.layers) - 1, 0, -1):
        above = p.layers[layer + 1].delta
        back = above @ p.before[f"W{layer + 1}"].T
        z = pre_activation(p, layer, inputs_of(p, layer, config))
        a = run.function(z)
        right_phi = run.derivative(a)
        seen = p.layers[layer].delta
        if relative_gap(seen, back * right_phi) <= DEPARTS:
            continue
        words = _derivative(seen, back, z, a, p.before.get(f"b{layer}")) or _back_propagated(seen, right_phi, above, p, layer) \
            or _precedence(seen, back, right_phi) or _other_layers_derivative(seen, back, p, layer, config) \
            or _units_weighted(seen, above, p.before[f"W{layer + 1}"], right_phi)
        if words is None:
            return stage(f"W{layer}", f"hidden layer {layer}'s delta is not (delta{layer + 1} @ W{layer + 1}.T) times the "
                          f"{config.hidden_activation}'s derivative, with the layer above as the program computed it", seen, back * right_phi)
        return Finding("activation-derivative" if words.startswith("it multiplies") else "hidden-layer-backprop",
                       f"In the NumPy program, hidden layer {layer}'s delta (read one row at a time from its own steps, the layer "
                       f"above as it computed it): {words}", {"side": "numpy", "stage": f"hidden layer {layer}", "tensor": f"W{layer}.grad"},
                       f"delta{layer} = (delta{layer + 1} @ W{layer + 1}.T) * f'(z{layer}), with f' the {config.hidden_activation}'s "
                       "derivative at the layer's own pre-activation (bias included).", NAMED)
    return None


def _units_weighted(seen: np.ndarray, above: np.ndarray, W: np.ndarray, phi: np.ndarray) -> str | None:
    """seen = Σ_k c_k · (δ_k ⊗ W[:, k]) · φ, each unit of the layer above sending its error back with a weight c_k of
    its own (least squares over every element): c read, where it is not 1 everywhere."""
    units = above.shape[1]
    if units < 2 or seen.size < 2 * units:
        return None
    terms = np.stack([(np.outer(above[:, k], W[:, k]) * phi).ravel() for k in range(units)], axis=1)
    c, *_ = np.linalg.lstsq(terms, seen.ravel(), rcond=None)
    if relative_gap(terms @ c, seen.ravel()) > READ or np.allclose(c, 1.0, atol=1e-6):
        return None
    kept = np.flatnonzero(np.abs(c) > 1e-6)
    if len(kept) == 1 and abs(c[kept[0]] - 1) <= 1e-6:
        return (f"only output unit {kept[0]}'s term reaches it (the error each unit of the layer above sends back is "
                f"weighted {_weights(c)}): in a loop over the units or heads, the back-propagated error is assigned (=) "
                "where it must be accumulated (+=)" + (", so the last one overwrites the others." if kept[0] == units - 1 else "."))
    return f"the error each unit of the layer above sends back is weighted {_weights(c)}, where every unit's counts once."


def _weights(c: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in c[:8]) + (", …]" if len(c) > 8 else "]")


def _derivative(seen: np.ndarray, back: np.ndarray, z: np.ndarray, a: np.ndarray, bias: np.ndarray | None) -> str | None:
    """φ = seen / back element by element, named as a function of z, z without its bias, or the activation a."""
    shown = np.abs(back) > 1e-9 * max(float(np.abs(back).max()), 1e-300)
    if shown.sum() < 4:
        return None
    phi = seen[shown] / back[shown]
    variables = {"z, the layer's pre-activation": z}
    if bias is not None and np.any(bias):
        variables["z - b, the pre-activation without its bias (the product cached before the bias was added)"] = z - bias
    variables["a, the layer's activation"] = a
    with np.errstate(all="ignore"):
        for where, v in variables.items():
            for words, values in elementwise_forms(v).items():
                if np.all(np.isfinite(values[shown])) and relative_gap(values[shown], phi) <= READ:
                    return (f"it multiplies the back-propagated error by {words.replace('(v)', '(' + where.split(',')[0] + ')')}, "
                            f"with v = {where}.")
    return _steps(phi, z[shown])


def _other_layers_derivative(seen: np.ndarray, back: np.ndarray, p: Probe, layer: int, config) -> str | None:
    """The run's derivative taken at another hidden layer's activation (or the output's): a cache the layers' activation
    objects share ([Tanh()] * n is one object, holding the last layer's activation), or an index off in the loop."""
    run = numpy_net.ACTIVATIONS[config.hidden_activation]
    given, activations = p.X, {}
    for k in range(1, len(p.layers) + 1):
        z = pre_activation(p, k, given)
        given = run.function(z) if k < len(p.layers) else numpy_net.ACTIVATIONS[config.output_activation].function(z)
        activations[k] = given
    for k, a in activations.items():
        if k != layer and a.shape == seen.shape and relative_gap(seen, back * run.derivative(a)) <= READ:
            which = "the output's" if k == len(p.layers) else f"hidden layer {k}'s"
            last = (" (the last hidden layer's: one activation object shared by the layers, [Tanh()] * n, whose cache "
                    "holds the last forward's output; or one cache shared by the layers)") if k == len(p.layers) - 1 else ""
            return (f"it multiplies the back-propagated error by the {config.hidden_activation}'s derivative at {which} "
                    f"activation, not at its own{last}.")
    return None


def _steps(phi: np.ndarray, z: np.ndarray) -> str | None:
    """φ one constant where z > 0 and another where z < 0: a step function, as ReLU's derivative is (1 and 0)."""
    positive, negative = z > 0, z < 0
    if positive.sum() < 2 or negative.sum() < 2:
        return None
    up, down = float(np.median(phi[positive])), float(np.median(phi[negative]))
    if np.max(np.abs(phi[positive] - up)) > READ * max(abs(up), 1) or np.max(np.abs(phi[negative] - down)) > READ * max(abs(down), 1):
        return None
    sign = " (np.sign(z): -1 for the negative, inactive units where ReLU's derivative is 0)" if (round(up, 6), round(down, 6)) == (1, -1) else ""
    return f"it multiplies the back-propagated error by {up:.4g} where z > 0 and by {down:.4g} where z < 0{sign}."


def _back_propagated(seen: np.ndarray, right_phi: np.ndarray, above: np.ndarray, p: Probe, layer: int) -> str | None:
    """The error carried back through W_(l+1) otherwise: by W itself where Wᵀ belongs (a square W gives no shape
    error), or taken from a neighbouring unit (delta @ [W; b]ᵀ sliced a column off)."""
    if np.any(right_phi == 0):
        return None
    implied, W = seen / right_phi, p.before[f"W{layer + 1}"]
    if W.shape[0] == W.shape[1] and relative_gap(implied, above @ W) <= READ:
        return (f"the error is carried back through W{layer + 1} itself, delta{layer + 1} @ W{layer + 1}, where its "
                f"transpose belongs (delta{layer + 1} @ W{layer + 1}.T): W{layer + 1} is square, so no shape error shows it.")
    carried = _carried_otherwise(implied, above, p, layer)
    if carried:
        return carried
    stacked = [W] + ([p.before[f"b{layer + 1}"].reshape(1, -1)] if f"b{layer + 1}" in p.before else [])
    full = above @ np.vstack(stacked).T  # the bias's column last, as in weights augmented with a row of biases
    units = implied.shape[1]
    for shift in range(1, MAX_SHIFT + 1):
        if shift + units <= full.shape[1] and relative_gap(implied, full[:, shift:shift + units]) <= READ:
            return (f"each unit j gets the back-propagated error of unit j + {shift} (delta{layer + 1} @ W{layer + 1}.T "
                    f"sliced {shift} column(s) off: with the bias kept as a row of the weights, its column dropped from "
                    "the wrong end), so the deltas are shifted by one unit against the units they belong to."
                    if shift == 1 else f"each unit j gets the back-propagated error of unit j + {shift}: shifted by {shift} units.")
    return None


def _carried_otherwise(implied: np.ndarray, above: np.ndarray, p: Probe, layer: int) -> str | None:
    """The error carried back through something other than this step's W_(l+1): another layer's delta and weights (a
    layer skipped), or an array the program keeps (a copy or transpose of W_(l+1) cached once and never refreshed)."""
    up = layer + 1
    for other in p.layers:
        through = _through(p, other)
        if other not in (layer, up) and through is not None and through.shape == implied.shape and relative_gap(implied, through) <= READ:
            return (f"the error carried back is layer {other}'s, delta{other} @ W{other}.T, where layer {up}'s belongs "
                    f"(delta{up} @ W{up}.T): the back-propagation skips from layer {other} past layer {up}.")
    for where, held in (p.held or {}).items():
        for matrix, how in ((held, ""), (held.T, ".T")):
            if matrix.shape == (above.shape[1], implied.shape[1]) and relative_gap(implied, above @ matrix) <= READ \
                    and relative_gap(matrix, p.before[f"W{up}"].T) > READ:
                return (f"the error is carried back through {where}{how}, an array the program keeps beside its weights, "
                        f"where this step's W{up}.T belongs: a stale copy or transpose of W{up}, cached when it was made and "
                        "not refreshed after the updates (or another array in its place).")
    return None


def _through(p: Probe, other: int) -> np.ndarray:
    """Layer other's delta carried back through its weights, or None where the shapes do not meet."""
    W, delta = p.before[f"W{other}"], p.layers[other].delta
    return delta @ W.T if delta.shape[1] == W.shape[1] else None


def _precedence(seen: np.ndarray, back: np.ndarray, right_phi: np.ndarray) -> str | None:
    """back·1 - (1 - f'): a derivative written 1 - a**2 after the multiplication, without its parentheses."""
    if relative_gap(seen, back - (1 - right_phi)) > READ:
        return None
    return ("it is the back-propagated error minus (1 - f'(z)), not times f'(z): delta @ W.T * 1 - a ** 2, the parentheses "
            "around the derivative (1 - a ** 2) missing, so operator precedence subtracts a² after multiplying by 1.")
