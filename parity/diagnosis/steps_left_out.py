"""The chain rule's step through an op left out of a NumPy backward pass, measured: the gradient at an op's output
taken for the gradient at its input (tanh's 1 - tanh(z)² never applied), a parameter updated as if it were the
weight made from it, a factor of a product's derivative left out.

    g_U = g_V · f'(U)        what the port's chain takes; the NumPy program goes on with g_V
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.local_derivatives import local_derivative
from parity.diagnosis.missing_terms import aligned, port_gradients
from parity.diagnosis.ratios import numbers_written
from parity.diagnosis.recompute import recomputed
from parity.diagnosis.value_match import in_a_layout, in_layouts
from parity.diagnosis.value_trace import Trace, Value, agrees, describe


def step_left_out(first: Value, frontier: Value, twin: Value, trace: Trace, other: Trace, tolerance: float,
                  held: Callable[[], dict] = dict) -> str:
    """The NumPy program goes on from the port's gradient at V = f(U) as if it were the gradient at U: recomputed
    with the port's gradient at U in its place, its next op gives one of the port's gradients. The chain rule's step
    through f is left out (the 1/C of C·tanh(z / C), a square's 2z)."""
    if twin.op != "grad" or not twin.inputs or not isinstance(twin.inputs[0], int):
        return ""
    gradients = port_gradients(other)
    at = {g.inputs[0]: g for g in gradients if g.op == "grad" and g.inputs and isinstance(g.inputs[0], int)}
    steps, seen = [(other.values[twin.inputs[0]], i) for i in other.values[twin.inputs[0]].inputs if isinstance(i, int)], set()
    while steps:
        made, source = steps.pop(0)
        at_input = at.get(source)
        if source in seen or at_input is None or at_input.array.size != frontier.array.size:
            continue
        seen.add(source)
        given = _as_frontier(at_input.array, twin.array, frontier.array, tolerance)
        if agrees(given, frontier.array, tolerance):  # a step whose derivative is 1 (an addition): past it
            steps += [(other.values[source], i) for i in other.values[source].inputs if isinstance(i, int)]
            continue
        again = recomputed(first, frontier.index, given, trace)
        if again is None or again.size == 0 or not np.any(again) or again.size == given.size and agrees(
                again.reshape(given.shape), given, tolerance):
            continue  # the op hands the gradient put in back as it is (a mask it already meets): no step read from that
        match = _matching(again, gradients, tolerance) or next(  # or a sum it goes into (a penalty's term added after)
            (m for user in first.users[:3] if (later := _added_to(trace.values[user], first, again)) is not None
             and (m := _matching(later, gradients, tolerance)) is not None), None)
        scale = ""
        if match is None and (scaled := _matching_scaled(again, gradients, tolerance, trace)) is not None:
            match, scale = scaled[0], f" (times {scaled[1]:g}, a number the program writes there: its learning rate or a mean's 1/n)"

        if match is not None and (not _computed(other.values[source], trace, tolerance, held) or made_already(match.array, trace, tolerance)):
            continue  # the NumPy forward never makes that input: its forward is arranged otherwise, no step left out;
            # or the NumPy program computes that gradient itself, on its own path (a bias's, from the same delta)
        if match is not None:
            local = local_derivative(at[made.index], other) if made.index in at else None
            if scale and (local is not None and np.allclose(local[2], scaled[1], rtol=1e-9) or _number_derivative(made) == scaled[1]):
                continue  # the number the program writes is that step's own derivative (α = 1/T = 0.5): the step is taken
            factor = f" (its derivative, {local[1]})" if local else _number_step(made, source)
            operands = [describe(other.values[i]) for i in made.inputs if isinstance(i, int) and i != source][:2]
            beside = f" (with {' and '.join(operands)})" if operands and not local else ""
            said = (f"Recomputed with the port's gradient at {describe(other.values[source])}, the input of the port's "
                    f"{describe(made)}{beside}, in its place, the NumPy program's {first.op} gives the port's "
                    f"{gradient_words(match, other)}{scale}: the NumPy program takes the gradient at the output of that "
                    f"{made.op} for the gradient at its input")
            return said + (_other_uses(other, source, made) if made.op in JOINED or made.op in SHAPE_ONLY and _used_besides(
                other, source, made) else f", the chain rule's step through it left out{factor}.")
    return ""


JOINED = ("stack", "cat", "concatenate")


SHAPE_ONLY = ("unsqueeze", "squeeze", "view", "reshape", "flatten", "contiguous", "clone", "expand", "permute", "transpose", "t")


def _used_besides(other: Trace, source: int, made: Value) -> bool:
    """Whether the value goes into other ops besides this one: a step whose derivative moves no number (a view, an
    unsqueeze) leaves out no factor, the other uses' terms are what its input's gradient adds."""
    return any(u != made.index and other.values[u].op != "grad" for u in other.values[source].users)


def _other_uses(other: Trace, source: int, made: Value) -> str:
    """A value joined to others (h_t stacked for the head), or viewed for one use of several, whose other uses add
    their terms at its input."""
    uses = [describe(other.values[u]) for u in other.values[source].users if u != made.index and other.values[u].op != "grad"]
    return (f": the share that comes back through the {made.op} alone, where the gradient at its input adds the terms of "
            f"that value's other uses ({', '.join(uses[:3]) or 'none traced'}: a skip connection's branch, a second head; in "
            "a recurrence, the recurrent path from the next time step), that path's term left out.")


def _computed(value: Value, trace: Trace, tolerance: float, held: Callable[[], dict] = dict) -> bool:
    """The NumPy program makes that value too (any value of its trace, in any layout of that size), or holds it (a
    parameter itself, which its trace sees only where the data meets it)."""
    return value.op in ("X", "y") or any(v.array.size == value.array.size and agrees(v.array.reshape(value.array.shape),
                                                                                   value.array, tolerance) for v in trace.values) \
        or any(_held_as(np.asarray(w, np.float64), value.array, tolerance) for w in held().values())


def _held_as(array: np.ndarray, theirs: np.ndarray, tolerance: float) -> bool:
    return (laid := aligned(array, theirs)) is not None and agrees(laid, theirs, tolerance)


def _added_to(total: Value, part: Value, again: np.ndarray) -> np.ndarray | None:
    """The sum a value goes into, recomputed with the value replaced: the other terms as computed (a held array's
    penalty term, λ·W, among them)."""
    if total.op.removesuffix(" (in place)") not in ("add", "subtract") or total.array.shape != part.array.shape or \
            not total.inputs or total.inputs[0] != part.index:
        return None
    return total.array - part.array + again


def held_step_left_out(frontier: Value, twin: Value, other: Trace, parameter: str, held: np.ndarray | None,
                       tolerance: float) -> str:
    """The NumPy program updates a parameter P from the port's gradient at V = f(P), where the port's gradient of P is
    that times f'(P) (measured): P updated as if it were the weight f(P) itself (W = exp(V) trained through V with
    dW), the chain rule's step through f left out."""
    own = next((v for v in other.values if v.op == f"{parameter}.grad"), None)
    local = local_derivative(twin, other, held)
    if own is None or local is None or own.array.size != frontier.array.size or agrees(own.array, twin.array, tolerance):
        return ""
    op, words, derivative = local
    if not agrees(own.array, (twin.array * derivative).reshape(own.array.shape), tolerance):
        return ""
    return (f"The NumPy program updates {parameter} from the port's gradient at {describe(other.values[twin.inputs[0]])}, "
            f"the {op} of {parameter}; the port's gradient of {parameter} is that times {op}'s derivative, {words} "
            f"(measured): {parameter} is updated as if it were the weight {op}({parameter}) itself, the chain rule's step "
            f"through {op} left out.")


def _matching(array: np.ndarray, gradients: list[Value], tolerance: float) -> Value | None:
    """The port's gradient equal to the array, its shape aside (a scalar parameter's (1,) against a sum's ()), or in
    the array's layout (a kernel held (in, out) against (out, in, 1, 1))."""
    return next((g for g in gradients if g.array.size == array.size and (
        agrees(array.reshape(g.array.shape), g.array, tolerance) or in_a_layout(array, g.array, tolerance))), None)


def _as_frontier(port: np.ndarray, twin: np.ndarray, frontier: np.ndarray, tolerance: float) -> np.ndarray:
    """The port's array (of the twin's shape) laid out as the NumPy program holds the twin: in the layout in which the
    twin agrees with the frontier (channels last, each matrix transposed), else reshaped ((n, 1, d) for (n, d))."""
    if port.shape == twin.shape and port.size == frontier.size:
        for laid_twin, laid in zip(in_layouts(twin, frontier.shape), in_layouts(port, frontier.shape)):
            if agrees(laid_twin, frontier, tolerance):
                return laid
    given = aligned(port, frontier)
    return port.reshape(frontier.shape) if given is None else given


def _matching_scaled(array: np.ndarray, gradients: list[Value], tolerance: float, trace: Trace) -> tuple[Value, float] | None:
    """The port's gradient times a number the NumPy program writes as a constant (`lr * X.T @ dz`, the rate folded
    into the product), in its layout or transposed: (that gradient, the number)."""
    numbers = numbers_written(trace) - {1.0}
    for g in gradients:
        if not g.op.endswith(".grad"):
            continue  # a gradient within the chain times 1/n is what a mean of the one after it gives (a centring's
            # sum), by the port's own graph: a closed form's mean, no step left out
        theirs = aligned(g.array, array)
        if theirs is None or not np.any(theirs):
            continue
        k = float(np.vdot(array, theirs) / np.vdot(theirs, theirs))
        if any(abs(abs(k) - n) <= 1e-9 * n for n in numbers) and agrees(array, k * theirs, tolerance):
            return g, k
    return None


def gradient_words(value: Value, trace: Trace) -> str:
    if value.op.endswith(".grad"):
        return f"gradient of {value.op.removesuffix('.grad')}"
    return f"gradient at {describe(trace.values[value.inputs[0]])}" if value.inputs and isinstance(value.inputs[0], int) else describe(value)


def _number_derivative(made: Value) -> float | None:
    """The derivative of a product or division by one number: that number, or its reciprocal."""
    numbers, op = [i for i in made.inputs if isinstance(i, float)], made.op.removesuffix(" (in place)").removesuffix("_")
    if len(numbers) != 1 or len(made.inputs) != 2 or not numbers[0]:
        return None
    return 1.0 / numbers[0] if op in ("div", "divide", "true_divide") and made.inputs[1] == numbers[0] else \
        numbers[0] if op in ("mul", "multiply") else None


def _number_step(made: Value, source: int) -> str:
    """The local derivative of a product or division by one number, or of a product with a held factor, in words."""
    numbers = [i for i in made.inputs if isinstance(i, float)]
    op = made.op.removesuffix(" (in place)").removesuffix("_")
    if op in ("mul", "multiply") and len(made.inputs) == 2 and "?" in made.inputs and source in made.inputs:
        return " (its derivative, the other factor of that product, which the port holds: a learned scale, a parameter)"
    if len(numbers) != 1 or len(made.inputs) != 2:
        return ""
    if op in ("div", "divide", "true_divide") and made.inputs[1] == numbers[0]:
        return f" (its derivative, 1/{numbers[0]:g})"
    return f" (its derivative, {numbers[0]:g})" if op in ("mul", "multiply") else ""


def factor_left_out(first: Value, frontier: Value, trace: Trace, other: Trace, tolerance: float) -> str:
    """The NumPy program's next op on the shared gradient, recomputed with that gradient times one of the program's
    own forward values, gives one of the port's gradients: the product's derivative, the other factor, left out (a
    learned scale's gradient summed from the gradient alone, Σg where Σg·f belongs)."""
    gradients = port_gradients(other)
    shape = frontier.array.shape
    factors = [v for v in trace.values[:first.index] if v.array.shape == shape and v.index != frontier.index
               and np.ptp(v.array) > 0 and v.op != "y" and _multiplies(v, trace)][-48:]
    for factor in reversed(factors):
        again = recomputed(first, frontier.index, frontier.array * factor.array, trace)
        if again is None or again.size == 0 or not np.any(again) or again.shape == first.array.shape and agrees(again, first.array, tolerance) or \
                again.shape == frontier.array.shape and agrees(again, frontier.array, tolerance):
            continue  # the gradient it took, again: two of the program's factors that cancel, not a factor left out
        match = _matching(again, gradients, tolerance)
        if match is not None and not made_already(match.array, trace, tolerance):
            return (f"Recomputed with the gradient it takes times its own {describe(factor)} (value {factor.index}), the "
                    f"NumPy program's {first.op} gives the port's {gradient_words(match, other)}: a factor of a "
                    "product's derivative left out there (d(s·f)/ds is f: the gradient of a scale or gate taken without "
                    "the value it multiplies).")
    return ""


def made_already(array: np.ndarray, trace: Trace, tolerance: float) -> bool:
    """Whether the NumPy program computes that value itself, on its own path: a product of the same factors (an
    LSTM's dc·i·g, read as the input gate's gradient or the candidate's) is no value meant to be it."""
    return any(v.array.shape == array.shape and agrees(v.array, array, tolerance) for v in trace.values)


def _multiplies(value: Value, trace: Trace) -> bool:
    """Whether the value is a factor of a product the program computes: a scale or a gate, not a term of a sum."""
    return any(trace.values[u].op in ("multiply", "matmul", "einsum", "dot") for u in value.users)
