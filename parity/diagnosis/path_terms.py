"""A path left out of a value's gradient, measured through the port's own op: where the NumPy program's gradient of a
value is the port's less exactly the gradient one op that reads the value sends back to it (that op's backward,
called again at the gradient its output takes), the NumPy backward pass leaves that use of the value out (a value
read twice: a skip connection, an upsampling beside a layer, a tied weight's second use).

    g_numpy(V) = g_port(V) - ∂⟨f(V, …), g_port(f)⟩/∂V      for one op f of the port that reads V
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import numpy as np
import torch

from parity.diagnosis.backward_again import input_gradient
from parity.diagnosis.builtin_signatures import as_function
from parity.diagnosis.called_again import signature
from parity.diagnosis.missing_terms import ONE_TERM, aligned, gradient_name, is_gradient
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

MOST_USES = 8  # the ops read back per value
MOST_GRADIENTS = 64  # the port's gradients of the value's shape tried (an unrolled recurrence has one per step)


def path_missing(value: Value, torch_trace: Trace, tolerance: float) -> str:
    """The departing value against each of the port's gradients of its shape: the gap one path's term."""
    shaped = islice(((g, mine) for g in torch_trace.values if is_gradient(g) and g.op == "grad"
                     and (mine := aligned(value.array, g.array, merged=True)) is not None), MOST_GRADIENTS)
    for theirs, mine in shaped:
        if agrees(mine, theirs.array, tolerance):
            continue
        if said := path_left_out(theirs.array - mine, theirs, torch_trace, tolerance):
            return f"It is {gradient_name(theirs, torch_trace)} less {said}{ONE_TERM}"
    return ""


def path_left_out(gap: np.ndarray, theirs: Value, trace: Trace, tolerance: float) -> str:
    """The op of the port's, among those that read the value the gradient `theirs` is at, whose own backward gives
    `gap`; "" where none does (or the value has one use: the gap is then no path of its own)."""
    if theirs.op != "grad" or not theirs.inputs or not isinstance(theirs.inputs[0], int) or not np.any(gap):
        return ""
    at = trace.values[theirs.inputs[0]]
    uses = [trace.values[u] for u in at.users if trace.values[u].op != "grad"][:MOST_USES]
    if len(uses) < 2:
        return ""
    for use in uses:
        sent = sent_back(use, at, trace)
        if sent is not None and sent.shape == gap.shape and agrees(sent, gap, tolerance):
            return (f"the gradient the port's {describe(use)} sends back to {describe(at)} (its own backward again): "
                    f"{describe(at)} is read by {len(uses)} ops, and the NumPy backward pass leaves the path through "
                    f"that {use.op} out (a value used twice: a skip connection, an upsampling beside a layer)")
    return ""


def sent_back(use: Value, at: Value, trace: Trace) -> np.ndarray | None:
    """∂⟨use(at, …), g(use)⟩/∂at by the port's own op called again; None where it cannot be."""
    called = trace.called.get(use.index)
    incoming = next((v for v in trace.values if v.op == "grad" and v.inputs == (use.index,)), None)
    if called is None or incoming is None:
        return None
    func, args, kwargs = as_function(called[0]), called[1], called[2]  # a tensor method as torch's function of its name
    try:
        arguments: dict[str, Any] = dict(signature(func).bind(*args, **kwargs).arguments)
    except (TypeError, ValueError):
        return None
    key = next((k for k, v in arguments.items() if torch.is_tensor(v) and tuple(v.shape) == at.array.shape
                and np.allclose(v.detach().double().cpu().numpy(), at.array, rtol=1e-6, atol=1e-9)), None)
    return input_gradient(func, arguments, key, incoming.array) if key is not None else None
