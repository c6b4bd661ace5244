"""A port's forward pass and loss, stage by stage, against the run's model at the shared start.

The port's own step is run once more, from the failing step's start, with
hooks on its model: what the model was given, what each nn.Linear received
and returned (in call order, layer k of the run's model), what the model
returned, and the loss's gradient at the last layer's output (the logits).
Each stage is then held against the run's model computed from what the
port's previous stage gave it, so the first stage that departs is the one
named, and what it computes is read from its numbers (stage_readings.py):

    X ─► inputs the first layer sees ─► z_k = Linear_k ─► activation ─► … ─► logits ─► loss gradient
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis import loss_readings as losses, stage_readings as read
from parity.diagnosis import activation_readings as acts
from parity.diagnosis.target_readings import SYMPTOM_ONLY
from parity.diagnosis.logit_gradients import run_gradient
from parity.diagnosis.class_offsets import class_offsets
from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.port_backward import activity_stage, clipped_stage, penalty_stage
from parity.diagnosis.extra_parameters import kit_port_moved
from parity.diagnosis.finding import Finding
from parity.diagnosis.head_forms import unused_last_layer
from parity.diagnosis.port_trace import Trace, trace_port
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE


def port_forward_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """The first stage of the port's forward pass or loss that departs from the run's model, read; or None."""
    if setup.user_sides != ("torch",) or setup.config.mode != "lockstep" or setup.config.world_size > 1:
        return None
    try:
        numpy_side, port = setup.replay(failure.step)
        trace = trace_port(port, setup.rows(failure.step))
    except Exception:  # a port that cannot be copied or stepped again: the stages are not measurable here
        return None
    params = {name: np.asarray(value, np.float64) for name, value in numpy_side.params().items()}
    if extra := kit_port_moved(setup, failure.step):
        return _finding("extra-parameter", "its parameters", extra, "Hold the value fixed in the port (a plain tensor or "
                        "register_buffer), or pair it with the NumPy program's and update it there too.", 0.9, {})
    if trace is not None and trace.optimizer_steps > 1:
        return _steps_per_step(trace, len(setup.batch(failure.step)[0]))
    if trace is not None and trace.optimizer_steps == 0 and getattr(port, "port", None) is not None and port.port.step:
        return None  # its own step took no optimizer step here: no stage explains an update (the rules count the calls)
    if trace is not None and (order := _layer_order(port, trace)):
        return order
    if trace is not None and len(trace.model_rows) > 1 and sum(trace.model_rows) == len(setup.batch(failure.step)[0]):
        # even chunks are no bug by themselves, and the stages below read one chunk as the batch: nothing to read
        return _chunks(trace.model_rows) if len(set(trace.model_rows)) > 1 else None
    if trace is not None and trace.functional:  # each layer's z from what it was given, by the run's model
        trace.linears = [(given, given @ params[f"W{l}"] + params.get(f"b{l}", 0.0)) for l, given in enumerate(trace.inputs, start=1)]
    layers, tolerance = numpy_net.layer_count(params), 10 * MATCH_TOLERANCE[setup.config.dtype]
    if trace is not None and trace.linears and len(trace.linears) == layers - 1 and trace.returned is not None and \
            _is_layer(trace.linears[-1], params, layers - 1, tolerance) and (head := unused_last_layer(
                trace.linears[-1][1], setup.config.hidden_activation, params[f"W{layers}"], params.get(f"b{layers}"),
                trace.returned, tolerance)):
        return _finding("output-layer", "the output layer", head[0], "Call the last layer as a module (self.fc2(h)), or "
                        "score h the same way on the NumPy side.", 0.85 if head[1] else 0.75, {})
    if trace is None or len(trace.linears) != layers:
        return None  # not a chain of Linear layers the run's model describes
    X, y = (np.asarray(a, np.float64) for a in setup.batch(failure.step))
    stages = (_product_stage, _input_stage, _hidden_stages, _output_stage, clipped_stage, _backward_twice, _loss_stage,
              activity_stage, penalty_stage)
    for stage in stages:
        found = stage(setup, trace, params, X, y, tolerance)
        if found:
            return found
    return None


def _is_layer(linear: tuple[np.ndarray, np.ndarray], params: dict, layer: int, tolerance: float) -> bool:
    """Whether a Linear the port called computes the run's layer `layer` from what it was given."""
    given, out = linear
    W = params.get(f"W{layer}")
    return W is not None and given.shape[-1] == W.shape[0] and out.shape[-1] == W.shape[1] and \
        relative_gap(out, given @ W + params.get(f"b{layer}", 0.0)) <= tolerance


def _finding(name: str, stage: str, reading: str, fix: str, score: float, evidence: dict) -> Finding:
    return Finding(name, f"The port's forward pass departs from the run's model first at {stage}: {reading}",
                   {"side": "torch", "stage": stage, **evidence}, fix, score)


def _layer_order(port, trace: Trace) -> Finding | None:
    """The port's layers called in another order than its weights name them (W1's module first, and so on)."""
    locations = getattr(port, "locations", {})
    expected = [locations[f"W{l}"].name.rsplit(".", 1)[0] for l in range(1, len(locations) + 1) if f"W{l}" in locations]
    called = trace.linear_names[:len(expected)]
    if len(called) != len(expected) or sorted(called) != sorted(expected) or called == expected:
        return None
    return Finding("layer-order", f"Your PyTorch port calls its layers in another order "
                   f"than the network's: {' → '.join(called)}, where W1, W2, … are {' → '.join(expected)} (layers applied out "
                   "of order: a dict's sorted() keys, or a list built in another order); layers of equal width make no "
                   "shape error.", {"side": "torch", "called": called, "expected": expected},
                   "Apply the layers in the network's order (iterate the ModuleDict as built, not sorted).", 0.93)


def _chunks(rows: list[int]) -> Finding:
    return Finding("dropped-rows", f"Your PyTorch port's step runs its model on the batch in {len(rows)} chunks of "
                   f"{', '.join(map(str, rows))} rows (micro-batches, their gradients accumulated), not on the whole batch at "
                   f"once. The chunks differ in size ({min(rows)} against {max(rows)} rows): a loss averaged within each "
                   f"chunk and then over the chunks weighs the rows of a smaller chunk more (its rows count "
                   f"{max(rows) / min(rows):.3g} times), where the batch's mean weighs every row alike.",
                   {"side": "torch", "chunks": rows}, "Weigh each chunk's loss by its share of the rows (its rows / the "
                   "batch's), or run the batch whole.", 0.75)


def _steps_per_step(trace: Trace, rows: int) -> Finding:
    calls = trace.model_rows
    per = f" on {calls[0]} row{'s' if calls[0] != 1 else ''} each" if calls and len(set(calls)) == 1 else ""
    online = " (one update per row: online SGD inside the step, where the run makes one update per batch)" if calls and set(calls) == {1} else ""
    return Finding("repeated-update", f"Your PyTorch port's training step calls optimizer.step() {trace.optimizer_steps} times, "
                   f"and its model {len(calls)} times{per}, for one batch of {rows} rows{online}: it updates "
                   f"{trace.optimizer_steps} times per step.", {"side": "torch", "times": trace.optimizer_steps, "model_calls": len(calls)},
                   "Take one optimizer step per training step, after the whole batch's backward.", 0.95)


def _product_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    """A port written with raw weights: each layer's product against x @ W, with or without the bias."""
    for layer, (given, (weight, out)) in enumerate(zip(trace.inputs, trace.products), start=1):
        W, b = params[f"W{layer}"], params.get(f"b{layer}", 0.0)
        if out is None or out.shape != (len(given), W.shape[1]):
            continue
        right = given @ W
        if relative_gap(out, right) <= tolerance or relative_gap(out, right + b) <= tolerance:
            continue
        if weight.size == W.size and relative_gap(out, given @ weight.reshape(W.shape)) <= tolerance:
            return _finding("transposed-weight", f"layer {layer}'s product", f"it multiplies by its weight reshaped, "
                            f"W.reshape{W.shape}, where the transpose W.T belongs: the same numbers in another order, no "
                            "shape error.", "Use W.T (or F.linear(x, W, b)), never reshape or view, to transpose.", 0.93, {"layer": layer})
        return _finding("transposed-weight", f"layer {layer}'s product", "it is not x @ W for the layer's weight.",
                        "Multiply each layer's input by its weight as nn.Linear does: x @ W.T + b.", 0.6, {"layer": layer})
    return None


def _input_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    seen = trace.linears[0][0]
    if seen.shape == X.shape and relative_gap(seen, X) <= tolerance:
        return None
    sliced = read.sliced_rows(seen, X)
    if sliced:
        return _finding("dropped-rows", "the inputs of the first layer", f"{sliced}.", "Give the model the whole batch.", 0.93, {})
    reading = read.inputs(seen, X, tolerance)
    if reading is None:
        return _finding("input-transform", "the inputs of the first layer", "they are not the rows of X it was given, nor "
                        "an affine change of X's columns.", "Give the first layer X as it is, or do the same to X on "
                        "the NumPy side.", 0.6, {})
    words, fix = reading
    return _finding("input-transform", "the inputs of the first layer", words, fix, 0.93, {})


def _hidden_stages(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    activation = setup.config.hidden_activation
    for layer, ((_, z), (received, _)) in enumerate(zip(trace.linears, trace.linears[1:]), start=1):
        expected = numpy_net.ACTIVATIONS[activation].function(z)
        if received.shape == expected.shape and relative_gap(received, expected) <= tolerance:
            continue
        stage = f"the activation of hidden layer {layer}"
        given = trace.linears[layer - 1][0]
        twice = acts.shifted(z, received, activation, params.get(f"b{layer}"), tolerance) or (acts.inner_affine(
            given @ params[f"W{layer}"], params.get(f"b{layer}"), received, activation, tolerance) if given.shape[1] == params[f"W{layer}"].shape[0] else None)
        if twice:
            return _finding("bias-twice" if "added twice" in twice else "activation-function", stage,
                            f"layer {layer + 1} receives {twice}.", "Add each bias once.", 0.93, {"layer": layer})
        reading = acts.activation(z, received, tolerance, activation) if received.shape == z.shape else None
        outside = acts.bias_outside(z, received, activation, params.get(f"b{layer}"), tolerance) if reading is None else None
        if outside:
            return _finding("activation-function", stage, f"layer {layer + 1} receives {outside}.", f"Add the bias inside "
                            f"the activation: {activation}(x @ W + b).", 0.93, {"layer": layer})
        if reading is None:
            skip = _skip_connection(trace, layer, received - expected, tolerance) if received.shape == expected.shape else None
            if skip:
                return _finding("activation-function", stage, f"layer {layer + 1} receives {activation}(z) + {skip}: a "
                                "residual (skip) connection the run's model does not have.", "Leave the skip connection "
                                "out of the port, or add it to the NumPy side.", 0.93, {"layer": layer, "residual": skip})
            return _finding("activation-function", stage, f"layer {layer + 1} receives neither {activation}(z) nor any "
                            "elementwise function of z the kit knows.", f"Apply {activation} between the layers.", 0.6,
                            {"layer": layer})
        words, name = reading
        return _finding("activation-function", stage, f"layer {layer + 1} receives {words} of layer {layer}'s output z, "
                        f"where the run's model applies {activation}(z).",
                        f"Use {activation} in the port's hidden layer {layer}, or pass --hidden-activation {name} if both "
                        "sides mean it." if name in numpy_net.ACTIVATIONS else f"Apply {activation} in hidden layer {layer}, "
                        f"as the NumPy side does ({words} is not it).", 0.93, {"layer": layer, "port_activation": name})
    return None


def _skip_connection(trace: Trace, layer: int, extra: np.ndarray, tolerance: float) -> str | None:
    """What was added to a layer's activation, where it is an earlier stage's output: the input of this layer or of one
    before it (X for the first)."""
    for earlier in range(layer - 1, -1, -1):
        given = trace.linears[earlier][0]
        if given.shape == extra.shape and relative_gap(extra, given) <= tolerance:
            return "X, the network's input" if earlier == 0 else f"the output of hidden layer {earlier} (the input of layer {earlier + 1})"
    return None


def _output_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    """The model returns the logits or the run's output unit of them; anything else is read like a hidden activation."""
    logits, returned, unit = trace.linears[-1][1], trace.returned, setup.config.output_activation
    if returned is None or returned.shape != logits.shape:
        return None
    expected = numpy_net.ACTIVATIONS[unit].function(logits)
    if relative_gap(returned, logits) <= tolerance or relative_gap(returned, expected) <= tolerance:
        return None
    natural = {"bce": "sigmoid", "bce-sum": "sigmoid", "ce": "softmax", "ce-sum": "softmax"}.get(setup.config.loss)
    if natural and relative_gap(returned, numpy_net.ACTIVATIONS[natural].function(logits)) <= tolerance:
        return None  # probabilities for a loss that takes them: a convention, which the loss stage judges
    stage = "the output unit"
    whole = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    if unit == "softmax" and relative_gap(returned, whole) <= tolerance:
        return _finding("output-unit", stage, "the model's softmax divides by the sum over the whole batch, every row and "
                        "class (e.sum() with no dim), so no row's probabilities sum to 1, where each row's own sum belongs.",
                        "Normalise each row by its own sum: e / e.sum(dim=1, keepdim=True).", 0.93, {})
    twice = acts.shifted(logits, returned, unit, params.get(f"b{len(trace.linears)}"), tolerance)
    if twice:
        return _finding("bias-twice" if "added twice" in twice else "output-unit", stage, f"the model returns {twice}.",
                        "Add each bias once.", 0.93, {})
    reading = acts.activation(logits, returned, tolerance, unit)
    if reading:
        return _finding("output-unit", stage, f"the model returns {reading[0]}, z being its last layer's output (the logits), "
                        f"where the run's model's output unit is {unit}: an activation on the output that the run's model "
                        f"does not apply.", f"Return {unit}(logits), or the logits, from the port's model.",
                        0.93, {"port_activation": reading[1]})
    batch_softmax = numpy_net.ACTIVATIONS["softmax"].function(logits.T).T
    if unit == "softmax" and relative_gap(returned, numpy_net.ACTIVATIONS["softmax"].function(-logits)) <= tolerance:
        return _finding("output-unit", stage, "the model returns softmin(z) = softmax(-z), the probabilities of the negated "
                        "logits (nn.Softmin where nn.Softmax belongs): training pushes the logits the opposite way.",
                        "Use nn.Softmax(dim=1) (or return the logits to F.cross_entropy).", 0.93, {})
    if unit == "softmax" and relative_gap(returned, batch_softmax) <= tolerance:
        return _finding("output-unit", stage, "the model's softmax is taken over the batch axis (dim=0), each column "
                        "summing to 1, where it must be over each row's classes (dim=1).", "Use softmax(logits, dim=1).",
                        0.93, {})
    return None


def _backward_twice(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    """One forward pass and two back-propagations through the logits in one step, the last layer's .grad their sum:
    the first backward's gradient is kept in .grad (a loss back-propagated for a reading, then the total)."""
    calls, L = trace.logits_grads, len(trace.linears)
    grad = trace.param_grads.get(f"W{L}")
    if len(calls) < 2 or len(trace.model_rows) != 1 or grad is None:
        return None
    h, run = trace.linears[-1][0], run_gradient(setup.config.loss, setup.config.output_activation, trace.linears[-1][1], y)
    summed, last = h.T @ np.sum(calls, axis=0), h.T @ calls[-1]
    if grad.shape != summed.shape or relative_gap(grad, summed) > tolerance or relative_gap(grad, last) <= tolerance:
        return None
    if run is None or calls[-1].shape != run.shape or relative_gap(calls[-1], run) > tolerance:
        return None  # the last backward alone is not the run's loss: the calls may be the terms of one loss
    return _finding("gradient-accumulation", "the backward pass", f"its step calls the model once and back-propagates "
                    f"through the logits {len(calls)} times (backward() on more than one loss, retain_graph=True), and "
                    f"W{L}'s .grad is the sum of all {len(calls)}, where the last alone is the run's loss's gradient (measured): "
                    "the earlier backward's gradient stays in .grad and is stepped with (a loss back-propagated for a "
                    "reading, a gradient norm, then the total).", "Back-propagate once, or read "
                    "a gradient for logging with torch.autograd.grad, or zero the gradients before the last backward().",
                    0.9, {"backward_calls": len(calls)})


def _loss_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    grad, logits = trace.logits_grad, trace.linears[-1][1]
    if grad is None or grad.shape != y.shape or not np.any(grad):
        return None
    config = setup.config
    reading = losses.loss_gradient(config.loss, config.output_activation, logits, y, grad, tolerance, config.batch_size, X)
    if reading is None:
        run = run_gradient(config.loss, config.output_activation, logits, y)
        if run is None or relative_gap(grad, run) <= tolerance:
            return None
        if config.loss == "ce" and (shifted := class_offsets(logits, y, grad, tolerance, params.get(f"b{len(trace.linears)}"))):
            return _finding("loss-function", "the loss", f"every forward stage agrees, and {shifted}", "Give the loss the "
                            "logits as the run's model has them, or add the same offsets on the NumPy side.", 0.85, {})
        return _finding("loss-function", "the loss", f"every forward stage agrees, and its loss's gradient at the logits is "
                        f"not --loss {config.loss}'s, nor any loss or reduction the kit knows.", "Compare the port's loss, "
                        "and what it does to the outputs and targets, with the NumPy side's.", 0.6, {})
    words, fix = reading
    name, evidence = losses.finding_name(words)
    return _finding(name, "the loss", words, fix, 0.7 if SYMPTOM_ONLY in words else 0.92, evidence)
