"""Findings about backpropagation: the sign convention, σ', the hidden layer (the bias gradients: bias.py).

Hypotheses are recomputed in float64 from the step's starting weights and
must reproduce the NumPy side's gradient to the run's precision.
"""

from __future__ import annotations

import numpy as np

import numpy_net
import numpy_net.losses
from parity.diagnosis.evidence import Evidence, close, common_ratio, relative_gap
from parity.diagnosis.finding import Finding
from parity.diagnosis.rules.derivatives import OTHER_DERIVATIVES


def sign_flip(e: Evidence) -> Finding | None:
    grads = [g for g in e.grads() if e.failed(g)]
    ratio = common_ratio(e, grads, lambda side, n: getattr(e, side)(n)) if grads else None
    where, subject = "gradients", grads
    if ratio is None and not grads:
        subject = [p for p in e.params() if e.failed(p)]
        ratio = common_ratio(e, subject, e.update) if subject else None
        where = "updates"
    if ratio is None or not close(ratio, -1.0):
        return None
    return Finding(
        "sign-flip",
        f"The NumPy {where} are exactly the negative of torch's: the code keeps y - output (the negative gradient) "
        "and then subtracts it, or adds the true gradient: descent in one convention is ascent in the other.",
        {"ratio": ratio, "tensors": subject},
        "Use one convention: the gradient dL/dθ of (output - y) with θ -= lr * grad, or y - output with θ += lr * ...",
        0.96,
    )


# How each activation is written, and its derivative from the activation a.
DERIVATIVES = {"sigmoid": ("σ", "a (1 - a)"), "tanh": ("tanh", "1 - a²")}


SIGMA_PRIME = {"sigmoid": " (σ' = o (1 - o))"}


def _fix(activation: str, cancelled: bool) -> str:
    f, formula = DERIVATIVES.get(activation, (activation, ""))
    if cancelled:
        return f"Drop the extra {f}': under cross-entropy the output delta is already (output - y) times the reduction's scale."
    if activation not in DERIVATIVES:
        return f"Use {activation}'s own derivative: [z > 0] for ReLU, computed from the pre-activation z."
    return f"{f}'(z) = {formula} with a = {f}(z): feed the derivative the activation, exactly once."


def _derivative_hypotheses(e: Evidence):
    """(tensor, layer, what, predicted gradient) for each way of misapplying an activation's derivative."""
    ref, inputs, deltas = e.reference, e.inputs, e.deltas
    L = e.layers
    output_unit = e.output_activation
    if output_unit in DERIVATIVES:
        f = numpy_net.ACTIVATIONS[output_unit]
        name, formula = DERIVATIVES[output_unit]
        if isinstance(e.loss, numpy_net.losses.SquaredError):
            dloss_doutput = e.loss.scale(e.y) * 2 * (ref.output - e.y)
            yield (f"W{L}.grad", "the output layer", output_unit, False, f"{name}'({name}(z{L})): the derivative applied to the already-activated output",
                   inputs[L - 1].T @ (dloss_doutput * f.derivative(f.function(ref.output))))
            yield (f"W{L}.grad", "the output layer", output_unit, False, f"{name}' applied twice: dL/do · {name}'(z{L}) · {name}'(z{L})",
                   inputs[L - 1].T @ (dloss_doutput * f.derivative(ref.output) ** 2))
            yield (f"W{L}.grad", "the output layer", output_unit, False, f"{name}' taken of the error (o - y): the output array "
                   "was overwritten in place by the error (error = output; error -= y) before the derivative read it",
                   inputs[L - 1].T @ (dloss_doutput * f.derivative(ref.output - e.y)))
            yield (f"W{L}.grad", "the output layer", output_unit, False, f"{formula.replace('a', f'z{L}')}: {formula} fed the pre-activation z{L} instead of the activation",
                   inputs[L - 1].T @ (dloss_doutput * f.derivative(ref.logits)))
        else:  # cross-entropy on its own unit: the derivative cancels, and must not be applied again
            yield (f"W{L}.grad", "the output layer", output_unit, True, f"an extra {name}'(z{L}) after the cross-entropy's delta (output - y), where the two cancel",
                   inputs[L - 1].T @ (deltas[L] * f.derivative(ref.output)))
    right = numpy_net.ACTIVATIONS[e.hidden_activation].derivative
    for layer in range(L - 1, 0, -1):
        back = deltas[layer + 1] @ e.before[f"W{layer + 1}"].T
        a = inputs[layer]
        z = inputs[layer - 1] @ e.before[f"W{layer}"] + e.before.get(f"b{layer}", 0)
        where = "the hidden layer" if L == 2 else f"hidden layer {layer}"
        for what, wrong in OTHER_DERIVATIVES:
            slope = wrong(a, z)
            if np.allclose(slope, right(a), rtol=1e-6, atol=1e-12):
                continue  # the same as the right derivative here (ReLU's [a >= 0] where no unit is off): no hypothesis
            yield (f"W{layer}.grad", where, e.hidden_activation, False, what, inputs[layer - 1].T @ (back * slope))
        for neighbour in (layer + 1, layer - 1):  # an index slip in a loop over layers: another layer's activation
            other = ref.output if neighbour == L else inputs[neighbour] if neighbour >= 1 else None
            if other is not None and other.shape in (a.shape, (len(a), 1)):
                name = "the output" if neighbour == L else f"hidden layer {neighbour}"
                yield (f"W{layer}.grad", where, e.hidden_activation, False, f"the derivative of another layer's activation, "
                       f"{name}'s (an index off by one in the loop over layers, broadcasting let the shapes fit)",
                       inputs[layer - 1].T @ (back * right(other)))
    if e.hidden_activation in DERIVATIVES:
        f = numpy_net.ACTIVATIONS[e.hidden_activation]
        name, formula = DERIVATIVES[e.hidden_activation]
        for layer in range(L - 1, 0, -1):
            back = deltas[layer + 1] @ e.before[f"W{layer + 1}"].T
            a = inputs[layer]
            z = inputs[layer - 1] @ e.before[f"W{layer}"] + e.before.get(f"b{layer}", 0)
            where = "the hidden layer" if L == 2 else f"hidden layer {layer}"
            yield (f"W{layer}.grad", where, e.hidden_activation, False, f"{name}'({name}(z{layer})): the derivative applied to the already-activated hidden layer",
                   inputs[layer - 1].T @ (back * f.derivative(f.function(a))))
            yield (f"W{layer}.grad", where, e.hidden_activation, False, f"{formula} fed the pre-activation z{layer} instead of the activation",
                   inputs[layer - 1].T @ (back * f.derivative(z)))


def _same_mistake_everywhere(e: Evidence):
    """(what, predicted gradients) for a derivative misapplied in every layer at once: the output and each hidden layer."""
    if e.hidden_activation not in DERIVATIVES or e.layers < 2:
        return
    f, L, ref, inputs = numpy_net.ACTIVATIONS[e.hidden_activation], e.layers, e.reference, e.inputs
    name = DERIVATIVES[e.hidden_activation][0]
    output_unit = numpy_net.ACTIVATIONS.get(e.output_activation)
    squared_on_same_unit = isinstance(e.loss, numpy_net.losses.SquaredError) and e.output_activation == e.hidden_activation
    for what, wrong in ((f"{name}'({name}(z)), applied to already-activated values", lambda a, z: f.derivative(f.function(a))),
                        ("the derivative fed the pre-activation z instead of the activation", lambda a, z: f.derivative(z))):
        delta = e.deltas[L]
        if squared_on_same_unit:
            delta = e.loss.scale(e.y) * 2 * (ref.output - e.y) * wrong(ref.output, ref.logits)
        grads = {}
        for layer in range(L, 0, -1):
            grads[f"W{layer}.grad"] = inputs[layer - 1].T @ delta
            if layer > 1:
                z = inputs[layer - 2] @ e.before[f"W{layer - 1}"] + e.before.get(f"b{layer - 1}", 0)
                delta = (delta @ e.before[f"W{layer}"].T) * wrong(inputs[layer - 1], z)
        yield what, grads, squared_on_same_unit and output_unit is not None


def activation_derivative(e: Evidence) -> Finding | None:
    failing = [name for name in e.grads() if name.startswith("W") and e.failed(name)]
    for what, grads, with_output in _same_mistake_everywhere(e):
        if len(failing) > 1 and all(e.explains(grads[name], name) for name in failing):
            layers = ("the output layer and " if with_output else "") + f"every hidden layer ({', '.join(failing)})"
            return Finding(
                "activation-derivative",
                f"The {e.hidden_activation} derivative is computed as {what}, in {layers}: the same mistake in more than one layer.",
                {"tensors": failing, "layers": len(failing)},
                _fix(e.hidden_activation, False),
                0.97,
            )
    for tensor, layer, activation, cancelled, what, predicted in _derivative_hypotheses(e):
        if e.failed(tensor) and e.explains(predicted, tensor):
            return Finding(
                "activation-derivative",
                f"The {activation} derivative in {layer} is computed as {what}. It still trains, on a different gradient.",
                {"tensor": tensor, "gap_to_hypothesis": relative_gap(predicted, e.numpy(tensor)),
                 "gap_to_torch": relative_gap(e.numpy(tensor), e.torch(tensor))},
                _fix(activation, cancelled),
                0.97,
            )
    return None


def hidden_layer_backprop(e: Evidence) -> Finding | None:
    layer = next((l for l in range(e.layers - 1, 0, -1) if e.failed(f"W{l}.grad") and not e.failed(f"W{l + 1}.grad")), None)
    above = f"W{layer + 1}" if layer else None
    if layer is None or above not in e.numpy_record:
        return None
    back_through_updated = e.deltas[layer + 1] @ e.numpy(above).T
    delta = numpy_net.backward_through(e.hidden_activation, e.inputs[layer], back_through_updated)
    through_updated = e.inputs[layer - 1].T @ delta
    evidence = {f"{above}.grad": "agrees", f"W{layer}.grad_gap": relative_gap(e.numpy(f"W{layer}.grad"), e.torch(f"W{layer}.grad"))}
    error_not_delta = _error_propagated(e, layer)
    if error_not_delta is not None and e.explains(error_not_delta, f"W{layer}.grad"):
        return Finding(
            "hidden-layer-backprop",
            f"Layer {layer} is back-propagated from the output's error (output - y), not its delta: the output unit's "
            f"derivative{SIGMA_PRIME.get(e.output_activation, '')} is left out of delta{layer + 1} before it goes through {above}. The output layer's own update is right, "
            "so it still trains, on a gradient of no loss.",
            evidence,
            f"Back-propagate the delta: delta{layer} = ((error * f'(output)) @ {above}.T) * f'(a{layer}).",
            0.97,
        )
    if e.explains(through_updated, f"W{layer}.grad"):
        return Finding(
            "hidden-layer-backprop",
            f"Layer {layer}'s gradient is back-propagated through {above} *after* {above} was updated: the update is applied "
            "before the gradient of the layer below is computed.",
            evidence,
            "Compute every gradient first, then update all parameters (autograd and torch.optim do it in that order).",
            0.97,
        )
    return Finding(
        "hidden-layer-backprop",
        f"Layer {layer + 1}'s gradients agree and layer {layer}'s do not: the error is in back-propagating "
        f"through {above} (delta{layer + 1} @ {above}.T, then the activation's derivative).",
        evidence,
        f"Check delta{layer} = (delta{layer + 1} @ {above}.T) * f'(a{layer}), with the {above} of the forward pass.",
        0.55,
    )


def _error_propagated(e: Evidence, layer: int):
    """Layer `layer`'s gradient if the layer below the output back-propagated dL/doutput instead of dL/dz."""
    if layer != e.layers - 1 or not isinstance(e.loss, numpy_net.losses.SquaredError) or e.output_activation == "linear":
        return None
    dloss_doutput = e.loss.scale(e.y) * 2 * (e.reference.output - e.y)
    back = dloss_doutput @ e.before[f"W{layer + 1}"].T
    return e.inputs[layer - 1].T @ numpy_net.backward_through(e.hidden_activation, e.inputs[layer], back)


def layer_input(e: Evidence) -> Finding | None:
    """A weight's gradient taken against the layer below's pre-activation z instead of its activation a."""
    for layer in range(e.layers, 1, -1):
        name = f"W{layer}.grad"
        if not e.failed(name):
            continue
        below = layer - 1
        z = e.inputs[below - 1] @ e.before[f"W{below}"] + e.before.get(f"b{below}", 0)
        if e.explains(z.T @ e.deltas[layer], name):
            return Finding(
                "layer-input",
                f"W{layer}'s NumPy gradient is taken against layer {below}'s pre-activation z{below}, not its activation "
                f"a{below} = f(z{below}): the input of layer {layer} is what the activation put out.",
                {"tensor": name},
                f"dW{layer} = a{below}.T @ delta{layer}, with a{below} the activation the forward pass passed on.",
                0.96,
            )
    return _weight_gradient_slip(e)


def _weight_gradient_slip(e: Evidence) -> Finding | None:
    """A weight's gradient written with another layer's activation (an index slip the shapes let through), or
    transposed (a square weight)."""
    stages = {0: "X (the network's input)", **{k: f"a{k}, hidden layer {k}'s activation" for k in range(1, e.layers)},
              e.layers: "the output"}
    arrays = {**dict(enumerate(e.inputs)), e.layers: e.reference.output}
    for layer in range(e.layers, 0, -1):
        name = f"W{layer}.grad"
        if not e.failed(name):
            continue
        right = e.inputs[layer - 1].T @ e.deltas[layer]
        if right.shape[0] == right.shape[1] and e.explains(right.T, name):
            return Finding("layer-input", f"W{layer}'s NumPy gradient is the right one transposed (delta{layer}.T @ "
                           f"a{layer - 1}): the weight is square, so the shape let it through.", {"tensor": name},
                           f"dW{layer} = a{layer - 1}.T @ delta{layer}, in the weight's own (in, out) layout.", 0.95)
        for k, used in arrays.items():
            if k != layer - 1 and used.shape == e.inputs[layer - 1].shape and e.explains(used.T @ e.deltas[layer], name):
                shared = _one_input_shared(e, k, arrays[k], stages)
                if shared:
                    return shared
                return Finding("layer-input", f"W{layer}'s NumPy gradient is taken against {stages[k]} where it is "
                               f"against its own input, {stages[layer - 1]}: an index off by one (equal widths let the "
                               "shapes through).", {"tensor": name, "used": k},
                               f"dW{layer} = a{layer - 1}.T @ delta{layer}: each layer's gradient against its own input.", 0.95)
    return None


def _one_input_shared(e: Evidence, k: int, used: np.ndarray, stages: dict) -> Finding | None:
    """Two or more layers' weight gradients taken against the last layer's input (k = L - 1): a cache the layers share."""
    users = [l for l in range(1, e.layers) if k == e.layers - 1 and used.shape == e.inputs[l - 1].shape
             and e.failed(f"W{l}.grad") and e.explains(used.T @ e.deltas[l], f"W{l}.grad")]
    if len(users) < 2:
        return None
    layers = ", ".join(f"W{l}" for l in users)
    return Finding("layer-input", f"The NumPy gradients of {layers} are all taken against {stages[k]}, the last layer's input, "
                   "where each belongs against its own: one cache shared by the layers (a class attribute, cache = {} in "
                   "the class body, shared by every instance; or one object repeated, [Layer()] * n), each forward pass "
                   "overwriting it.", {"tensor": f"W{users[0]}.grad", "used": k, "layers": users},
                   "Give each layer its own cache (self.cache = {} in __init__; a new object per layer).", 0.95)


def gradient_accumulation(e: Evidence) -> Finding | None:
    """Each NumPy gradient is this step's plus the last step's: a gradient buffer that is never reset."""
    previous = e.failure.numpy_previous
    failing = [g for g in e.grads() if e.failed(g)]
    if not previous or not failing or not all(g in previous for g in failing):
        return None
    if all(e.explains(e.torch(g) + np.asarray(previous[g], dtype=np.float64), g) for g in failing):
        return Finding(
            "gradient-accumulation",
            f"Each NumPy gradient at step {e.step} is this step's plus the one the step before reported: the gradients "
            "accumulate in a buffer that is never reset (torch's missing zero_grad, in NumPy).",
            {"step": e.step, "tensors": failing},
            "Start every step's gradients from zero (grad = ..., not grad += ...).",
            0.96,
        )
    return None
