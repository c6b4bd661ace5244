"""Every value a program as written computes in one step, in order. The NumPy program's are traced here, through an
ndarray subclass its data arrives as: each ufunc and NumPy function it meets is noted with its inputs, and its result
carries the trace on (np.asarray and np.array keep it while tracing). The port's are traced in `port_values`. What
neither sees (a Python float, an array made from nothing traced) is '?' or a constant."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from parity.diagnosis.index_words import index_text, picked_rows, repeats as repeats_in
from parity.diagnosis.value_match import MASKED as MASKED, agrees as agrees, axis_orders as axis_orders  # where readers import them

MOST_ELEMENTS = 5_000_000  # a step's values kept at most, all together: a large batch is traced in part
UNSEEN_ELEMENTS = 65_536  # a weight matrix kept beside the op it meets (an einsum's of any rank), up to this size


@dataclass
class Value:
    index: int
    op: str
    array: np.ndarray  # float64
    inputs: tuple[int | str | float, ...]  # a value's index, a root's name ("X", "y"), a constant, or "?" (not seen)
    detail: str = ""  # the op's keyword arguments, as written (axis=1)
    users: list[int] = field(default_factory=list)
    parts: tuple[tuple[int, tuple], ...] = ()  # (input position, shape) of an input that is a smaller view of its value
    unseen: dict[int, np.ndarray] = field(default_factory=dict)  # input position -> a matrix not traced ("?"): a weight


class Trace:
    def __init__(self) -> None:
        self.values: list[Value] = []
        self.of: dict[int, int] = {}  # id(object) -> value index
        self.kept: list[Any] = []  # the traced objects, alive, so that an id is never reused
        self.elements = 0
        self.quiet = 0
        self.data: np.ndarray | None = None  # the whole of X the program holds (float64), for statistics it keeps
        self.held: set[int] = set()  # ids of the program's own arrays, traced only where the step's data meets them
        self.calls: list = []  # the port's loss-function calls (port_values.LossCall), to call again with a keyword changed
        self.called: dict[int, tuple] = {}  # a port value's index -> (function, args, kwargs) that made it
        self.constants: dict[str, np.ndarray] = {}  # arrays the program built before the step and holds (held_constants)
        self.picks: list[tuple[int, np.ndarray]] = []  # (rows, the rows an index took of them): a loss over some rows
        self.memo: dict[str, Any] = {}  # readings' results over values already traced (a value's inputs never change)
        self.cut: set[int] = set()  # the port's values made with gradients off from a value that requires one (no_grad)

    def root(self, name: str, obj: Any, array: np.ndarray) -> None:
        self.of[id(obj)] = self._add(name, array, (), "")
        self.kept.append(obj)

    def note(self, op: str, inputs: tuple, result: Any, detail: str = "") -> None:
        if self.quiet or result is None:
            return
        sources = tuple(self.source(x) for x in inputs)
        if self.held and not any(isinstance(s, int) for s in sources) and any(map(self.is_held, inputs)):
            self.hold(result)  # the program's own arrays among themselves (a decay of its momentum): not the step's data
            return
        array = as_float64(result)
        if array is None or self.elements + array.size > MOST_ELEMENTS:
            return
        index = self._add(op, array, sources, detail)
        self.values[index].parts = tuple(
            (k, x.shape) for k, (x, s) in enumerate(zip(inputs, sources)) if isinstance(s, int) and isinstance(x, np.ndarray)
            and id(x) not in self.of and x.size < self.values[s].array.size)  # a row an iteration bound: no getitem noted
        self.values[index].unseen = {k: m for k, (x, s) in enumerate(zip(inputs, sources)) if s == "?" and (getattr(x, "ndim", 0)
                                     == 2 or op == "einsum" and getattr(x, "ndim", 0) > 2) and int(np.prod(x.shape)) <= UNSEEN_ELEMENTS and (m := as_float64(x)) is not None}
        self.of[id(result)] = index
        self.kept.append(result)
        owner = _owner(result)
        if owner is not None and owner.size == array.size and id(owner) not in self.of:
            self.of[id(owner)] = index  # a view made through a plain array (a.squeeze(1)) finds its value by the owner

    def _add(self, op: str, array: np.ndarray, inputs: tuple, detail: str) -> int:
        index = len(self.values)
        self.values.append(Value(index, op, array, inputs, detail))
        self.elements += array.size
        for source in inputs:
            if isinstance(source, int):
                self.values[source].users.append(index)
        return index

    def hold(self, obj: Any) -> None:
        self.held.add(id(obj))
        self.kept.append(obj)

    def is_held(self, obj: Any) -> bool:
        """An array the program held before the step (a weight, an embedding table), or one made from such alone."""
        while isinstance(obj, np.ndarray):
            if id(obj) in self.held:
                return True
            obj = obj.base
        return False

    def source(self, obj: Any) -> int | str | float:
        """The value an input came from: itself, or the array it is a view of (a transpose, a slice, a reshape)."""
        seen = obj
        while seen is not None:
            if id(seen) in self.of:
                return self.of[id(seen)]
            seen = getattr(seen, "base", None) if isinstance(seen, np.ndarray) else getattr(seen, "_base", None)
        if isinstance(obj, (int, float, np.number)) and not isinstance(obj, bool):
            return float(obj)
        return "?"


def _owner(obj: Any) -> np.ndarray | None:
    """The array that owns a view's memory: the plain array a traced result is a view of."""
    owner = None
    while isinstance(obj, np.ndarray) and obj.base is not None:
        obj = owner = obj.base
    return owner if isinstance(owner, np.ndarray) else None


def as_float64(value: Any) -> np.ndarray | None:
    if torch.is_tensor(value):
        if value.layout != torch.strided or not value.is_floating_point() and value.dtype not in (torch.int64, torch.int32, torch.bool):
            return None  # a sparse gradient's pieces (made inside the optimizer) are no value of the step's
        return value.detach().cpu().to(torch.float64).numpy().copy()
    if isinstance(value, np.ndarray):
        value = value.view(np.ndarray)  # a plain copy, never noted as a value of the program's
    if isinstance(value, (np.ndarray, np.number)) and value.dtype.kind in "fiub":
        return np.array(value, dtype=np.float64)
    return None


# -- the NumPy program: its data arrives as a traced array
_TRACE: list[Trace] = []

IN_PLACE = {"fill_diagonal", "copyto", "put", "putmask", "place", "put_along_axis"}  # NumPy functions that write
# into their first argument and return None


class TracedArray(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        out = kwargs.get("out")
        if out:
            kwargs["out"] = tuple(_plain(o) for o in out)
        if isinstance(kwargs.get("where"), TracedArray):  # np.divide(a, b, out=..., where=mask): the mask plain too
            kwargs["where"] = _plain(kwargs["where"])
        result = getattr(ufunc, method)(*(_plain(x) for x in inputs), **kwargs)
        name = ufunc.__name__ if method == "__call__" else f"{ufunc.__name__}.{method}"
        if out:
            _note(f"{name} (in place)", inputs, out[0], kwargs)  # the array now holds a new value
            return out[0] if len(out) == 1 else out
        if method == "at":  # np.add.at(dE, X, g): the first array now holds a new value
            _note(f"{name} (in place)", inputs, inputs[0], kwargs)
            return result
        result = _traced(result)
        _note(name, inputs, result, kwargs)
        return result

    def __array_function__(self, func, types, args, kwargs):
        trace = _TRACE[-1] if _TRACE else None
        if trace:
            trace.quiet += 1
        try:
            result = super().__array_function__(func, types, args, kwargs)
        finally:
            if trace:
                trace.quiet -= 1
        if func.__name__ in IN_PLACE and args and isinstance(args[0], np.ndarray):  # np.fill_diagonal(S, -inf): S
            _note(f"{func.__name__} (in place)", _arrays_in(args), args[0], keywords(kwargs))  # now holds a new value
            return result
        result = _traced(result)
        einsum = func.__name__ == "einsum" and args and isinstance(args[0], str)  # its subscripts, to compute it again
        subscripts = f"{args[0]!r}{', ' * bool(kwargs)}" if einsum else ""  # not an array's repr: slow on large arrays
        _note(func.__name__, _arrays_in(args), result, subscripts + keywords(kwargs))
        return result

    # methods that bypass NumPy's function protocol, or compute through a scalar it does not see
    def dot(self, other, out=None):
        return np.dot(self, other, out=out)

    def mean(self, *args, **kwargs):
        return _method(self, np.ndarray.mean, args, kwargs)

    def var(self, *args, **kwargs):
        return _method(self, np.ndarray.var, args, kwargs)

    def std(self, *args, **kwargs):
        return _method(self, np.ndarray.std, args, kwargs)

    def transpose(self, *axes):
        return _viewed(self, "transpose", super().transpose(*axes), ", ".join(map(str, axes)))

    def swapaxes(self, axis1, axis2):
        return _viewed(self, "swapaxes", super().swapaxes(axis1, axis2), f"{axis1}, {axis2}")

    def reshape(self, *args, **kwargs):
        result = super().reshape(*args, **kwargs)
        _note("reshape", (self,), result, ", ".join([*map(str, args), *(f"{k}={v!r}" for k, v in kwargs.items())]))
        return result

    def astype(self, *args, **kwargs):
        result = super().astype(*args, **kwargs)
        _note("astype", (self,), result, _short(args[0]) if args else "")
        return result

    def copy(self, *args, **kwargs):  # dlogits = probs.copy(): a new array, which no function protocol sees
        return _noted("copy", self, super().copy(*args, **kwargs))

    def flatten(self, *args, **kwargs):
        return _noted("flatten", self, super().flatten(*args, **kwargs))

    def repeat(self, *args, **kwargs):
        return _noted("repeat", self, super().repeat(*args, **kwargs), ", ".join(map(str, args)))

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        repeats = repeats_in(key)
        narrowed = f" (into a {self.dtype} array)" if self.dtype.kind in "biu" and np.asarray(value).dtype.kind == "f" else ""
        detail = index_text(key) + (" (indices repeat)" if repeats else "") + narrowed
        _note("setitem (in place)", (self, value), self, detail)  # the array now holds a new value

    def __getitem__(self, key):
        result = super().__getitem__(key)
        if _TRACE and (rows := picked_rows(self, key)) is not None:
            _TRACE[-1].picks.append((self.shape[0], np.array(rows)))
        looked_up = _TRACE and [k for k in (key if isinstance(key, tuple) else (key,)) if isinstance(k, TracedArray)]
        if looked_up and isinstance(result, np.ndarray) and (_TRACE[-1].is_held(self) or not np.shares_memory(result, self)):
            _note("getitem", (self, *looked_up), result, index_text(key))  # a table's rows at the step's indices: E[X], eye(V)[X]
        elif isinstance(result, np.ndarray) and not np.shares_memory(result, self):
            _note("getitem", (self,), result, index_text(key))  # a copy (fancy indexing): a view is followed by its base
        elif isinstance(result, np.ndarray) and result.shape != self.shape:
            _note("getitem", (self,), result, index_text(key))
        return result


def _method(array: TracedArray, method: Any, args: tuple, kwargs: dict) -> Any:
    """A reduction method computed on the plain array, noted whole (axis given by position or by name)."""
    result = _traced(method(array.view(np.ndarray), *args, **kwargs))
    positions = ("axis", "dtype", "out", "keepdims") if method is np.ndarray.mean else ("axis", "dtype", "out", "ddof", "keepdims")
    named = {**dict(zip(positions, args)), **kwargs}
    _note(method.__name__, (array,), result, named)
    return result


def _noted(op: str, array: TracedArray, result: Any, detail: str = "") -> Any:
    _note(op, (array,), result, detail)
    return result


def _plain(x: Any) -> Any:
    return x.view(np.ndarray) if isinstance(x, TracedArray) else x


def _traced(result: Any) -> Any:
    if isinstance(result, tuple):
        return tuple(_traced(r) for r in result)
    if isinstance(result, np.floating):  # a sum to one number: the loss's arithmetic after it (/ n, 0.5 *) is traced too
        return np.asarray(result).view(TracedArray)
    if isinstance(result, np.ndarray) and not isinstance(result, TracedArray):
        return result.view(TracedArray)
    return result


def _arrays_in(args: Any) -> tuple:
    found = []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            found += _arrays_in(arg)
        elif isinstance(arg, (np.ndarray, int, float)):
            found.append(arg)
    return tuple(found)


def _viewed(array: np.ndarray, op: str, result: np.ndarray, detail: str) -> np.ndarray:
    """A transpose of a traced view of three axes or more (a reshape's): NumPy's base skips to the memory's owner, so
    the view it is made from is noted; a matrix's .T, and any array that owns its memory, is found through its base."""
    if _TRACE and array.ndim >= 3 and array.base is not None and id(array) in _TRACE[-1].of:
        _note(op, (array,), result, detail)
    return result


def _note(op: str, inputs: tuple, result: Any, detail: dict | str) -> None:
    if _TRACE and not isinstance(result, tuple):
        _TRACE[-1].note(op, inputs, result, detail if isinstance(detail, str) else keywords(detail))


def keywords(kwargs: dict) -> str:
    defaults = {"where": True, "keepdims": False, "casting": "same_kind", "order": "K"}
    return ", ".join(f"{k}={_short(v)}" for k, v in kwargs.items()
                     if k != "out" and v is not None and not (k in defaults and isinstance(v, (bool, str)) and v == defaults[k]))


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, np.ndarray) else f"array{value.shape}"
    return text if len(text) <= 40 else text[:37] + "..."


def uses(value: Value, source: Value) -> bool:
    return any(isinstance(i, int) and i == source.index for i in value.inputs)


def describe(value: Value) -> str:
    if value.op in ("X", "y"):
        return f"{value.op} {value.array.shape}"
    return f"[{value.op} {value.array.shape}]"
