"""Every value a port computes in one step, in order: each torch function's result (a TorchFunctionMode), and the
gradient back-propagation brings to each of its forward values (a hook registered as the value is made)."""

from __future__ import annotations

import inspect
from contextlib import contextmanager
from typing import Any, Callable, Iterator, NamedTuple

import torch
from torch.overrides import TorchFunctionMode

from parity.diagnosis.fused_cells import WRITTEN_OUT, written_out
from parity.diagnosis.held_constants import port_constants
from parity.diagnosis.value_trace import MOST_ELEMENTS, Trace, as_float64, keywords

OPERATORS = {f"__{op}__" for op in ("add", "radd", "sub", "rsub", "mul", "rmul", "truediv", "rtruediv", "rdiv", "matmul",
                                    "rmatmul", "pow", "rpow", "neg", "getitem", "floordiv", "rfloordiv", "invert",
                                    "and", "rand", "or", "ror", "xor", "rxor", "mod", "rmod", "eq", "ne", "lt", "le", "gt", "ge")}


PRIVATE_PRODUCTS = {"_sparse_mm": "matmul"}  # torch.sparse.mm(adj, x): a product with a sparse matrix, as the port writes it
TRANSPOSING_PROPERTIES = ("T", "mT", "H", "mH")  # x.T reaches the mode as a __get__, not as x.t()


def op_name(name: str) -> str:
    """A torch function's name as the traces say it: an operator without its underscores and reflection (__rsub__: sub)."""
    return name.strip("_").removeprefix("r") if name in OPERATORS else PRIVATE_PRODUCTS.get(name, name)


class _TorchValues(TorchFunctionMode):
    def __init__(self, trace: Trace) -> None:
        super().__init__()
        self.trace = trace

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        name = getattr(func, "__name__", str(func))
        recorded = not name.startswith("_") and not name.endswith("_")  # a function to call again (not an operator)
        before = _parameters_now(args, kwargs) if recorded else {}
        if name in WRITTEN_OUT:  # a recurrent cell in its parts: its gates' gradients traced too
            with self:
                result = written_out(name, args, kwargs)
            if result is not None:
                self._called_parts(func, result, args, kwargs, before)
                return result
        result = func(*args, **kwargs)
        if torch.is_tensor(result) and result.numel() == 1 and has_reduction(func):
            self.trace.calls.append(LossCall(func, args, kwargs, float(result.detach().double().cpu())))
        if torch.is_tensor(result) and (not name.startswith("_") or name in OPERATORS or name in PRIVATE_PRODUCTS):
            subscripts = f"{args[0]!r}{', ' * bool(kwargs)}" if name == "einsum" and args and isinstance(args[0], str) else ""
            operands = args[::-1] if name in OPERATORS and name.startswith("__r") else args  # 0.1 / t: t.__rdiv__(0.1)
            inputs = _tensors_in(operands) + _tensors_in(tuple(kwargs.values()))
            self.trace.note(op_name(name), inputs, result, subscripts + keywords({k: v for k, v in kwargs.items() if not torch.is_tensor(v)}))
            if not torch.is_grad_enabled() and result.is_floating_point() and id(result) in self.trace.of and \
                    any(torch.is_tensor(t) and t.requires_grad for t in inputs):
                self.trace.cut.add(self.trace.of[id(result)])  # the graph cut here: no gradient flows back through it
            if recorded:  # to call again, an argument changed
                self._call_again(result, func, args, kwargs, before)
        elif name == "__get__" and torch.is_tensor(result) and _transposing(func) and args:
            self._followed(args[0], result)
        elif name == "__setitem__" and args and torch.is_tensor(args[0]):  # x[box] = v: the tensor now holds a new value
            self.trace.note("setitem (in place)", _tensors_in(args[:1] + args[2:]), args[0])
        elif isinstance(result, (tuple, list)) and result and not name.startswith("_") and all(map(torch.is_tensor, result)):
            inputs = _tensors_in(args) + _tensors_in(tuple(kwargs.values()))  # chunk, split, unbind: each part a value
            for k, part in enumerate(result):
                self.trace.note(name, inputs, part, f"part {k}")
                if recorded:  # a cell's (h, c): each part called again on its own
                    self._call_again(part, _Part(func, k), args, kwargs, before)
        return result

    def _followed(self, value: Any, transposed: torch.Tensor) -> None:
        """A transpose is followed by the value it transposes, as W.T is by W. Its own base is the memory's owner, which
        for a view of a value (o[..., 1].T) is another value (o), of another shape."""
        if torch.is_tensor(value) and id(value) in self.trace.of:
            self.trace.of[id(transposed)] = self.trace.of[id(value)]
            self.trace.kept.append(transposed)

    def _called_parts(self, func: Any, result: Any, args: tuple, kwargs: dict, before: dict) -> None:
        """A fused op written out: each tensor it gives, made by its last part, called again as the op itself."""
        parts = result if isinstance(result, (tuple, list)) else (result,)
        for k, part in enumerate(parts):
            if torch.is_tensor(part):
                self._call_again(part, _Part(func, k) if part is not result else func, args, kwargs, before)

    def _call_again(self, value: Any, func: Any, args: tuple, kwargs: dict, before: dict) -> None:
        """The call that made the value, with the parameters as they were before it, kept to call again."""
        if id(value) in self.trace.of:
            self.trace.called[self.trace.of[id(value)]] = (func, tuple(before.get(id(a), a) for a in args),
                                                           {k: before.get(id(v), v) for k, v in kwargs.items()})


def _transposing(func: Any) -> bool:
    """Whether a property is a transpose (x.T, x.mT), not another one (x.shape, x.data)."""
    return getattr(getattr(func, "__self__", None), "__name__", "") in TRANSPOSING_PROPERTIES


class _Part:
    """One part of a function's tuple result (an LSTM cell's h or c), as a function of the same arguments."""

    def __init__(self, func: Any, part: int) -> None:
        self.func, self.part, self.__name__ = func, part, getattr(func, "__name__", str(func))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)[self.part]


def _parameters_now(args: tuple, kwargs: dict) -> dict[int, torch.Tensor]:
    """The parameters a call reads, as they are before it: the step updates them later (and a call such as an
    embedding with max_norm rewrites its table as it reads it), so a call made again reads these copies."""
    return {id(a): a.detach().clone() for a in (*args, *kwargs.values())
            if torch.is_tensor(a) and a.is_leaf and a.requires_grad}


class LossCall(NamedTuple):
    """A loss function's call as the port made it: the function, its arguments, and the number it gave."""
    func: Any
    args: tuple
    kwargs: dict
    value: float


def has_reduction(func: Any) -> bool:
    try:
        return "reduction" in inspect.signature(func).parameters
    except (TypeError, ValueError):  # a builtin without a signature: not a loss function of torch.nn.functional
        return False


def _tensors_in(args: tuple) -> tuple:
    found = []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            found += _tensors_in(arg)
        elif torch.is_tensor(arg) or isinstance(arg, (int, float)):
            found.append(arg)
    return tuple(found)


def trace_torch_step(side: Any, rows: Any) -> Trace:
    """The port stepped once on these rows: its values, then (as op 'grad') each forward value's gradient."""
    trace = Trace()
    trace.constants = port_constants(getattr(side, "names", {}).get("model") if hasattr(side, "names") else getattr(side, "model", None))
    batch_X, batch_y = side.batch(rows)
    trace.root("X", batch_X, as_float64(batch_X))
    trace.root("y", batch_y, as_float64(batch_y))
    original = side.batch
    side.batch = lambda _rows: (batch_X, batch_y)
    mode = _TorchValues(trace)
    hooks = []
    try:
        with mode, _reads_untraced(side):
            _hook_forward_values(mode, hooks)
            side.step(rows)
    finally:
        side.batch = original
        for hook in hooks:
            hook.remove()
    return trace


KIT_READS = ("gradients", "state_values")  # the kit's own copies of a step's gradients and state, not the port's values
# (its reads of the parameters stay: a weight a reading needs, W in a term through a later use, is read from them)


@contextmanager
def _reads_untraced(side: Any) -> Iterator[None]:
    """The side's reads of its gradients and state kept out of the trace: their copies (detach, cpu) would stand beside
    the port's own values, and a NumPy value equal to a gradient would be matched to the kit's copy."""
    wrapped = [name for name in KIT_READS if callable(getattr(side, name, None))]
    for name in wrapped:
        setattr(side, name, untraced(getattr(side, name)))
    try:
        yield
    finally:
        for name in wrapped:
            delattr(side, name)


def untraced(read: Callable) -> Callable:
    """`read` run with torch's function modes off: the kit's own work, kept out of a trace of the port's values."""
    def reading(*args: Any, **kwargs: Any) -> Any:
        with torch._C.DisableTorchFunction():
            return read(*args, **kwargs)
    return reading


def _hook_forward_values(mode: _TorchValues, hooks: list) -> None:
    """Each forward value's gradient, noted as it arrives: registered as the values are made."""
    original = mode.trace.note

    def note(op, inputs, result, detail=""):
        original(op, inputs, result, detail)
        if torch.is_tensor(result) and result.requires_grad and id(result) in mode.trace.of:
            index = mode.trace.of[id(result)]
            hooks.append(result.register_hook(lambda grad, index=index: _gradient(mode.trace, index, grad)))

    mode.trace.note = note


def _gradient(trace: Trace, index: int, grad: torch.Tensor) -> None:
    array = as_float64(grad)
    if array is not None and trace.elements + array.size <= MOST_ELEMENTS:
        trace._add("grad", array, (index,), "")
