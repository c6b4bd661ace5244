"""The port's backward pass from the logits down, where its forward pass and its loss's gradient at the logits are the
run's: the loss's gradient at each hidden layer's activations h, measured by a hook, against the one the chain rule
carries down from the logits. What is left over there comes from a term of the loss in h itself, read from its numbers:
an L1 activity (sparsity) penalty λ·Σ|h|, an L2 one (λ/2)·Σh², or a term the kit does not know. Below each activation,
the gradient at z (another hook) against the incoming gradient times the activation's derivative: a backward of the
port's own (a custom autograd.Function) read from what it passes.

    dL/dh_(l-1) = dL/dz_l · W_lᵀ        dL/dz_(l-1) = dL/dh_(l-1) ⊙ f'(z_(l-1))
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis.evidence import fit_ratio, relative_gap, run_gradients
from parity.diagnosis.finding import Finding
from parity.diagnosis.logit_gradients import run_gradient
from parity.diagnosis.port_trace import Trace
from parity.engine.setup import Setup


def activity_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    """The first hidden layer, from the top, whose activations receive more gradient than the layers above send them."""
    if trace.logits_grad is None or len(trace.model_rows) != 1 or trace.functional:
        return None
    run = setup.config.hidden_activation
    derivative = numpy_net.ACTIVATIONS[run].derivative
    dz = trace.logits_grad
    for layer in range(len(trace.linears), 1, -1):  # layer l's input is hidden layer l - 1's activation
        carried = dz @ params[f"W{layer}"].T
        seen, h = trace.input_grads.get(layer), trace.linears[layer - 1][0]
        if seen is None or seen.shape != carried.shape:
            return None
        if relative_gap(seen, carried) > tolerance:
            return _extra_term(layer - 1, seen - carried, h, len(h), tolerance)
        dz, below = seen * derivative(h), trace.output_grads.get(layer - 1)
        if below is not None and below.shape == dz.shape and relative_gap(below, dz) > tolerance:
            return _backward_of_activation(layer - 1, run, seen, below, dz, trace.linears[layer - 2][1], tolerance)
        dz = below if below is not None else dz
    return None


def clipped_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    """The parameters' gradients one factor times what the loss's gradient at the logits gives them, c/‖g‖ for a round
    c: clipped to a global norm between the backward pass and the step."""
    config = setup.config
    if trace.logits_grad is None or len(trace.param_grads) < 2:
        return None
    logits = trace.linears[-1][1]
    run = run_gradient(config.loss, config.output_activation, logits, y)
    at_logits = fit_ratio(trace.logits_grad, run) if run is not None and trace.logits_grad.shape == run.shape else None
    if at_logits is None or at_logits[1] > tolerance or at_logits[0] <= 0:
        return None
    true = run_gradients(params, X, y, config)
    names = [n for n in true if n in trace.param_grads and trace.param_grads[n].shape == np.shape(true[n])]
    seen = np.concatenate([trace.param_grads[n].ravel() for n in names])
    fit = fit_ratio(seen, np.concatenate([np.ravel(true[n]) for n in names]))
    if fit is None or fit[1] > tolerance or abs(fit[0] / at_logits[0] - 1) <= 1e-3:
        return None
    between = fit[0] / at_logits[0]
    norm = float(np.sqrt(sum(float(np.sum(np.square(true[n]))) for n in names))) * at_logits[0]
    c = between * norm  # a clipping to max_norm c scales every gradient by c / ‖g‖
    if 0 < between < 1 and abs(c - float(f"{c:.2g}")) <= 1e-3 * c:
        return _finding("the parameters", f"every parameter's gradient is {between:.4g} times what its loss gives, the same "
                        f"factor for all: {float(f'{c:.2g}'):g} / {norm:.4g}, the gradients clipped to a global norm of "
                        f"{float(f'{c:.2g}'):g} (clip_grad_norm_(max_norm={float(f'{c:.2g}'):g})) between the backward pass "
                        "and the step.", "Clip on both sides, at the same norm, or on neither.", 0.9, 0, name="gradient-clipping")
    return None


def piled_hooks_finding(setup: Setup, failure) -> Finding | None:
    """A port whose step registers gradient hooks on its parameters, one more each step: read before any law of the
    step, which the piling hooks make (a factor growing with the step). One step of a fresh port shows it."""
    if setup.user_sides != ("torch",) or failure.step < 2 or setup.config.mode != "lockstep":
        return None
    try:
        port = setup.make_sides()[1]
        start = _most_hooks(port.model)
        port.step(setup.rows(1))
        added = _most_hooks(port.model) - start
    except Exception:  # noqa: BLE001 - a port that cannot be stepped again: nothing to count
        return None
    return _piled_hooks(start + added * (failure.step - 1), added)


def _most_hooks(model) -> int:
    return max((len(p._backward_hooks or {}) for p in model.parameters()), default=0)


def _piled_hooks(before: int, added: int) -> Finding | None:
    """Hooks on the parameters at the start of a step (before) and those the step registers (added): piling up."""
    if before < 1 or added < 1:
        return None
    return _finding("the parameters", f"its parameters carry {before} gradient hook(s) at the start of this step, and the "
                    f"step registers {added} more: hooks registered at every forward pass or step (p.register_hook(...) in "
                    "forward or in the step) and never removed pile up, one more each step, and each scales the gradient "
                    "again.", "Register a gradient hook once (in __init__), or scale the loss instead.", 0.9, 0,
                    name="gradient-scale")


def penalty_stage(setup: Setup, trace: Trace, params: dict, X: np.ndarray, y: np.ndarray, tolerance: float) -> Finding | None:
    """The port's parameter gradients are the run's plus λ·θ: an L2 penalty (λ/2)·Σθ² in its loss, on every parameter
    or on the weights alone. Where the run's optimizer decays by the same λ and the port's does too, counted twice."""
    config = setup.config
    true = run_gradients(params, X, y, config)
    names = [n for n in true if n in trace.param_grads and trace.param_grads[n].shape == np.shape(true[n])]
    if len(names) < 2 or all(relative_gap(trace.param_grads[n], true[n]) <= tolerance for n in names):
        return None
    extra = {n: trace.param_grads[n] - true[n] for n in names}
    for decayed, what in ((names, "every parameter"), ([n for n in names if n[0] == "W"], "the weights, not the biases")):
        left = [n for n in names if n not in decayed]
        theta = np.concatenate([params[n].ravel() for n in decayed]) if decayed else np.zeros(0)
        gap = np.concatenate([extra[n].ravel() for n in decayed]) if decayed else np.zeros(0)
        if not np.any(theta) or any(relative_gap(trace.param_grads[n], true[n]) > tolerance for n in left):
            continue
        lam = float(np.vdot(gap, theta) / np.vdot(theta, theta))
        scale = max(float(np.abs(np.concatenate([true[n].ravel() for n in names])).max()), 1e-300)
        if lam > 0 and np.max(np.abs(gap - lam * theta)) <= tolerance * scale:
            twice = (f"; the run's --weight-decay {config.weight_decay:g} is the same λ, which the optimizer applies as well: "
                     "the decay is counted twice") if config.weight_decay and abs(lam - config.weight_decay) <= 1e-3 * lam else ""
            return _finding("the gradient", f"its gradients are the run's plus {lam:.4g}·θ on {what}: an L2 penalty "
                            f"({lam / 2:.4g})·Σθ² added to its loss (weight decay written into the loss){twice}.",
                            "Decay the weights once: in the optimizer (weight_decay) or in the loss, not both.", 0.9, 0,
                            name="weight-decay")
    if said := penalty_form(extra, params, tolerance * max(float(np.abs(np.concatenate([true[n].ravel() for n in names])).max()), 1e-300)):
        return _finding("the gradient", said, "Write the penalty as the run's: (λ/2)·Σθ² over every entry (gradient λθ).",
                        0.85, 0, name="weight-decay")
    return None


def penalty_form(extra: dict[str, np.ndarray], params: dict, tolerance: float) -> str:
    """What the port's gradients carry besides the run's, read by its form: c·θ/‖θ‖ for each tensor with one c (a norm
    not squared), or one other parameter times λ broadcast onto every tensor (a hook closing over a loop variable)."""
    norms = {n: np.linalg.norm(params[n]) for n in extra}
    if all(norms.values()):
        c = {n: float(np.vdot(extra[n], params[n] / norms[n])) for n in extra}
        if all(np.max(np.abs(extra[n] - c[n] * params[n] / norms[n])) <= tolerance for n in extra) and \
                np.ptp(list(c.values())) <= 1e-3 * max(map(abs, c.values())) and c[next(iter(c))]:
            return (f"its gradients are the run's plus {next(iter(c.values())):.4g}·θ/‖θ‖ on every parameter tensor: the "
                    f"gradient of {next(iter(c.values())):.4g}·Σ‖θ‖, a norm not squared (each tensor pulled by a fixed length "
                    "in its own direction), where an L2 penalty (λ/2)·‖θ‖² gives λθ.")
    for source, value in params.items():
        spread = {n: _broadcast(value, extra[n].shape) for n in extra}
        if any(v is None for v in spread.values()):
            continue
        flat = np.concatenate([spread[n].ravel() for n in extra])
        gap = np.concatenate([extra[n].ravel() for n in extra])
        lam = float(np.vdot(gap, flat) / np.vdot(flat, flat)) if np.any(flat) else 0.0
        if lam and np.max(np.abs(gap - lam * flat)) <= tolerance and len(extra) > 1:
            return (f"every parameter's gradient is the run's plus {lam:.4g} times one parameter, {source}, broadcast onto "
                    "it, where each parameter's own belongs: a hook or closure that reads a loop variable late (lambda g: "
                    "g + λ·p in a loop, every hook seeing the last p; bind it, lambda g, p=p: ...).")
    return ""


def _broadcast(value: np.ndarray, shape: tuple) -> np.ndarray | None:
    """The value broadcast to a tensor's shape, in the kit's layout or in torch's (the transpose)."""
    for target, back in ((shape, False), (shape[::-1], True)):
        try:
            spread = np.broadcast_to(value, target)
        except ValueError:
            continue
        return spread.T if back else spread
    return None


def _backward_of_activation(layer: int, run: str, incoming: np.ndarray, passed: np.ndarray, right: np.ndarray,
                            z: np.ndarray, tolerance: float) -> Finding:
    """The gradient an activation passes down is not its incoming gradient times its derivative (a custom
    autograd.Function's backward, a hook): what it passes, read as a function of the incoming gradient."""
    stage = f"the backward pass of hidden layer {layer}'s activation"
    readings = {"the incoming gradient clamped at 0, grad.clamp(min=0): the forward's clamp copied into the backward, "
                "where the mask belongs, grad·(z > 0)": np.maximum(incoming, 0),
                "the incoming gradient unchanged (a straight-through backward: the derivative left out; a backward "
                "hook on the activation's module that returns the gradient it was given, which replaces grad_input, or "
                "a custom Function whose backward returns grad_output)": incoming,
                f"the incoming gradient times {run}'(z) of the pre-activation z where the derivative is written in terms of "
                "the activation (f'(a) fed z)": incoming * numpy_net.ACTIVATIONS[run].derivative(z)}
    for words, candidate in readings.items():
        if relative_gap(passed, candidate) <= tolerance:
            return _finding(stage, f"it passes {words}, not the incoming gradient times {run}'(z).", "Multiply the incoming "
                            f"gradient by {run}'s derivative at the layer's input in the activation's backward.", 0.92, layer,
                            "activation-derivative")
    return _finding(stage, f"the gradient it passes down is not the incoming gradient times {run}'(z) (relative gap "
                    f"{relative_gap(passed, right):.3g}): a backward of its own (a custom autograd.Function or a hook) "
                    "computes another derivative.", f"Compare the activation's backward with {run}'s derivative.", 0.7, layer,
                    "activation-derivative")


def _extra_term(layer: int, extra: np.ndarray, h: np.ndarray, rows: int, tolerance: float) -> Finding:
    stage = f"the loss's gradient at hidden layer {layer}'s activations"
    for law, words, fix in (
            (np.sign(h), "an L1 activity (sparsity) penalty λ·Σ|h| on hidden layer {layer}'s activations, λ = {c:.4g}{per}",
             "Leave the activity penalty out of the port's loss, or add it to the NumPy side's."),
            (h, "an L2 activity penalty (λ/2)·Σh² on hidden layer {layer}'s activations, λ = {c:.4g}{per}",
             "Leave the activity penalty out of the port's loss, or add it to the NumPy side's.")):
        fit = fit_ratio(extra, law)
        if fit and fit[1] <= tolerance and fit[0] > 0:
            per = f" ({fit[0] * rows:.4g} over the batch's {rows} rows, for a mean over rows)" if rows > 1 else ""
            return _finding(stage, f"its loss has a term in the activations themselves: {words.format(layer=layer, c=fit[0], per=per)}, "
                            "where the run's loss depends on the outputs alone.", fix, 0.92, layer)
    return _finding(stage, f"every forward stage and the loss's gradient at the logits agree, but hidden layer {layer}'s "
                    "activations receive a gradient the layers above do not send: the loss has a term in those activations "
                    "(a penalty or regulariser on them) that the run's loss does not have.",
                    "Compare the port's loss term by term with the NumPy side's.", 0.7, layer)


def _finding(stage: str, reading: str, fix: str, score: float, layer: int, name: str = "activity-penalty") -> Finding:
    return Finding(name, f"The port's backward pass departs from the run's first at {stage}: {reading}",
                   {"side": "torch", "stage": stage, "layer": layer}, fix, score)
