"""A port that looks its rows up in the wrong table it holds: a schedule's per-step alphas where the cumulative
product alphas_cumprod is meant, betas for alphas, one embedding table for another (other_parameter: a call that
reads one of the port's parameters, made again with another of that shape in its place).

    port    alphas[t]              a buffer of the port's, read at each row's index
            alphas_cumprod[t]      another buffer of that length, read at the same indices: the NumPy program's value

Measured: the port's looked-up values are found in one of its held tables (each at one position), the same
positions read from each other table it holds, and a result equal to a NumPy value is said.
"""

from __future__ import annotations

import numpy as np

import torch

from parity.diagnosis.value_laws import downstream
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

NEAR = 8  # the port's values past the agreeing one searched for a lookup
LOOKUPS = ("getitem", "index_select", "gather", "take")


def other_table(frontier_twin: Value, torch_trace: Trace, numpy_trace: Trace, tolerance: float) -> str:
    tables = {name: np.ravel(t) for name, t in torch_trace.constants.items() if np.ndim(t) == 1 and len(t) >= 4}
    if len(tables) < 2:
        return ""
    for looked in _lookups(frontier_twin, torch_trace):
        for name, table in tables.items():
            positions = _positions(looked.array.ravel(), table)
            if positions is None:
                continue
            for other, values in tables.items():
                if other == name or np.allclose(values, table):
                    continue
                again = values[positions].reshape(looked.array.shape)
                twin = None
                for made, array in _carried(looked, again, torch_trace):  # the lookup, then the port's ops on it
                    twin = twin or _numpy_value(array, numpy_trace, tolerance)
                if twin is not None:
                    return (f"The port's {describe(looked)} is its held {name} read at each row's index; its {other}, "
                            f"held beside it, read at the same indices gives the NumPy program's {twin}: the port "
                            f"looks its rows up in {name} where the NumPy program's numbers are {other}'s (the wrong table "
                            "of the schedule, a per-step value for a cumulative one).")
    return ""


def other_parameter(frontier_twin: Value, torch_trace: Trace, numpy_trace: Trace, tolerance: float) -> str:
    """A port call past the agreeing value that reads one of its parameters, made again with another parameter of that
    shape in its place: where that (carried through the port's next calls) is a value the NumPy program has, said."""
    held = _parameters(torch_trace)
    for op in downstream(torch_trace, frontier_twin, NEAR):  # past the agreeing value: the op that agrees reads right
        func, args, kwargs = torch_trace.called.get(op.index, (None, (), {}))
        if func is None or _numpy_value(op.array, numpy_trace, tolerance):
            continue  # an op whose own value the NumPy program has too reads its weight alike
        for k, arg in enumerate(args):
            if not torch.is_tensor(arg) or id(arg) in torch_trace.of or not arg.is_floating_point() or arg.grad_fn is not None:
                continue  # a mask or an index is no weight, nor a value made in the step that the trace missed
            for other in (p for p in held if p.shape == arg.shape and not torch.equal(p, arg) and float(p.max() - p.min()) > 0):
                # a parameter at one value everywhere (a norm's zeros or ones) put in drops or keeps a term: no table
                try:
                    with torch.no_grad():
                        result = func(*args[:k], other.to(arg.dtype), *args[k + 1:], **kwargs)
                except Exception:  # noqa: BLE001 - a call that refuses the other parameter says nothing
                    continue
                if not torch.is_tensor(result):
                    continue
                again = result.detach().double().cpu().numpy()
                found = next((t for _, array in _carried(op, again, torch_trace) if (t := _numpy_value(array, numpy_trace,
                                                                                                         tolerance))
                              and not any(v.array.shape == array.shape and agrees(v.array, array, tolerance) for v in
                                          torch_trace.values)), None)  # a value the port has too (its other head's)
                if found:
                    return (f"The port's {describe(op)} reads a parameter of shape {tuple(arg.shape)}; made again with "
                            f"another parameter of the port's of that shape in its place, it gives the NumPy program's "
                            f"{found}: the two programs read different weights there, one of them the wrong one (one embedding "
                            "table for the other, a layer's weight where another layer's belongs; which side, the "
                            "forward pass alone cannot tell).")
    return ""


def _parameters(trace: Trace) -> list[torch.Tensor]:
    """The port's parameters its recorded calls read (each call holds its own copy), one of each."""
    found: list[torch.Tensor] = []
    for _, args, kwargs in trace.called.values():
        for a in (*args, *kwargs.values()):
            if torch.is_tensor(a) and id(a) not in trace.of and a.grad_fn is None and a.ndim >= 1 and a.numel() >= 4 and a.is_floating_point() and \
                    not any(p.shape == a.shape and torch.equal(p, a) for p in found):
                found.append(a)
    return found


def _lookups(frontier_twin: Value, trace: Trace) -> list[Value]:
    """The port's lookups on the way past the agreeing value, and beside it: a few ops back from each value it makes
    (sqrt(alphas[t]) multiplied into x0)."""
    near, found = [frontier_twin, *downstream(trace, frontier_twin, NEAR)], []
    for _ in range(6):  # alphas[t].unsqueeze(1).to(dtype).sqrt(): four ops from the lookup to its use
        found += [v for v in near if v.op in LOOKUPS and all(v is not f for f in found)]
        near = [trace.values[i] for v in near for i in v.inputs if isinstance(i, int)]
    return found


def _carried(looked: Value, again: np.ndarray, trace: Trace) -> list[tuple[Value, np.ndarray]]:
    """The lookup read from the other table, carried through the port's calls that follow it one by one (unsqueeze,
    .to, sqrt), each called again with the new value in its input's place."""
    found, value, array = [(looked, again)], looked, again
    for _ in range(6):
        user = next((trace.values[u] for u in value.users if u in trace.called), None)
        if user is None:
            break
        func, args, kwargs = trace.called[user.index]
        put = [torch.as_tensor(array, dtype=a.dtype) if torch.is_tensor(a) and trace.of.get(id(a)) == value.index else a
               for a in args]
        if all(p is a for p, a in zip(put, args)):
            break  # its input not found among the call's arguments: nothing to carry
        try:
            with torch.no_grad():
                result = func(*put, **kwargs)  # a tensor method (unsqueeze, sqrt) keeps no signature to bind
        except Exception:  # noqa: BLE001 - a call that refuses the new value carries it no further
            break
        if not torch.is_tensor(result):
            break
        result = result.detach().double().cpu().numpy()
        found.append((user, result))
        value, array = user, result
    return found


def _numpy_value(array: np.ndarray, trace: Trace, tolerance: float) -> str | None:
    """The NumPy value equal to it, or an operand the NumPy program's trace kept beside an op (its own table's rows,
    looked up in an array it holds)."""
    if array.size < 2 or np.ptp(array) == 0:
        return None
    for value in trace.values:
        if value.array.size == array.size and agrees(value.array.reshape(array.shape), array, tolerance):
            return describe(value)
        for held in value.unseen.values():
            if held.size == array.size and agrees(held.reshape(array.shape), array, tolerance):
                return f"operand of its {describe(value)} (an array it holds, read at the rows)"
    return None


def _positions(values: np.ndarray, table: np.ndarray) -> np.ndarray | None:
    """The one position of each value in the table, where every value is found at exactly one."""
    if values.size < 2 or len(np.unique(values)) < 2:
        return None
    hits = np.isclose(values[:, None], table[None, :], rtol=1e-6, atol=0.0)
    if not np.all(hits.sum(axis=1) == 1):
        return None
    return hits.argmax(axis=1)


SQUARES = {"square", "power", "pow", "mul", "multiply", "abs", "absolute"}  # a penalty's op on a table's entries


def whole_table(numpy_ops: list[Value], frontier: Value, torch_trace: Trace) -> str:
    """The NumPy program applies a penalty's op to the rows of a table the batch looks up (the value both agree on);
    the port applies it to a whole table holding those rows and others: a penalty on every row where the batch's rows
    are meant (an L2 term on `Embedding.weight` where the looked-up rows belong)."""
    mine = next((v for v in numpy_ops if v.op.removesuffix(" (in place)") in SQUARES), None)
    rows = frontier.array
    if mine is None or rows.ndim != 2:
        return ""
    for value in torch_trace.values:
        if value.op.removesuffix("_") not in SQUARES:
            continue
        held = [(torch_trace.values[i].array, describe(torch_trace.values[i])) if isinstance(i, int) else
                (value.unseen.get(k), "a tensor it holds") for k, i in enumerate(value.inputs) if isinstance(i, int) or i == "?"]
        table, words = held[0] if held and held[0][0] is not None else (None, "")
        if table is None or np.ndim(table) != 2 or table.shape[1] != rows.shape[1] or table.shape[0] == rows.shape[0] or \
                not _rows_of(rows, table):
            continue
        unread = table.shape[0] - len({r.tobytes() for r in np.asarray(rows, np.float64)})
        if unread > 0:
            return (f"The NumPy program's {mine.op} takes the rows the batch looks up ({describe(frontier)}); the port's "
                    f"{value.op} takes a whole table ({words}, {table.shape[0]} rows, {unread} of them not in the batch): a "
                    "penalty on every row of the table where the batch's rows are meant (or the reverse).")
    return ""


def _rows_of(rows: np.ndarray, table: np.ndarray) -> bool:
    held = {r.tobytes() for r in np.asarray(table, np.float64)}
    return all(r.tobytes() in held for r in np.asarray(rows, np.float64))
