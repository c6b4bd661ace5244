"""A loss the port calls, given one argument the NumPy program makes otherwise: a value both programs have that the
NumPy program first transforms (labels 0/1 mapped to ±1, a column-wise shift), or integer labels taken from another
array (a catalogue id where a position in the batch belongs). Each measured by calling the port's loss again."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import torch

from parity.diagnosis.calls import called_again, numpy_twin, signature
from parity.diagnosis.op_words import op_text
from parity.diagnosis.value_trace import agrees, describe


def given_otherwise(func: Any, arguments: dict, numpy_values: list, tolerance: float, shared: tuple) -> str:
    """One tensor argument of a loss (a call whose result is one number) that holds a value both programs have,
    replaced by a value the NumPy program makes of its shape, where that call gives another of the NumPy program's values: the port hands the function the value as it
    is, the NumPy program another made from it (labels 0/1 mapped to ±1, a ReLU applied first). An argument the port
    made otherwise is no such thing: the call only carries that difference on."""
    arrays, trace = shared[:2]
    if sum(torch.is_tensor(v) for v in arguments.values()) < 2:
        return ""  # a reduction of one tensor (a sum) given the NumPy program's value gives its own reduction: no news
    as_called = called_again(func, arguments)
    for key, current in arguments.items():
        if not torch.is_tensor(current) or not current.is_floating_point() and current.dtype != torch.long:
            continue
        held = current.detach().double().cpu().numpy()
        if not any(np.shape(a) == held.shape and agrees(np.asarray(a, np.float64), held, tolerance) for a in arrays):
            continue
        for value in numpy_values[:12]:
            if value.array.shape != held.shape or agrees(value.array, held, tolerance):
                continue
            result = called_again(func, {**arguments, key: torch.as_tensor(value.array).to(current.dtype)})
            if result is None or result.size != 1:
                continue  # a layer given another input gives another output by construction: only a loss's one
                # number, made from the value as each program hands it over, tells where they part
            if as_called is not None and as_called.size == 1 and numpy_twin(numpy_values, as_called, tolerance) is not None:
                return ""  # the call as the port makes it gives that value already (a softmax's shift changes nothing)
            if (twin := numpy_twin(numpy_values, result, tolerance)) is not None and twin is not value:
                made = op_text(value, trace) if trace is not None else describe(value)
                return (f"but with {key} = the NumPy program's {made} in place of the value both programs have, gives "
                        f"the NumPy program's {describe(twin)}: the port hands {getattr(func, '__name__', 'it')} that value "
                        f"as it is, where the NumPy program first makes {value.op} of it{_shift(value, trace)}.")
    return _both_given_otherwise(func, arguments, numpy_values, tolerance, arrays)


def _both_given_otherwise(func: Any, arguments: dict, numpy_values: list, tolerance: float, arrays: tuple) -> str:
    """A loss of two tensors both programs have (a student's and a teacher's logits), called again with both replaced
    by NumPy values of one op made of them (each side's softmax): the port compares the values as they are, where the
    NumPy program compares that op of each."""
    given = [(k, v) for k, v in arguments.items() if torch.is_tensor(v) and v.is_floating_point()]
    shared = [any(np.shape(a) == tuple(v.shape) and agrees(np.asarray(a, np.float64), v.detach().double().cpu().numpy(), tolerance)
                  for a in arrays) for _, v in given]
    if len(given) != 2 or not all(shared) or given[0][1].shape != given[1][1].shape:
        return ""
    (first, a), (second, b) = given
    made = [v for v in numpy_values[:24] if v.array.shape == tuple(a.shape) and np.ptp(v.array) > 0]
    for x in made:
        for z in (v for v in made if v.op == x.op and v is not x):
            result = called_again(func, {**arguments, first: torch.as_tensor(x.array).to(a.dtype), second: torch.as_tensor(z.array).to(b.dtype)})
            if result is not None and result.size == 1 and (twin := numpy_twin(numpy_values, result, tolerance)) is not None:
                return (f"but with {first} and {second} = the NumPy program's {describe(x)} (value {x.index}) and "
                        f"{describe(z)} (value {z.index}), each made by {x.op} of a value both programs have, gives the NumPy "
                        f"program's {describe(twin)}: the port compares the two values as they are, where the NumPy program "
                        f"first makes {x.op} of each (logits compared where probabilities belong, or the reverse).")
    return ""


def labels_otherwise(func: Any, arguments: dict, numpy_values: list, tolerance: float, trace: Any) -> str:
    """A loss's integer labels replaced by the integer array the NumPy program indexes its departing values with,
    where that call gives the NumPy program's loss: the two programs pick other classes (a catalogue id where a
    position in the batch belongs, labels off by one)."""
    labels = [(k, v) for k, v in arguments.items() if torch.is_tensor(v) and v.dtype == torch.long and v.ndim == 1]
    if trace is None or len(labels) != 1:
        return ""
    (key, current), = labels
    held = current.cpu().numpy()
    seen = {i for value in numpy_values for i in value.inputs if isinstance(i, int)}
    for value in (trace.values[i] for i in sorted(seen)):
        picks = value.array
        if picks.shape != held.shape or not np.array_equal(picks, np.round(picks)) or np.array_equal(picks, held):
            continue
        result = called_again(func, {**arguments, key: torch.as_tensor(picks).long()})
        if result is not None and result.size == 1 and (twin := numpy_twin(numpy_values, result, tolerance)) is not None:
            return (f"but with {key} = the NumPy program's {op_text(value, trace)} (entries {picks[:6].astype(int).tolist()}…) "
                    f"in place of the port's {held[:6].tolist()}…, gives the NumPy program's {describe(twin)}: the two "
                    f"programs pick other target classes, the label of each row taken from another array.")
    return ""


def _shift(value: Any, trace: Any) -> str:
    """A subtraction of the value's own reduction over one axis, said with the axis (a softmax's stabilising shift)."""
    ints = [i for i in value.inputs if isinstance(i, int)] if trace is not None and value.op == "subtract" else []
    reduced = trace.values[ints[1]] if len(ints) == 2 else None
    if reduced is None or not (axis := re.search(r"axis=(-?\d)", reduced.detail)) or reduced.inputs[:1] != (ints[0],):
        return ""
    return (f" (its {reduced.op} over axis {axis.group(1)} subtracted: a shift that a softmax cancels only along the axis "
            "it normalises over)")


APPLIED = ("sigmoid", "softmax", "log_softmax", "tanh", "relu", "exp", "log")


def applied_before(ops: list, port_trace: Any, numpy_values: list, tolerance: float) -> str:
    """A port loss whose input is one op (a sigmoid, a softmax) of a value the port made just before, where the loss
    given that value itself gives the NumPy program's loss: the op applied before a loss that takes the raw value
    (probabilities handed to BCEWithLogitsLoss or cross_entropy, which apply their own)."""
    for op in ops:
        call = port_trace.called.get(op.index) if op.array.size == 1 else None  # a loss: one number
        source = port_trace.values[op.inputs[0]] if call and op.inputs and isinstance(op.inputs[0], int) else None
        arrays = [i for i in source.inputs if isinstance(i, int)] if source is not None else []  # softmax's dim aside
        if source is None or source.op not in APPLIED or len(arrays) != 1:
            continue
        func, args, kwargs = call
        raw = port_trace.values[arrays[0]]
        if not args or not torch.is_tensor(args[0]) or raw.array.shape != tuple(args[0].shape):
            continue
        try:
            rest = _rest(func, args[1:], kwargs)
        except (TypeError, ValueError):
            continue  # a function whose signature cannot be read: not called again
        result = called_again(func, {"input": torch.as_tensor(raw.array).to(args[0].dtype), **rest})
        if result is not None and result.size == 1 and (twin := numpy_twin(numpy_values, result, tolerance)) is not None:
            return (f"The port's own {getattr(func, '__name__', op.op)}, called again on {describe(raw)} (the value its "
                    f"{source.op} is taken of) in place of that {source.op}, gives the NumPy program's {describe(twin)}: "
                    f"the port applies {source.op} before a loss that takes the raw value and applies its own ({source.op} "
                    "applied twice: probabilities handed to a loss made for logits).")
        logged = called_again(func, {"input": torch.log(args[0].detach()), **rest})
        if logged is not None and logged.size == 1 and (twin := numpy_twin(numpy_values, logged, tolerance)) is not None:
            name = getattr(func, "__name__", op.op)
            return (f"The port's own {name}, called again on the log of its input (log {source.op}: log-probabilities) in "
                    f"place of the {source.op} itself, gives the NumPy program's {describe(twin)}: the port hands {name} "
                    f"probabilities where it takes log-probabilities ({name}'s input is read as logs: log_{source.op} meant, "
                    f"not {source.op}).")
    return ""


def weight_inside(ops: list, port_trace: Any, numpy_values: list, tolerance: float) -> str:
    """A port loss given both its arguments times one weight, loss(w·a, w·b): inside a square the weight becomes w²;
    called again on √w·a and √w·b, it gives the NumPy program's loss where the NumPy program weighs each term by w."""
    for op in ops:
        call = port_trace.called.get(op.index) if op.array.size == 1 else None
        operands = [port_trace.values[i] for i in op.inputs[:2] if isinstance(i, int)] if call else []
        if len(operands) != 2 or any(v.op != "mul" for v in operands):
            continue
        shared = {i for i in operands[0].inputs if isinstance(i, int)} & {i for i in operands[1].inputs if isinstance(i, int)}
        for w in sorted(shared):
            weight = port_trace.values[w].array
            if np.any(weight <= 0):
                continue
            func, args, kwargs = call
            names = list(signature(func).parameters)
            arguments = {**dict(zip(names, args)), **kwargs}
            arguments.update({names[k]: torch.as_tensor(operands[k].array / np.sqrt(weight)).to(args[0].dtype) for k in (0, 1)})
            again = called_again(func, arguments)
            if again is not None and again.size == 1 and (twin := numpy_twin(numpy_values, again, tolerance)) is not None:
                name = getattr(func, "__name__", op.op)
                return (f"The port gives {name} both its arguments times {describe(port_trace.values[w])}: inside the loss's "
                        f"square that weight counts twice (w² per term). Called again on √w times each, {name} gives the "
                        f"NumPy program's {describe(twin)}: the NumPy program weighs each squared term by w, the port by w².")
    return ""


def _rest(func: Any, args: tuple, kwargs: dict) -> dict:
    """The call's other arguments by name, bound to the function's signature past its input."""
    names = [name for name in signature(func).parameters][1:]
    return {**dict(zip(names, args)), **kwargs}
