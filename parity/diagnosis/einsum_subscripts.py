"""The same einsum written with other subscripts on the two sides, read where they part:

    NumPy   np.einsum('ni,nio->no', x, W)      each row times its own matrix
    port    torch.einsum('ni,mio->no', x, W)   'm' summed: each row times the sum of every row's matrix

Measured: the NumPy program's operands, contracted with the port's subscripts, give the port's value. Each
operand axis whose role differs (kept in the result or summed over, and which axes it is paired with) is said.
"""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees
from parity.tolerance.diagnosis import TRACE_AGREES


def subscripts_apart(numpy_ops: list[Value], torch_ops: list[Value], numpy_trace: Trace) -> str:
    for mine in numpy_ops[:3]:
        for theirs in torch_ops[:3]:
            ours, port = subscripts(mine), subscripts(theirs)
            if not ours or not port or _canonical(ours) == _canonical(port):
                continue
            args = _operands(mine, numpy_trace)
            if args is None or len(args) != port.split("->")[0].count(",") + 1:
                continue
            try:
                again = np.einsum(port, *args)
            except (ValueError, TypeError):
                continue
            if again.shape == theirs.array.shape and agrees(again, theirs.array, TRACE_AGREES["float32"]):
                return (f"The two programs write that einsum with other subscripts: the NumPy program '{ours}', the port "
                        f"'{port}'; the NumPy program's operands contracted with the port's subscripts give the port's "
                        f"value (measured). {_roles_apart(ours, port)}")
    return ""


def subscripts(value: Value) -> str:
    found = re.match(r"'([^']+)'", value.detail) if value.op == "einsum" else None
    return found.group(1).replace(" ", "") if found else ""


def _operands(value: Value, trace: Trace) -> list[np.ndarray] | None:
    args = []
    for position, source in enumerate(value.inputs):
        if isinstance(source, int):
            args.append(trace.values[source].array)
        elif source == "?" and position in value.unseen:
            args.append(value.unseen[position])
        else:
            return None
    return args


def _normal(subscripts: str) -> str:
    """The subscripts with an implicit output written out (NumPy's rule: the letters met once, in order)."""
    if "->" in subscripts:
        return subscripts
    letters = subscripts.replace(",", "")
    return f"{subscripts}->{''.join(sorted(c for c in set(letters) if letters.count(c) == 1))}"


def _canonical(subscripts: str) -> str:
    """The subscripts with their letters renamed in the order met: 'bj,bjk->bk' and 'ni,nio->no' are one contraction."""
    names: dict[str, str] = {}
    return "".join(names.setdefault(c, chr(ord("a") + len(names))) if c.isalpha() else c for c in _normal(subscripts))


def _roles(subscripts: str) -> dict[tuple[int, int], tuple[str, bool, frozenset]]:
    """Each operand axis: its letter, whether the result keeps it, and the other operand axes with that letter."""
    inputs, output = _normal(subscripts).split("->")
    places = {(k, j): letter for k, term in enumerate(inputs.split(",")) for j, letter in enumerate(term)}
    return {place: (letter, letter in output, frozenset(p for p, other in places.items() if other == letter and p != place))
            for place, letter in places.items()}


def _roles_apart(ours: str, port: str) -> str:
    mine, theirs = _roles(ours), _roles(port)
    said = []
    for place in sorted(set(mine) & set(theirs)):
        if mine[place][1:] != theirs[place][1:]:
            said.append(f"operand {place[0] + 1}'s axis {place[1]}: in the NumPy program {_role(mine[place])}, in the "
                        f"port {_role(theirs[place])}")
    return ("Where they differ, " + "; ".join(said[:3]) + ".") if said else ""


def _role(role: tuple[str, bool, frozenset]) -> str:
    letter, kept, partners = role
    paired = ", ".join(f"operand {k + 1}'s axis {j}" for k, j in sorted(partners))
    return (f"'{letter}', {'kept in the result' if kept else 'summed over'}"
            + (f" and paired with {paired}" if paired else (" on its own" if not kept else "")))
