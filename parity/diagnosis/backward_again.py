"""The port's own ops, back-propagated again with one argument changed: where the gradient with respect to the op's
input (or weight), taken through the op with its kernel flipped, its weight transposed, or an optional tensor left
out (a normalisation's gain, an embedding bag's per-sample weights, a loss's class weights), is a value of the
NumPy program's backward pass and differs from the gradient as called, the NumPy program's backward takes that
changed op's derivative (a kernel not rotated by 180 degrees, W where Wᵀ belongs, a factor left out).

    numpy value = ∂⟨f(x, w'), g⟩/∂x     with g the port's gradient at f's output, w' the argument changed
"""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np
import torch

from parity.diagnosis.called_again import signature
from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import port_gradients_taken, replayed
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

LAYERS = {"conv1d", "conv2d", "conv3d", "linear"}
NORMS = {"layer_norm", "group_norm", "batch_norm", "instance_norm", "rms_norm"}  # their weight: a gain
AGAIN = "back-propagated again"  # a reading measured through the port's own op: said with a fit of its own
RESPECT = ("input", "weight")  # the arguments whose gradients are compared


def backward_again(numpy_values: list[Value], torch_trace: Trace, tolerance: float) -> str:
    for index, (func, args, kwargs) in torch_trace.called.items():
        name = getattr(func, "__name__", "")
        incoming = next((v for v in torch_trace.values if v.op == "grad" and v.inputs == (index,)), None)
        try:
            arguments = signature(func).bind(*args, **kwargs).arguments if incoming is not None else {}
        except (TypeError, ValueError):
            continue
        for (change, through, keys), changed in _changes(name, func, arguments):
            for key in keys:
                value = input_gradient(func, changed, key, incoming.array)
                twin = next((v for v in numpy_values if value is not None and v.array.shape == value.shape
                             and np.any(value) and agrees(v.array, value, tolerance)), None)
                if twin is None or agrees(value, input_gradient(func, arguments, key, incoming.array), tolerance):
                    continue  # the change leaves that gradient as it was (a bias left out of a weight's gradient)
                return (f"The NumPy program's {describe(twin)} is the gradient with respect to the {key} of the port's "
                        f"{name}, {AGAIN} {change}: the NumPy backward pass takes the {key}'s gradient {through}.")
    return ""


def _changes(name: str, func: Any, arguments: dict) -> Iterator[tuple[tuple[str, str, tuple[str, ...]], dict]]:
    """Each change tried: (words for the change, words for the backward it gives, the gradients it is read on), the
    arguments changed."""
    x, weight = arguments.get("input"), arguments.get("weight")
    if not (torch.is_tensor(x) and x.is_floating_point() or torch.is_tensor(weight)):
        return
    if name in LAYERS and torch.is_tensor(weight):
        if weight.dim() >= 3:
            yield (("with its weight not rotated by 180 degrees (the kernel as in the forward pass, where the input's "
                    "gradient needs it flipped)", "through a kernel not rotated by 180 degrees", ("input",)),
                   {**arguments, "weight": weight.flip(tuple(range(2, weight.dim())))})
        if weight.dim() == 2 and weight.shape[0] == weight.shape[1]:
            yield ("with its weight transposed (W where Wᵀ belongs)", "through a weight transposed", ("input",)), \
                {**arguments, "weight": weight.t()}
    parameters = _parameters(func)
    for key in [k for k, v in arguments.items() if torch.is_tensor(v) and k != "input" and k in parameters and parameters[k] is None]:
        if key == "weight" and name in NORMS:
            yield (("with its weight left out (its gain γ)", "without the gain: the gradient that reaches the normalised "
                    "value is the output's times γ", ("input",)), {**arguments, key: None})
        else:
            yield ((f"without its {key} ({key}=None)", f"without the {key.replace('_', ' ')}: the factor it brings to the "
                    "backward pass left out", RESPECT), {**arguments, key: None})


def _parameters(func: Any) -> dict[str, Any]:
    """Each argument's default (inspect.Parameter.empty where it has none); none known where the op has no signature."""
    try:
        return {k: p.default for k, p in signature(func).parameters.items()}
    except (TypeError, ValueError):
        return {}


def input_gradient(func, arguments: dict, key: str, incoming: np.ndarray) -> np.ndarray | None:
    """∂⟨func(arguments), incoming⟩/∂arguments[key] in float64, or None where the op cannot take them."""
    if not (torch.is_tensor(arguments.get(key)) and arguments[key].is_floating_point()):
        return None
    called = {k: (v.detach().double() if torch.is_tensor(v) and v.is_floating_point() else v) for k, v in arguments.items()}
    leaf = called[key] = called[key].requires_grad_(True)
    try:
        with torch.enable_grad():
            out = func(**called)
            (gradient,) = torch.autograd.grad(out, leaf, torch.as_tensor(incoming, dtype=torch.float64).reshape(out.shape))
    except Exception:  # noqa: BLE001 - a change the op cannot take is no reading
        return None
    return gradient.numpy()


def raw_gradients(setup: Any, built: Any, step: int) -> dict[str, np.ndarray]:
    """The port's gradients as back-propagation delivers them in its own step again (a hook on each parameter, the
    calls of one step summed), before the step's own handling of .grad (a clip, a scale) and its update."""
    return port_gradients_taken(setup, built, step)[0]


def no_gradient(setup: Any, built: Any, step: int, parameter: str, gradients: tuple, evidence: dict) -> Finding | None:
    """A gradient all 0 on one side where the other's is not: on the port's side, said with what back-propagation
    itself delivers (the step may zero .grad after it)."""
    mine, theirs = gradients
    side_zero = "NumPy" if not np.any(mine) else "torch" if not np.any(theirs) else None
    if side_zero is None:
        return None
    port_side = side_zero == "torch"
    zeroed = zeroed_after_backward(setup, built, step, parameter) if port_side else ""
    return Finding("no-gradient", zeroed or f"No gradient reaches {parameter} on the {side_zero} side at step {step}; the other "
                   f"side's is up to {float(np.abs(mine if port_side else theirs).max()):.3g}.", evidence,
                   "Leave back-propagation's gradient as it is between backward() and the step (or change it over the axis "
                   "meant)." if zeroed else "A .detach(), requires_grad=False, or a layer left out of the backward pass."
                   if port_side else "A layer left out of the NumPy backward pass, or terms that cancel there.",
                   0.9 if port_side else 0.75)


def zeroed_after_backward(setup: Any, built: Any, step: int, parameter: str) -> str:
    """Where the port's .grad of the parameter is 0 as its optimizer takes it: the gradient back-propagation delivers
    it in its own step again, where that is not 0 (the step's own handling of .grad zeroes it), said; else ""."""
    if (delivered := _delivered(setup, built, step, parameter)) is None or not np.any(delivered):
        return ""
    return (f"The port's .grad of {parameter} is 0 at step {step} as its optimizer takes it, though back-propagation "
            f"delivers it a gradient of up to {float(np.abs(delivered).max()):.3g} in the port's own step (measured): the "
            "port's step sets it to 0 between backward() and its optimizer (a mean subtracted over an axis of one entry, "
            "a mask, a clip or a hook on .grad).")


def still_because(setup: Any, built: Any, step: int, parameter: str) -> str:
    """Why the port's parameter stays still, measured: it requires no gradient, no optimizer group holds it, or its
    own step again delivers it no gradient (the graph from it to the loss cut)."""
    try:
        torch_side = replayed(setup, built, step)[1]
        tensor = next(torch_side.parameter(p) for p in torch_side.pairs if p.name == parameter)
        if not tensor.requires_grad:
            return " It does not require a gradient (requires_grad=False)."
        groups = getattr(torch_side.names.get("optimizer"), "param_groups", None)
        if groups is not None and not any(tensor is q for g in groups for q in g["params"]):
            return " It is in none of the port's optimizer's parameter groups."
        delivered = raw_gradients(setup, built, step).get(parameter)
    except Exception:  # noqa: BLE001 - a port that cannot be stepped again: the stage alone is said
        return ""
    if delivered is None or not np.any(delivered):
        return (" Back-propagation delivers it no gradient in the port's own step (its .grad stays None or 0): the graph "
                "from it to the loss is cut (a .detach() or torch.no_grad() on its way to the loss), or the loss never uses it.")
    return ""


def delivered_but_still(setup: Any, built: Any, step: int, parameter: str) -> str:
    """Words for a port parameter that stays still though back-propagation delivers it a gradient; "" otherwise."""
    if (delivered := _delivered(setup, built, step, parameter)) is None or not np.any(delivered):
        return ""
    return (f" Back-propagation delivers it a gradient of up to {float(np.abs(delivered).max()):.3g} in the port's own step "
            "(measured): the step zeroes that gradient or its rate, or undoes the update (a mean subtracted over an axis of one "
            "entry, a mask or a hook on .grad, a learning rate of 0, the weights written back after optimizer.step()).")


def port_still(setup: Any, built: Any, context: Any, parameter: str, step: int) -> list[Finding]:
    """The port never moves the parameter where the NumPy program does, and why is measured (no gradient delivered, no
    optimizer group, no requires_grad): said before its optimizer state, which stays at its start for the same reason."""
    still, moved = (np.asarray(r.get(f"{parameter}.update", 0.0)) for r in (context.torch_record, context.numpy_record))
    if np.any(still) or not np.any(moved) or not (why := still_because(setup, built, step, parameter)):
        return []
    if why.startswith(" Back-propagation delivers it no gradient") and _delivered(setup, built, step, parameter) is not None:
        return []  # a gradient of 0 delivered: the loss may not depend on it at all (a bias both towers add, cancelled)
    return [Finding("not-updated", f"The port never moves {parameter} at step {step}; the NumPy program moves it by up to "
                    f"{float(np.abs(moved).max()):.3g}, and its optimizer state with it.{why}",
                    {"step": step, "parameter": parameter, "stage": "update", "side": "torch"},
                    f"Give {parameter} to the optimizer, let it require a gradient, and use it in the forward pass.", 0.9)]


def _delivered(setup: Any, built: Any, step: int, parameter: str) -> np.ndarray | None:
    """Back-propagation's own gradient of the parameter in the port's step again; None where none is delivered (the
    loss never reads it) or the port cannot be stepped again."""
    try:
        return raw_gradients(setup, built, step).get(parameter)
    except Exception:  # noqa: BLE001 - a port that cannot be stepped again: nothing is said of its gradient
        return None
