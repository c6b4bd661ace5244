"""The NumPy program stepped once with its data traced: X and y arrive as traced arrays, NumPy's array makers keep
the trace, and the arrays the program holds (its weights, an embedding table, its optimizer's buffers) are traced
where the step's data meets them: `E[X]` is a value of the step, `beta * self.v` is not.
"""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np

from parity.pristine import forget
from parity.diagnosis.held_constants import numpy_constants
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
    converters = {name: getattr(np, name) for name in (*KEPT, *MADE, *OF_LISTS, *UFUNCS)}
    for name in KEPT:  # X = np.asarray(X, dtype=...) keeps the trace
        setattr(np, name, _keeping(converters[name]))
    for name in MADE:  # an accumulator filled in place (out = np.zeros(...); out += ...) is followed too
        setattr(np, name, _made(converters[name]))
    for name in OF_LISTS:  # np.mean([a, b], axis=0): a list of traced arrays, which NumPy's dispatch never sees
        setattr(np, name, _of_lists(converters[name]))
    for name in UFUNCS:  # np.maximum.reduce([a, b, c, d])
        setattr(np, name, _ListedUfunc(converters[name]))
    patched = [getattr(np, name) for name in converters]
    places = list(_held_places(getattr(side, "names", {})))
    parameters = side.params().values() if hasattr(side, "params") else ()
    trace.constants = numpy_constants(places, [np.asarray(v) for v in parameters])
    held = [(container, key, array, array.view(TracedArray)) for container, key, array, _ in places]
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


OF_LISTS = ("sum", "mean", "max", "min", "amax", "amin", "prod", "average", "median")
UFUNCS = ("maximum", "minimum", "add", "multiply", "logical_or", "logical_and")
KEPT = ("asarray", "array", "ascontiguousarray", "asfortranarray")
MADE = ("zeros", "zeros_like", "ones", "ones_like", "empty", "empty_like", "full", "full_like", "eye", "identity")


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
        if isinstance(value, TracedArray):
            kwargs.pop("subok", None)  # as_strided's np.array(x, subok=False): the trace goes on through it
            result = (np.asanyarray(value, *args, **kwargs) if convert.__name__ in ("array", "asarray") else
                      convert(value.view(np.ndarray), *args, **kwargs).view(TracedArray))  # a contiguous copy, traced
            if result is not value:
                _note("asarray", (value,), result, "")
            return result
        result = convert(value, *args, **kwargs)
        if (strided := _strided_base(value)) is not None and isinstance(result, np.ndarray):
            result = result.view(TracedArray)  # as_strided's windows over a traced array (an array interface and its base)
            _note("as_strided", (strided,), result, f"shape={result.shape}")
            return result
        held = _traced_items(value) if isinstance(value, (list, tuple)) else []
        if held and isinstance(result, np.ndarray) and result.dtype.kind == "f":
            result = result.view(TracedArray)  # np.array(rows) of traced rows: the trace goes on
            _note("array", tuple(held), result, "")
        return result
    return converted


def _listed(value: Any) -> Any:
    """A list or tuple that holds traced arrays, as one traced array (noted); anything else as it is."""
    if isinstance(value, (list, tuple)) and _traced_items(value):
        return np.array(value)  # the patched np.array: noted, and traced from here on
    return value


def _of_lists(function: Any) -> Any:
    def on_lists(a, *args, **kwargs):
        return function(_listed(a), *args, **kwargs)
    on_lists.__name__ = function.__name__
    return on_lists


class _ListedUfunc:
    """A ufunc whose reduce and accumulate take a list of traced arrays traced; everything else is the ufunc's."""

    def __init__(self, ufunc: np.ufunc) -> None:
        self._ufunc = ufunc

    def __call__(self, *args, **kwargs):
        return self._ufunc(*args, **kwargs)

    def reduce(self, array, *args, **kwargs):
        return self._ufunc.reduce(_listed(array), *args, **kwargs)

    def accumulate(self, array, *args, **kwargs):
        return self._ufunc.accumulate(_listed(array), *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ufunc, name)


def _strided_base(value: Any) -> TracedArray | None:
    """The traced array under an object that only offers an array interface (as_strided's DummyArray), if any."""
    if isinstance(value, np.ndarray) or not hasattr(value, "__array_interface__"):
        return None
    base = getattr(value, "base", None)
    while isinstance(base, np.ndarray) and not isinstance(base, TracedArray):
        base = base.base
    return base if isinstance(base, TracedArray) else None


def _traced_items(value: Any, depth: int = 0) -> list:
    """The traced arrays a (nested) list holds, at most a few levels down."""
    found = []
    for item in value:
        if isinstance(item, TracedArray):
            found.append(item)
        elif isinstance(item, (list, tuple)) and depth < 3:
            found += _traced_items(item, depth + 1)
    return found


def _held_places(names: dict) -> Iterator[tuple[Any, Any, np.ndarray, str]]:
    """(container, key, array, name) for each float or int array the user's objects hold: attributes of the objects
    the program's names bind (a network, an optimizer), and the dicts and lists those hold; the name is its path
    (ema['W1'], apart from params['W1'] and a velocity's v['W1'])."""
    for obj in names.values():
        if _users_object(obj):
            yield from _arrays_in(vars(obj), HELD_DEPTH, "")


def _arrays_in(container: Any, depth: int, path: str) -> Iterator[tuple[Any, Any, np.ndarray, str]]:
    items = container.items() if isinstance(container, dict) else enumerate(container)
    for key, value in list(items):
        name = f"{path}[{key!r}]" if path else str(key)
        if isinstance(value, np.ndarray) and value.ndim and value.dtype.kind in "fiu" and not isinstance(value, TracedArray):
            yield container, key, value, name
        elif depth > 1 and isinstance(value, (dict, list)):
            yield from _arrays_in(value, depth - 1, name)


def _users_object(obj: Any) -> bool:
    module = getattr(type(obj), "__module__", "") or ""
    return hasattr(obj, "__dict__") and not isinstance(obj, type) and \
        module.split(".")[0] not in ("numpy", "torch", "builtins", "parity", "types", "functools")

