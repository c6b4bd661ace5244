"""What a departing value of the NumPy program's backward pass is, against the port's gradients: a chain-rule
factor, the gradient's numbers at other positions, equal but along some index planes, the input's gradient through
a rearranged kernel; or a write that loses values (floats into an int or bool array, a fancy index that repeats)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from parity.diagnosis.backward_again import backward_again
from parity.diagnosis.delta_factor import delta_factor
from parity.diagnosis.scatter_index import scattered_otherwise
from parity.diagnosis.rearranged import axes_permuted, elsewhere, partly
from parity.diagnosis.slice_offsets import offset_reading
from parity.diagnosis.steps_left_out import gradient_words
from parity.diagnosis.recompute import recomputed, replay
from parity.diagnosis.missing_terms import is_gradient, port_gradients
from parity.diagnosis.value_trace import Trace, Value, agrees, describe
from parity.diagnosis.written_forward import op_text


def placed(indices: list[int], numpy_trace: Trace, torch_trace: Trace, tolerance: float, name: Any) -> str:
    """The first departing value against the port's gradients: a chain-rule factor, values routed to other
    positions, or equal but along some indices."""
    values = [numpy_trace.values[i] for i in dict.fromkeys(indices)]
    return (delta_factor(numpy_trace, torch_trace, indices[:1], tolerance, name) or axes_permuted(values, torch_trace, tolerance)
            or elsewhere(values, torch_trace, tolerance)
            or partly(values, torch_trace, tolerance, gradients=True) or backward_again(values, torch_trace, tolerance))


def written_into(region: list[int], trace: Trace, other: Trace, tolerance: float) -> tuple[str, str] | None:
    """A write that loses values: floats into an array of another kind, a fancy index whose indices repeat, or
    slices assigned where they overlap (a col2im's windows written with = where += belongs)."""
    narrowed = next((trace.values[i] for i in region if "array)" in trace.values[i].detail and "(into a" in
                     trace.values[i].detail), None)
    if narrowed is not None:
        return (f"It writes floating-point values into an array of another kind ({op_text(narrowed, trace)}): an array "
                "made like a mask or an index (np.zeros_like of a bool or int array) keeps that dtype, and every value "
                "written becomes True/1 or is truncated.", "Make the array with the values' dtype (np.zeros_like(x, dtype=float)).")
    repeated = next((trace.values[i] for i in region if "indices repeat" in trace.values[i].detail), None)
    if repeated is not None:
        return (f"It writes with a fancy index whose indices repeat ({op_text(repeated, trace)}): a[idx] += v is "
                "buffered, each repeated index keeps one write instead of the sum of all; np.add.at(a, idx, v) "
                "accumulates them.", "Scatter-add with np.add.at(a, idx, v).")
    return assigned_not_added(region, trace, other, tolerance)


def assigned_not_added(region: list[int], trace: Trace, other: Trace, tolerance: float) -> tuple[str, str] | None:
    """Slices written into one array where values already stand (an earlier write's, or the array's own: another
    path's gradient): summed (each write's values where it changed the array), the array is one of the port's
    gradients, or its centre is (a padded input's gradient, cropped), and as written it is not: a[...] = v where
    a[...] += v belongs (a col2im's overlapping windows, a max's routed gradient onto another path's)."""
    writes = [trace.values[i] for i in region if trace.values[i].op == "setitem (in place)"]
    chains: dict[int, list[Value]] = {}
    for value in writes:  # a write's first input is the array as the write before it left it
        before = value.inputs[0] if isinstance(value.inputs[0], int) else None
        chain = next((c for c in chains.values() if c[-1].index == before), None)
        (chain.append(value) if chain is not None else chains.setdefault(value.index, [value]))
    for chain in (c for c in chains.values() if isinstance(c[0].inputs[0], int)):
        arrays = [trace.values[chain[0].inputs[0]].array, *(v.array for v in chain)]
        written = [after != before for before, after in zip(arrays, arrays[1:])]
        held, over = arrays[0] != 0, np.zeros(arrays[0].shape, bool)
        for w in written:
            over, held = over | (w & held), held | w
        if not over.any():
            continue  # no element written where a value already stood: = and += write the same numbers
        summed = arrays[0] + sum(np.where(w, after, 0.0) for w, after in zip(written, arrays[1:]))
        for gradient in port_gradients(other):
            if (centre := _centre(gradient.array.shape, summed.shape)) is None:
                continue
            if agrees(summed[centre], gradient.array, tolerance) and not agrees(arrays[-1][centre], gradient.array, tolerance):
                return (f"It writes {len(chain)} slice{'s' * (len(chain) > 1)} into one array ({op_text(chain[0], trace)}"
                        f"{', ...' * (len(chain) > 1)}), and where a value already stood the write replaces it: summed, the "
                        "array and the writes give the port's "
                        f"{gradient_words(gradient, other)}. Each slice is assigned (a[...] = v) where it should be added "
                        "(a[...] += v): the gradients that reach one entry from several windows or paths add up (a col2im's "
                        "overlapping windows, a max's routed gradient beside another path's).",
                        "Add each slice's gradient into the array (a[...] += v).")
    return None


def _centre(shape: tuple, padded: tuple) -> tuple | None:
    """The index of an array's centre of the given shape (a padded array's interior), or None where it has none."""
    if len(shape) != len(padded) or any(p < s or (p - s) % 2 for s, p in zip(shape, padded)):
        return None
    return tuple(slice((p - s) // 2, p - (p - s) // 2) for s, p in zip(shape, padded))


SUMS = {"add.reduce": np.sum, "sum": np.sum, "mean": np.mean}


def axis_apart(region: list[int], trace: Trace, other: Trace, tolerance: float) -> str:
    """A sum of the NumPy backward pass taken over other axes than the port's gradient needs: recomputed over another
    axis (or all, or with keepdims), it and the few ops after it give one of the port's gradients (a softmax's
    backward summed over the batch where each row's experts belong; a threshold's gradient totalled over its tasks)."""
    gradients = port_gradients(other)
    for index in region[:8]:
        value = trace.values[index]
        reduce = SUMS.get(value.op)
        if reduce is None or len(value.inputs) != 1 or not isinstance(value.inputs[0], int):
            continue
        source = trace.values[value.inputs[0]].array
        axis = re.search(r"axis=\(?(-?\d+)", value.detail)
        now = (int(axis.group(1)) % source.ndim if axis else None, "keepdims=True" in value.detail)
        for option in [(a, k) for a in (None, *range(source.ndim)) for k in (False, True) if (a, k) != now]:
            moved = np.asarray(reduce(source, axis=option[0], keepdims=option[1]), np.float64)
            for later in [value, *(trace.values[i] for i in region if i > index)][:6]:
                again = replay(trace, later.index, {index: moved}, 6)
                if again is None or again.size < 2 or again.size == later.array.size and agrees(
                        again.reshape(-1), later.array.reshape(-1), tolerance):
                    continue  # nothing recomputed, or the same numbers (kept as a (1, n) row): that axis changes nothing
                match = next((g for g in gradients if g.array.size == again.size and (
                    g.op.endswith(".grad") or g.array.squeeze().shape == later.array.squeeze().shape) and
                              agrees(again.reshape(g.array.shape), g.array, tolerance)), None)  # a parameter's gradient,
                # or one of the value's own shape: not a gradient of another path that the other sum happens to give
                if match is not None:
                    said = "over every axis" if now[0] is None else f"over axis {now[0]}"
                    meant = "over every axis" if option[0] is None else f"over axis {option[0]}"
                    return (f"The NumPy program's {describe(value)} sums {said}{' keeping it' if now[1] else ''}; summed "
                            f"{meant}{', keepdims=True' if option[1] else ''}, it gives the port's {gradient_words(match, other)}"
                            f"{'' if later is value else ' through the ops after it'}: a sum over the wrong axis.")
    return ""



PRODUCTS = {"matmul": np.matmul, "dot": np.dot, "multiply": np.multiply}


def unseen_operand(value: Value, trace: Trace, other: Trace, tolerance: float, name, weights: dict | None = None) -> str:
    """A product of the NumPy backward pass whose operand is an array the trace did not see (made before the step,
    or outside the traced arrays): put one of the program's values of that size in its place (as it is or
    transposed), or one of the port's forward values, the product gives one of the port's gradients. The operand is
    taken from the wrong source (the layer's input before an op the forward applies to it: raw frames where the
    windowed ones entered the layer; a weight's mean where the forward used its sample)."""
    op = PRODUCTS.get(value.op.removesuffix(" (in place)"))
    if op is None or len(value.inputs) != 2 or not value.unseen:
        return ""
    gradients = port_gradients(other)
    mine = [(v, False) for v in trace.values[:value.index]]
    theirs = [(v, True) for v in other.values if not is_gradient(v) and v.op not in ("X", "y")]
    for position, held in value.unseen.items():
        for candidate, ported in (c for c in mine + theirs if c[0].array.size == held.size and np.ptp(c[0].array) > 0):
            for put in (candidate.array.reshape(held.shape), candidate.array.reshape(held.shape[::-1]).T):
                if np.allclose(put, held, rtol=1e-6, atol=1e-12):
                    continue
                arguments = [put if k == position else trace.values[i].array for k, i in enumerate(value.inputs)]
                with np.errstate(all="ignore"):
                    try:
                        again = np.asarray(op(*arguments), np.float64)
                    except ValueError:
                        continue
                match = next((g for g in gradients if g.array.size == again.size and agrees(
                    again.reshape(g.array.shape), g.array, tolerance)), None)
                if match is not None:
                    return _operand_words(value, held, (candidate, ported), match, trace, name, weights or {})
    return ""


def _operand_words(value: Value, held: np.ndarray, put: tuple[Value, bool], match: Value, trace: Trace, name,
                   weights: dict) -> str:
    candidate, ported = put
    before = None if ported else next((trace.values[i] for i in candidate.inputs if isinstance(i, int) and
                                       trace.values[i].array.size == held.size and _same_numbers(trace.values[i].array, held)), None)
    parameter = next((k for k, w in weights.items() if np.size(w) == held.size and _same_numbers(np.asarray(w, np.float64), held)), None)
    after = (f" The array it used is {describe(before)}, which the forward passes through {candidate.op} first: the "
             "product reads the layer's input before that op." if before is not None else
             f" The array it used is {parameter} itself, where the port's forward pass used that value made from it."
             if parameter is not None and ported else "")
    source = f"the port's {describe(candidate)}" if ported else f"{describe(candidate)} (value {candidate.index})"
    return (f"The NumPy program's {describe(value)} multiplies by an array it made outside the traced values "
            f"({'x'.join(map(str, held.shape))}); with {source} in its place it gives {name(match)}: the operand is taken "
            "from the wrong source there (the layer's input before an op the forward applies to it, a cached value from "
            "elsewhere, the wrong variable)." + after)


def _same_numbers(array: np.ndarray, held: np.ndarray) -> bool:
    return any(np.allclose(array.reshape(shape), form, rtol=1e-6, atol=1e-12)
               for shape, form in ((held.shape, held), (held.shape[::-1], held.T)))


def frontier_transposed(frontier: Value, twin: Value, region: list[int], trace: Trace, other: Trace, tolerance: float) -> str:
    """A square shared gradient that the NumPy program then combines with values in its own layout, where the port's
    layout is the transpose (a weight held (in, out) on one side, (out, in) on the other): carried on transposed, the
    values after it give one of the port's gradients, and as computed they do not (da.T @ h where h.T @ da belongs:
    a square weight lets the transposed product through)."""
    shape = frontier.array.shape
    if len(shape) != 2 or shape[0] != shape[1] or np.allclose(frontier.array, frontier.array.T):
        return ""
    gradients = [g for g in port_gradients(other) if g.array.size > 1]
    replaced = {frontier.index: frontier.array.T}
    for later in [trace.values[i] for i in region if i > frontier.index][:10]:
        sources = [i for i in later.inputs if isinstance(i, int) and i in replaced]
        if len(sources) != 1:
            continue
        again = recomputed(later, sources[0], replaced[sources[0]], trace)
        if again is None:
            again = _scaled_by_held(later, trace.values[sources[0]].array, replaced[sources[0]])
        if again is None or again.shape != later.array.shape:
            return ""
        replaced[later.index] = again
        for gradient in gradients:
            forms = [f for f in ((again, later.array), (again.T, later.array.T)) if f[0].shape == gradient.array.shape]
            if any(agrees(new, gradient.array, tolerance) and not agrees(old, gradient.array, tolerance) for new, old in forms):
                return (f"The NumPy program's {describe(frontier)}, the port's {gradient_words(twin, other)}, is combined "
                        f"with values in the NumPy program's own layout; taken transposed there, its {describe(later)} is "
                        f"the port's {gradient_words(gradient, other)}. The product that makes it is written transposed "
                        "(da.T @ h where h.T @ da belongs), which a square weight lets through.")
    return ""


def _scaled_by_held(value: Value, before: np.ndarray, after: np.ndarray) -> np.ndarray | None:
    """An elementwise product or quotient with an array the trace did not see (a norm the program holds), carried over
    to another input: the same factor, entry by entry."""
    if value.op.removesuffix(" (in place)") not in ("multiply", "divide", "true_divide") or "?" not in value.inputs or \
            before.shape != value.array.shape or not np.all(before):
        return None
    return after * (value.array / before)


def last_readings(first: Value, region: list[int], both: tuple[Trace, Trace], tolerance: float,
                   name: Any) -> tuple[str, str, str, float] | None:
    """A slice read or a scatter written at other positions, or with another index or sign; else one factor of the
    chain rule past the first value."""
    if offset := offset_reading(region, *both, tolerance, name):
        return "", *offset
    if scattered := scattered_otherwise([both[0].values[i] for i in region if i >= first.index][:12], *both, tolerance, name):
        return "", scattered, "Scatter with the index and sign the loss's derivative takes.", 0.8
    if factor := delta_factor(*both, [i for i in region if i >= first.index], tolerance, name):
        return "", factor, "Apply the chain rule's factor there.", 0.75
    return None
