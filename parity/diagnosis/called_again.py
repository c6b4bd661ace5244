"""The port's own functions called again on the very tensors they were given, one argument changed at a time: where
one change gives the NumPy program's value, the two programs part at that argument. For the loss: a reduction, a
weight, a flag such as poisson_nll_loss's log_input, a label smoothing or a beta left at another value. Where the
programs part in the forward pass: a dim, a flag, a string or number back at its default, a tensor argument left out
(an Embedding's max_norm, softmax over dim 0, gelu's approximate). Measured: each alternative is the port's own call.
"""

from __future__ import annotations

import inspect
from itertools import chain
from typing import Any, Iterator

import numpy as np
import torch

from parity.diagnosis.argument_changes import bound_left_out, SKIPPED, options, rearranged, swapped
from parity.diagnosis.builtin_signatures import dot_product
from parity.diagnosis.calls import called_again, numpy_twin, signature
from parity.diagnosis.sibling_place import in_its_place
from parity.tolerance.diagnosis import CALL_CLOSES
from parity.diagnosis.loss_rows import called_number as _call, inputs_made, loss_siblings, rows_masked, rows_picked
from parity.diagnosis.loss_arguments import applied_before, weight_inside, given_otherwise, labels_otherwise
from parity.diagnosis.finding import Finding
from parity.diagnosis.port_values import LossCall, has_reduction
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

MEASURED = 0.9


def loss_call_finding(calls: list[LossCall], numpy_loss: float, rows: int, tolerance: float, step: int,
                      picks: list[tuple[int, np.ndarray]] = (), port_loss: float | None = None) -> Finding | None:
    """The one argument of the port's loss call that, changed, gives the NumPy program's loss (or the call on the rows
    the NumPy program's loss picks, `picks`); None where none does. Where the port's loss is that call plus other
    terms (`port_loss`, an auxiliary loss added), the call is held against the NumPy loss less those terms."""
    for call in calls:
        rest = port_loss - call.value if port_loss is not None else 0.0  # the other calls and terms as they are
        meant = numpy_loss - rest
        if _matches(call.value, meant, tolerance):
            return None  # the port computes the NumPy program's loss: the programs part elsewhere
        try:
            bound = inspect.signature(call.func).bind(*call.args, **call.kwargs)
        except TypeError:
            continue
        given = dict(bound.arguments)
        bound.apply_defaults()
        name = getattr(call.func, "__name__", "the loss function")
        for change, value in chain(rows_picked(call.func, dict(bound.arguments), picks), _alternatives(call.func, dict(bound.arguments), rows)):
            regrouped = change.startswith("the input's") and abs(value - meant) > 1e-4 * abs(call.value - meant)
            closes = abs(value - meant) <= max(CALL_CLOSES * abs(call.value - meant), CALL_CLOSES * tolerance * abs(meant))
            if _matches(value, meant, tolerance) and closes and not regrouped:  # a pairing of rows must close the whole gap
                said = _said(given)
                if change.startswith("label_smoothing=") and torch.is_tensor(given.get("input")) and given["input"].dim() > 1:
                    k, eps = given["input"].shape[1], float(given.get("label_smoothing", 0.0))
                    change += (f" (torch's label_smoothing ε gives every one of the {k} classes ε/{k}, the true one too; "
                               f"the NumPy program's targets spread its {eps:g} otherwise: ε/(K - 1) on each of the {k - 1} "
                               "wrong classes alone, or ε/K over all of them)")
                if "reduction='sum'" in change and torch.is_tensor(given.get("weight")):
                    change += (" (with a class weight, reduction='mean' divides by the sum of the rows' weights, not by "
                               "the number of rows)")
                others = f" with the port's other terms ({rest:+.6g}) as they are" if rest else ""
                return Finding("loss-function", f"At the shared start of step {step} the port's loss is {name}({said}) = "
                               f"{call.value:.6g}{'' if not rest else ' plus other terms'}; the NumPy program's is "
                               f"{numpy_loss:.6g}. The port's own {name}, called again on the same tensors with {change}, gives "
                               f"{value:.6g}: the NumPy program's loss{others}. The two losses part at that argument.",
                               {"step": step, "stage": "loss", "call": name, "change": change, "port_loss": call.value,
                                "numpy_loss": numpy_loss}, f"Call {name} with {change} in the port, or compute the NumPy "
                               "loss as the port's call does.", MEASURED)
    return None


# a function and the ones of its kind a port (or a NumPy program) writes in its place, called on the same arguments
SIBLINGS = {**{f"{a}_pool{d}d": (f"{b}_pool{d}d",) for d in (1, 2, 3) for a, b in (("max", "avg"), ("avg", "max"))},
            **{f"adaptive_{a}_pool{d}d": (f"adaptive_{b}_pool{d}d",) for d in (1, 2, 3) for a, b in (("max", "avg"), ("avg", "max"))},
            "relu": ("gelu", "elu", "leaky_relu", "silu", "relu6", "softplus", "tanh", "sigmoid"),
            "tanh": ("sigmoid", "hardtanh", "relu"), "sigmoid": ("tanh", "hardsigmoid", "relu"), "gelu": ("relu", "silu", "elu"),
            "silu": ("relu", "gelu"), "elu": ("relu", "gelu"), "leaky_relu": ("relu", "elu"), "relu6": ("relu", "hardtanh"),
            "softmax": ("log_softmax",), "log_softmax": ("softmax",), "cosine_similarity": (dot_product,),
            "sum": ("logsumexp",), "logsumexp": ("sum", "amax"), "amax": ("logsumexp",)}  # a mixture's log of a sum


def siblings(func: Any, arguments: dict) -> Iterator[tuple[str, np.ndarray]]:
    """Each function of the same kind (SIBLINGS), called on the arguments they share: (its name, its result)."""
    for name in SIBLINGS.get(getattr(func, "__name__", ""), ()):
        other = name if callable(name) else getattr(torch.nn.functional, name, None) or getattr(torch, name, None)
        if other is None:
            continue
        accepted = signature(other).parameters
        value = called_again(other, {k: v for k, v in arguments.items() if k in accepted and v is not None})
        if value is not None:
            yield other.__name__, value


def _alternatives(func: Any, arguments: dict, rows: int, whole: bool = False,
                  numbers: tuple[float, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Each one-argument change and its result: the number (a loss), or with `whole` the array. A number argument
    also takes each of `numbers` (the numbers the NumPy program writes there: a slope of 0.2 against the default)."""
    defaults = {k: p.default for k, p in signature(func).parameters.items()}
    if (shaped := _target_shaped(func, arguments)) is not None:  # a loss term too, the NumPy program's value
        yield shaped if not whole else (shaped[0], np.asarray(shaped[1], np.float64))
    if not whole:
        yield from _rows_regrouped(func, arguments)
    yield from ((change, np.asarray(value, np.float64) if whole else value) for change, value in loss_siblings(func, arguments))
    yield from inputs_made(func, arguments, whole)
    for key, current in arguments.items():
        if key in SKIPPED or whole and key == "bias":  # a program adds its bias after the product: the product alone
            # is always one of its values, and says nothing; the data only rearranged (a loss's class axis)
            yield from ((change, called_again(func, {**arguments, key: option})) for change, option in
                        (rearranged(key, current, func) if whole and key == "input" else ()))
            continue
        written = list(dict.fromkeys(k for n in numbers for k in (n, round(1 - n, 12)) if isinstance(current, float)
                                     and k != current and 0 < k))  # and its complement: 1 - ε written, ε meant
        written += _classes_held(key, arguments) + _smoothing_spread(key, arguments)
        for option in [*options(key, current, defaults.get(key, inspect.Parameter.empty), _dimensions(arguments)), *written]:
            value = called_again(func, {**arguments, key: option}) if whole else _call(func, {**arguments, key: option})
            if value is None:
                continue
            yield f"{key}={_short(option)}", value
            if whole:
                continue
            if key != "reduction" and arguments.get("reduction") == "mean":  # and summed over the rows, then / rows
                summed = _call(func, {**arguments, key: option, "reduction": "sum"})
                if summed is not None:
                    yield f"{key}={_short(option)} and reduction='sum' divided by the {rows} rows", summed / rows
        for change, option in rearranged(key, current, func) if whole else ():
            value = called_again(func, {**arguments, key: option})
            if value is not None:
                yield change, value
        if key == "reduction" and current != "sum" and not whole:
            summed = _call(func, {**arguments, "reduction": "sum"})
            if summed is not None:
                yield f"reduction='sum' divided by the {rows} rows (a mean over the rows only)", summed / rows
    for key, option in bound_left_out(arguments):
        value = called_again(func, {**arguments, key: option}) if whole else _call(func, {**arguments, key: option})
        if value is not None:
            yield f"{key}={_short(option)}", value


def _target_shaped(func: Any, arguments: dict) -> tuple[str, float] | None:
    """A loss whose input and target hold as many numbers in other shapes ((n,) against (n, 1)), called again with the
    input in the target's shape: broadcasting pairs every prediction with every target."""
    given, target = arguments.get("input"), arguments.get("target")
    if not (torch.is_tensor(given) and torch.is_tensor(target)) or given.numel() != target.numel() or given.shape == target.shape:
        return None
    try:
        paired = tuple(torch.broadcast_shapes(given.shape, target.shape))
    except RuntimeError:
        return None
    value = _call(func, {**arguments, "input": given.reshape(target.shape)})
    return None if value is None else (f"the input reshaped to the target's shape {tuple(target.shape)} (as given, "
                                       f"{tuple(given.shape)} against {tuple(target.shape)} broadcasts to {paired}: "
                                       "every prediction paired with every target, a squeeze or a view left on one)", value)


def _rows_regrouped(func: Any, arguments: dict) -> Iterator[tuple[str, float]]:
    """A loss whose N input rows are called again in another grouping, (a, b) read as (b, a): a stack over time
    (T, n) flattened against targets flattened (n, T), each prediction scored against another position's target."""
    given, target = arguments.get("input"), arguments.get("target")
    if not (torch.is_tensor(given) and torch.is_tensor(target)) or given.dim() not in (1, 2) or len(given) != len(target):
        return
    rows = len(given)
    for a in (k for k in range(2, min(rows, 64)) if rows % k == 0 and rows // k >= 2):
        b = rows // a
        regrouped = given.reshape(a, b, *given.shape[1:]).transpose(0, 1).reshape(given.shape)
        value = _call(func, {**arguments, "input": regrouped})
        if value is not None:
            yield (f"the input's {rows} rows regrouped from ({a}, {b}) to ({b}, {a}) (a stack over one axis flattened "
                   "against targets flattened over the other: each prediction scored against another position's target)"), value


def _classes_held(key: str, arguments: dict) -> list[int]:
    """An index of a class to leave out (ignore_index), tried at each class the targets hold, the commonest first:
    the padding token a sequence's targets are filled with."""
    target = arguments.get("target")
    if key != "ignore_index" or not torch.is_tensor(target) or target.is_floating_point() or target.numel() == 0:
        return []
    classes, counts = torch.unique(target, return_counts=True)
    return [int(c) for c in classes[torch.argsort(counts, descending=True)][:3] if int(c) != arguments[key]]


def _smoothing_spread(key: str, arguments: dict) -> list[float]:
    """Label smoothing ε over the K - 1 wrong classes alone, torch's ε·K/(K-1) over all K; and the reverse."""
    current, scores = arguments.get(key), arguments.get("input")
    if key != "label_smoothing" or not isinstance(current, float) or not 0 < current < 1 or not torch.is_tensor(scores) \
            or scores.dim() < 2 or scores.shape[1] < 2:
        return []
    k = scores.shape[1]
    return [round(current * k / (k - 1), 12), round(current * (k - 1) / k, 12)]


def _dimensions(arguments: dict) -> int:
    first = next((v for v in arguments.values() if torch.is_tensor(v)), None)
    return first.dim() if first is not None else 0


MEANINGS = {"pad": " (F.pad's numbers run (left, right), from the last axis: the padding put on the other side; on a "
                   "time axis, padding on the left keeps a convolution causal, on the right it reads the future)",
            "training=True": " (the port calls it with training=False: its module is in eval mode, model.eval() left on "
                             "or model.train() never called, so it uses its running statistics, or no dropout)"}


def recalled(ops: list, called: dict[int, tuple], numpy_values: list, tolerance: float, shared: tuple = (),
             numpy_trace: Any = None, port_trace: Any = None, kin: bool = True) -> str:
    """shared: the arrays of the values the two programs share before they part (an argument handed over as the other
    program has it, where the NumPy program first makes another value of it); port_trace: the port's values, for a
    loss given an op of a value where the value itself belongs; kin: another function of its kind in its place too
    (softmax for log_softmax), not for the calls past where the values part, which the NumPy program may write in steps."""
    numbers = tuple(dict.fromkeys(i for v in numpy_values for i in v.inputs if isinstance(i, float) and i not in (0.0, 1.0)))[:12]
    return _recalled(ops, called, numpy_values, tolerance, numbers, (shared, numpy_trace, port_trace), kin) or (
        applied_before(ops, port_trace, numpy_trace.values if numpy_trace is not None else numpy_values, tolerance)
        or weight_inside(ops, port_trace, numpy_trace.values if numpy_trace is not None else numpy_values, tolerance)
        if port_trace is not None else "")  # a loss term the NumPy program weighs afterwards (α·T²·KL) is its value too


def _recalled(ops: list, called: dict[int, tuple], numpy_values: list, tolerance: float, numbers: tuple[float, ...],
              shared: tuple = ((), None), kin: bool = True) -> str:
    """One of the port's functions where the programs part, called again on the same tensors with one argument
    changed (a flag flipped, a value back at its default, a tensor argument left out): the change whose result is a
    value of the NumPy program's, said."""
    for op in ops:
        if op.index not in called:
            continue
        func, args, kwargs = called[op.index]
        try:
            bound = signature(func).bind(*args, **kwargs)
        except (TypeError, ValueError):
            continue
        bound.apply_defaults()
        name = getattr(func, "__name__", op.op)
        # two arguments given in each other's place first: a simpler slip than one argument's entries rearranged
        swaps = ((change, called_again(func, changed)) for change, changed in swapped(dict(bound.arguments)))
        everything = shared[1].values if len(shared) > 1 and shared[1] is not None else numpy_values
        masked = rows_masked(func, dict(bound.arguments), shared[1] if len(shared) > 1 else None) if has_reduction(func) else ()
        for change, value in chain(swaps, _alternatives(func, dict(bound.arguments), 0, whole=True, numbers=numbers), masked):
            if value is not None and value.size == op.array.size and agrees(value.reshape(op.array.shape), op.array, tolerance):
                continue  # the same numbers (keepdim, a flag with no effect here): no argument the programs part at
            whole = value is not None and value.size == 1 and not change.startswith("reduction") and has_reduction(func)
            if value is not None and (twin := numpy_twin(everything if whole else numpy_values, value, tolerance)):
                # a loss term is the NumPy program's value even where it weighs it afterwards ((1 - α)·CE); a sum
                # before its division by the rows is no other reduction (the mean is the same program's)
                return (f"The port's own {name}, called again on the same tensors with {change}, gives the NumPy "
                        f"program's {describe(twin)}: {_parted_at(change, name)}"
                        f"{MEANINGS.get(change.split('=')[0], '') or MEANINGS.get(change, ' (the two given in the wrong order: the signature is ' + name + '(' + ', '.join(signature(func).parameters) + '))' if change.endswith('swapped') else '')}.")
        if given := given_otherwise(func, dict(bound.arguments), numpy_values, tolerance, shared):
            return f"The port's own {name}, called again on the same tensors {given}"
        if picked := labels_otherwise(func, dict(bound.arguments), numpy_values, tolerance, shared[1]):
            return f"The port's own {name}, called again on the same tensors {picked}"
        for other, value in siblings(func, dict(bound.arguments)) if kin else ():  # another function of its kind
            if (twin := numpy_twin(numpy_values, value, tolerance)) and in_its_place(op, value, called, shared, tolerance):
                return (f"The port's {name}, replaced by {other} on the same tensors and arguments, gives the NumPy "
                        f"program's {describe(twin)}: the NumPy program computes {other} there where the port computes "
                        f"{name}{_pooling(other, name)}.")
    return ""


def _parted_at(change: str, name: str) -> str:
    if " in its place" in change:  # a sibling loss (huber_loss for smooth_l1_loss), no argument of the port's own
        return f"the NumPy program computes that loss where the port computes {name}"
    return f"the two programs part at that argument of {name}"


def _pooling(mine: str, theirs: str) -> str:
    kinds = [next((f"{w} pooling" for k, w in (("avg", "average"), ("max", "max")) if f"{k}_pool" in n), "") for n in (mine, theirs)]
    return f" ({kinds[0]} where the port takes {kinds[1]})" if all(kinds) else ""


def _matches(value: float, reference: float, tolerance: float) -> bool:
    return abs(value - reference) <= tolerance * max(abs(reference), 1e-12)


def _said(arguments: dict) -> str:
    shown = [f"{k}={_short(v)}" for k, v in arguments.items() if k not in SKIPPED and v is not None]
    return ", ".join(["…", *shown])


def _short(value: Any) -> str:
    if torch.is_tensor(value):
        return f"tensor({value.item():g})" if value.numel() == 1 and value.is_floating_point() else f"tensor{tuple(value.shape)}"
    return repr(value)


CALL_AGAIN = "Call it as the NumPy program computes it."


def recalled_on(twin: Value, torch_trace: Trace, departing: list[Value], tolerance: float, agreed: dict[int, Value]) -> str:
    """The port's own calls on the agreeing value, each called again with an argument changed (a reduction, a dim, a
    tensor the two programs share handed over as the NumPy program makes it): one that gives a value of the NumPy
    program's."""
    shared = tuple(v.array for v in agreed.values())
    return recalled([torch_trace.values[i] for i in twin.users if i in torch_trace.called], torch_trace.called, departing,
                    tolerance, shared, kin=False)
