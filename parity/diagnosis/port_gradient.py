"""The port's gradient of a parameter against the derivative of the NumPy program's own loss, by central
differences in float64; and where it is not that derivative, why, each cause measured where it can be: a module's
flag that, flipped, makes it the derivative; a custom autograd Function's backward; a value detached and computed
on; one Parameter under several names. Where the port's is the derivative: the NumPy program's that is not, or a port
gradient the derivative enlarged by a factor (no clipping enlarges)."""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np

from parity.diagnosis.bound_rows import outer_broadcast
from parity.diagnosis.custom_functions import custom_backward
from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.finding import Finding
from parity.diagnosis.loss_offsets import port_loss_value
from parity.diagnosis.replays import replayed, taken_elsewhere, traces
from parity.diagnosis.value_trace import describe
from parity.diagnosis.written_forward import op_text
from parity.tolerance.diagnosis import FD_AGREES, FD_STEP

COPIES = {"to", "cpu", "double", "float", "clone", "detach", "contiguous", "numpy", "copy_"}
FD_PICKS = 3  # elements differenced: the port's largest gradients


def why_not_derivative(setup: Any, built: Any, step: int, parameter: str, apart: np.ndarray | None,
                       gradients: tuple[Any, Any] = (None, None)) -> str:
    """The first cause that holds, or the candidates said. `gradients`: the port's and the NumPy program's of the
    parameter, where both are known."""
    return _module_flag(setup, built, step, parameter, apart) or custom_backward(setup, built, step) or \
        _detached(setup, built, step) or _other_rows(setup, step, parameter, gradients) or _broadcast(setup, built, step) or \
        _why_port(built)


def _broadcast(setup: Any, built: Any, step: int) -> str:
    """An (n,) against (n, 1) made (n, n) in the port's step and not in the NumPy program's: the losses may agree (its
    terms 0 at the start, biases at 0) while the gradient mixes the rows."""
    numpy_trace, torch_trace = traces(setup, built, step)
    rows = len(setup.data.X[setup.rows(step)])
    said = outer_broadcast(torch_trace, rows, in_losses=True)
    return f"the port's {said.removesuffix('.')} (read in its trace)." if said and not outer_broadcast(numpy_trace, rows, True) else ""


def _other_rows(setup: Any, step: int, parameter: str, gradients: tuple[Any, Any]) -> str:
    """A table whose gradient reaches other rows on the two sides, each side's rows the ids of one column of the data:
    the port looks that table up with another column of ids (an item's bias read with the user ids)."""
    if any(g is None for g in gradients) or np.ndim(gradients[0]) == 0 or np.shape(gradients[0]) != np.shape(gradients[1]):
        return ""
    rows = [set(np.flatnonzero(np.abs(np.asarray(g, np.float64)).reshape(len(g), -1).max(axis=1))) for g in gradients]
    if rows[0] == rows[1] or not all(rows):
        return ""
    X = np.asarray(setup.data.X[setup.rows(step)], np.float64)
    columns = [k for k in range(X.shape[1] if X.ndim == 2 else 0) if np.all(X[:, k] == np.round(X[:, k]))]
    read = [next((k for k in columns if set(X[:, k].astype(int)) == r), None) for r in rows]
    if None in read:
        return ""
    return (f"the port's gradient of {parameter} reaches the rows named in column {read[0]} of X, the NumPy program's "
            f"those named in column {read[1]} ({len(rows[0])} rows against {len(rows[1])}): the port looks {parameter} up "
            f"with the ids of another column (measured).")


def port_error(setup: Any, built: Any, step: int, parameter: str, gradient: np.ndarray,
                apart: np.ndarray | None, scaled: bool = False) -> float | None:
    """Central differences of the loss the NumPy program's step reports at its start, each from a float64 copy of the
    program at the step's shared start, on the elements where the port's gradient is largest; None where the gradient
    is the derivative times one factor (scaled after the backward pass), unless `scaled` asks for that error too, and
    where the port's step takes the gradient at weights moved within the step (there the start judges neither side)."""
    if taken_elsewhere(setup, built, step, parameter):
        return None
    numpy_side, _ = replayed(setup, built, step)
    start = {name: np.asarray(value, np.float64) for name, value in numpy_side.params().items()}
    rows = setup.rows(step)

    def loss(index: int, h: float) -> float | None:
        side = numpy_side.promoted()
        params = {name: value.copy() for name, value in start.items()}
        params[parameter].reshape(-1)[index] += h
        side.load(params)
        record = side.step(rows)
        return float(np.ravel(record["loss"])[0]) if "loss" in record else None

    # where the port's gradient is largest, and where the two programs' new values part most: a gradient wrong only in
    # some elements (a clamp, a masked row) is differenced where it is wrong
    picks = np.argsort(-np.abs(gradient).ravel())[:FD_PICKS]
    if apart is not None and apart.shape == gradient.shape:
        picks = np.unique(np.concatenate([picks, np.argsort(-apart.ravel())[:FD_PICKS]]))
    scale = max(float(np.abs(start[parameter]).max(initial=0.0)), 1.0)
    estimates = []
    for index in picks:
        up, down = loss(int(index), FD_STEP * scale), loss(int(index), -FD_STEP * scale)
        if up is None or down is None:
            return None
        estimates.append((up - down) / (2 * FD_STEP * scale))
    estimates, chosen = np.array(estimates), gradient.ravel()[picks]
    error = float(np.abs(chosen - estimates).max() / max(float(np.abs(estimates).max(initial=0.0)), 1e-12))
    fit = fit_ratio(chosen, estimates) if np.any(estimates) else None
    if not scaled and error > FD_AGREES and fit is not None and fit[1] <= min(FD_AGREES, error / 10):
        return None  # the derivative times one factor: scaled after the backward pass (clipping, a loss scale), not in it
    return error


def _module_flag(setup: Any, built: Any, step: int, parameter: str, apart: np.ndarray | None) -> str:
    """A flag of one of the port's modules (an argument it was built with, held as an attribute) that, flipped, makes
    the port's gradient of the parameter the derivative of the NumPy step's loss: Embedding's scale_grad_by_freq."""
    model = built.make_sides()[1].names.get("model")
    for path, module in model.named_modules() if model is not None else ():
        accepted = inspect.signature(type(module).__init__).parameters
        for flag, value in vars(module).items():
            optional = isinstance(value, (int, float)) and flag in accepted and accepted[flag].default is None
            if not (isinstance(value, bool) or optional) or flag not in accepted or flag in ("inplace", "training"):
                continue  # a flag flipped, or an optional argument given (padding_idx=0) back at its default, None
            other = None if optional and not isinstance(value, bool) else not value
            numpy_side, torch_side = replayed(setup, built, step, lambda torch_side: setattr(
                dict(torch_side.names["model"].named_modules())[path], flag, other))
            try:
                torch_side.step(setup.rows(step))
            except Exception:  # noqa: BLE001 - a flag the port's step cannot run with is no alternative
                continue
            gradient = (torch_side.gradients() or {}).get(parameter)
            error = port_error(setup, built, step, parameter, np.asarray(gradient, np.float64), apart) if gradient is not None else None
            if error is not None and error <= FD_AGREES:
                return (f"the port builds {path or 'the model'} as {type(module).__name__}({flag}={value}); with {flag}="
                        f"{other} its gradient of {parameter} is that derivative (measured): that argument changes the "
                        "gradient and not the forward pass.")
    return ""


def _detached(setup: Any, built: Any, step: int) -> str:
    """A value the port detaches from the graph in its step and goes on computing with, where back-propagation
    brought a gradient to the value it was detached from, or to what that value is made from: no gradient flows back
    through it (measured)."""
    _, torch_trace = traces(setup, built, step, gradients=True)
    graded = {v.inputs[0] for v in torch_trace.values if v.op == "grad" and v.inputs and isinstance(v.inputs[0], int)}
    loss = port_loss_value(torch_trace)
    for value in torch_trace.values:
        source = next((i for i in value.inputs if isinstance(i, int)), None)
        if value.op not in ("detach", "detach_") and value.index not in torch_trace.cut or source is None or not any(
                torch_trace.values[u].op not in COPIES for u in value.users):
            continue  # a copy taken for logging (the loss's .detach().cpu()): nothing computed with it
        graded_source = source in graded or any(i in graded for i in torch_trace.values[source].inputs if isinstance(i, int))
        if graded_source or loss and _reaches(torch_trace, value.index, loss[0].index) and _weighted(torch_trace, source):
            # a gradient reached what was detached (a sum detached at once), or the loss is made from it and it from a
            # weight (one tower's embedding detached: no gradient reaches that tower's values at all; read, not measured,
            # so that undoing the port's detaches, measured, is tried after it)
            how = "detaches" if value.op.startswith("detach") else "computes with gradients off (torch.no_grad())"
            return (f"the port {how} {describe(torch_trace.values[source])} ({op_text(value, torch_trace)}) and goes "
                    "on computing with it: the loss's gradient does not flow back through that value to the parameters "
                    "it is made from, where the NumPy program's derivative does (a .detach() or a no_grad block meant "
                    "for logging or a target, around a value the loss needs)" + (" (measured)." if graded_source else "."))
    return _parameter_detached(setup, built, step, torch_trace)


def _reaches(trace: Any, start: int, end: int) -> bool:
    """Whether value `end` is made from value `start` (its users followed forward)."""
    seen, frontier = {start}, [start]
    while frontier:
        index = frontier.pop()
        if index == end:
            return True
        frontier += [u for u in trace.values[index].users if u <= end and u not in seen]
        seen.update(trace.values[index].users)
    return False


def _weighted(trace: Any, index: int, depth: int = 8) -> bool:
    """Whether a value is made, a few ops back, by an op on one of the port's own arrays (a layer's weight, '?')."""
    frontier = [index]
    for _ in range(depth):
        values = [trace.values[i] for i in frontier]
        if any("?" in v.inputs and any(isinstance(i, int) for i in v.inputs) for v in values):
            return True
        frontier = [i for v in values for i in v.inputs if isinstance(i, int)]
    return False


def _parameter_detached(setup: Any, built: Any, step: int, torch_trace: Any) -> str:
    """One of the port's parameters detached and computed with (a tied weight's second use, W.detach().t()): the
    gradient through that use does not reach the parameter."""
    model = replayed(setup, built, step)[1].names.get("model")
    held = {name: p.detach().cpu().double().numpy() for name, p in model.named_parameters()} if model is not None else {}
    first_grad = next((v.index for v in torch_trace.values if v.op == "grad"), len(torch_trace.values))
    for value in torch_trace.values[:first_grad]:  # the forward pass: a copy the step reads afterwards is no use
        computed = [u for u in value.users if torch_trace.values[u].op not in COPIES]
        if value.op not in ("detach", "detach_") or not computed or "?" not in value.inputs:
            continue
        name = next((n for n, a in held.items() if a.shape == value.array.shape and np.allclose(a, value.array)), None)
        if name is not None:
            return (f"the port detaches its parameter {name} ({op_text(value, torch_trace)}) and computes with it: the "
                    f"gradient through that use of {name} does not reach it, where the NumPy program's derivative takes "
                    "every use (a tied weight's second use detached) (measured).")
    return ""


def _why_port(built: Any) -> str:
    """One Parameter registered under several names is measured; otherwise the candidates are said."""
    model = built.make_sides()[1].names.get("model")
    held: dict[int, list[str]] = {}
    for name, value in model.named_parameters(remove_duplicate=False) if model is not None else ():
        held.setdefault(id(value), []).append(name)
    shared = next((names for names in held.values() if len(names) > 1), None)
    if shared:
        return (f"the port holds one Parameter under {len(shared)} names ({', '.join(shared)}): the layers share it, "
                f"and its gradient is the sum of theirs (a list repeated with *, or one tensor appended several times).")
    return ("the port's backward differs (a custom autograd Function's backward, a hook), or its parameters are used "
            "otherwise than the NumPy program's.")


def not_derivative(setup: Any, built: Any, at: tuple, error: float, numpy_gradient: np.ndarray | None) -> Finding | None:
    """Where nothing locates it: the NumPy program's gradient (kept, or read from its first step's state) against the
    derivative of the loss its step reports, beside the port's, which is that derivative. A gradient of one element is
    one factor from any: there the factor is no sign of clipping of its own (that scales every parameter, read before)."""
    step, parameter, apart = at
    mine = None if numpy_gradient is None else port_error(setup, built, step, parameter, np.asarray(numpy_gradient, np.float64),
                                                          apart, scaled=np.size(numpy_gradient) == 1)
    if mine is None or mine <= FD_AGREES or error > FD_AGREES:
        return None
    flipped = abs(mine - 2) <= 0.01 and (port_error(setup, built, step, parameter, -np.asarray(numpy_gradient, np.float64),
                                                    apart, scaled=np.size(numpy_gradient) == 1) or 1.0) <= FD_AGREES
    return Finding("numpy-backward", f"At step {step} the NumPy program's gradient of {parameter} is not the derivative of "
                   f"the loss its own step reports (central differences, in float64: relative error {mine:.3g}); the "
                   f"port's is (relative error {error:.2g}): the NumPy program's backward pass parts from the chain rule "
                   "on the way to that parameter" + (": its gradient is the derivative negated, a sign lost there (a "
                   "derivative's minus sign, operands swapped in a difference)." if flipped else "."),
                   {"step": step, "parameter": parameter, "stage": "backward", "side": "numpy", "fd_error": mine},
                   f"Compare the NumPy program's backward pass for {parameter} with the chain rule, factor by factor.",
                   0.8 if flipped else 0.7)


def enlarged(step: int, parameter: str, port_gradient: np.ndarray, derivative: np.ndarray) -> Finding | None:
    """The port's gradient a factor k > 1 times the NumPy program's, which is the loss's derivative: no clipping (it
    never enlarges) but a factor on the port's side the loss does not show at this step."""
    fit = fit_ratio(np.asarray(port_gradient, np.float64), np.asarray(derivative, np.float64))
    if fit is None or fit[1] > 1e-4 or abs(fit[0]) <= 1 + 1e-3:
        return None
    return Finding("port-gradient", f"At step {step} the port's gradient of {parameter} is {fit[0]:.6g} times the NumPy "
                   "program's, which is the derivative of the loss both report (central differences, in float64): the "
                   "port scales that gradient by a factor the loss does not show at this step (a scale on a path whose "
                   "other factor is still zero, a parameter used twice such as a bias added a second time where its "
                   "value is still 0, a factor in a custom backward or a hook). "
                   "Clipping never enlarges a gradient.", {"step": step, "parameter": parameter, "stage": "backward",
                                                            "side": "torch", "ratio": fit[0]},
                   "Scale that path alike in both programs.", 0.75)
