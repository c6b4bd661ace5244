"""The NumPy program stepped once with its data traced: X and y arrive as traced arrays, NumPy's array makers keep
the trace, and the arrays the program holds (its weights, an embedding table, its optimizer's buffers) are traced
where the step's data meets them: `E[X]` is a value of the step, `beta * self.v` is not.
"""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np

from parity.pristine import forget
from parity.diagnosis.value_trace import _TRACE, Trace, TracedArray, _note, as_float64

HELD_DEPTH = 2  # a network's attributes, and the dicts and lists they hold (an optimizer's m['W1'])


def trace_numpy_step(side: Any, rows: Any) -> Trace:
    """The NumPy side stepped once on these rows, its X and y traced, its own arrays entering as '?' where they meet them."""
    trace = Trace()
    X, y = side.X, side.y
    trace.data = as_float64(X)
    side.X, side.y = X.view(TracedArray), y.view(TracedArray)
    batch_X, batch_y = side.X[rows], side.y[rows]
    _TRACE.append(trace)
    converters = {name: getattr(np, name) for name in ("asarray", "array", *MADE)}
    np.asarray, np.array = _keeping(np.asarray), _keeping(np.array)  # X = np.asarray(X, dtype=...) keeps the trace
    for name in MADE:  # an accumulator filled in place (out = np.zeros(...); out += ...) is followed too
        setattr(np, name, _made(converters[name]))
    patched = [getattr(np, name) for name in converters]
    held = [(container, key, array, array.view(TracedArray)) for container, key, array in _held_places(getattr(side, "names", {}))]
    for container, key, _array, view in held:
        container[key] = view
        trace.hold(view)
    try:
        trace.root("X", batch_X, as_float64(batch_X))
        trace.root("y", batch_y, as_float64(batch_y))
        original = side.batch
        side.batch = lambda _rows: (batch_X, batch_y)
        try:
            side.step(rows)
        finally:
            side.batch = original
    finally:
        for name, function in converters.items():
            setattr(np, name, function)
        forget(patched)
        _TRACE.pop()
        side.X, side.y = X, y
        for container, key, array, view in held:  # plain arrays again: the one held (updated in place), or the one rebound
            now = container[key]
            container[key] = array if now is view else now.view(np.ndarray) if isinstance(now, TracedArray) else now
    return trace


MADE = ("zeros", "zeros_like", "ones", "ones_like", "empty", "empty_like", "full", "full_like")


def _made(make: Any) -> Any:
    def made(*args, **kwargs):
        result = make(*args, **kwargs)
        if isinstance(result, np.ndarray) and result.dtype.kind in "fbiu":  # a bool or int template followed too
            result = result.view(TracedArray)
            _note(make.__name__, (), result, "")
        return result
    return made


def _keeping(convert: Any) -> Any:
    def converted(value, *args, **kwargs):
        if isinstance(value, TracedArray) and "subok" not in kwargs:
            result = convert(value, *args, subok=True, **kwargs) if convert is np.array else np.asanyarray(value, *args, **kwargs)
            if result is not value:
                _note("asarray", (value,), result, "")
            return result
        result = convert(value, *args, **kwargs)
        held = _traced_items(value) if isinstance(value, (list, tuple)) else []
        if held and isinstance(result, np.ndarray) and result.dtype.kind == "f":
            result = result.view(TracedArray)  # np.array(rows) of traced rows: the trace goes on
            _note("array", tuple(held), result, "")
        return result
    return converted


def _traced_items(value: Any, depth: int = 0) -> list:
    """The traced arrays a (nested) list holds, at most a few levels down."""
    found = []
    for item in value:
        if isinstance(item, TracedArray):
            found.append(item)
        elif isinstance(item, (list, tuple)) and depth < 3:
            found += _traced_items(item, depth + 1)
    return found


def _held_places(names: dict) -> Iterator[tuple[Any, Any, np.ndarray]]:
    """(container, key, array) for each float or int array the user's objects hold: attributes of the objects the
    program's names bind (a network, an optimizer), and the dicts and lists those hold."""
    for obj in names.values():
        if _users_object(obj):
            yield from _arrays_in(vars(obj), HELD_DEPTH)


def _arrays_in(container: Any, depth: int) -> Iterator[tuple[Any, Any, np.ndarray]]:
    items = container.items() if isinstance(container, dict) else enumerate(container)
    for key, value in list(items):
        if isinstance(value, np.ndarray) and value.ndim and value.dtype.kind in "fiu" and not isinstance(value, TracedArray):
            yield container, key, value
        elif depth > 1 and isinstance(value, (dict, list)):
            yield from _arrays_in(value, depth - 1)


def _users_object(obj: Any) -> bool:
    module = getattr(type(obj), "__module__", "") or ""
    return hasattr(obj, "__dict__") and not isinstance(obj, type) and \
        module.split(".")[0] not in ("numpy", "torch", "builtins", "parity", "types", "functools")

