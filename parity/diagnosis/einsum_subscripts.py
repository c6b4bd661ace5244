"""The same einsum written with other subscripts on the two sides, read where they part:

    NumPy   np.einsum('ni,nio->no', x, W)      each row times its own matrix
    port    torch.einsum('ni,mio->no', x, W)   'm' summed: each row times the sum of every row's matrix

Measured: the NumPy program's operands, contracted with the port's subscripts, give the port's value. Each
operand axis whose role differs (kept in the result or summed over, and which axes it is paired with) is said.
Where the NumPy program computes the contraction otherwise (a square, then a sum over an axis), the port's einsum is
computed again on its own operands with its subscripts changed a little (the output's letters, one letter of an
operand), and a result that is a NumPy value is said.
"""

from __future__ import annotations

import re

import numpy as np

from itertools import permutations
from typing import Callable

from parity.diagnosis.calls import numpy_twin
from parity.diagnosis.value_trace import Trace, Value, agrees, describe
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


def einsum_again(torch_ops: list[Value], called: dict[int, tuple], departing: list[Value], tolerance: float) -> str:
    """The port's einsum where the programs part, computed again on its own operands with subscripts a little
    changed: the variant whose result is a NumPy value, said with the axes whose role it changes."""
    for theirs in torch_ops[:3]:
        port = subscripts(theirs)
        func_args = called.get(theirs.index)
        if not port or func_args is None:
            continue
        operands = [np.asarray(a.detach().double().cpu().numpy()) for a in func_args[1][1:] if hasattr(a, "detach")]
        for variant in _variants(_normal(port)):
            try:
                again = np.einsum(variant, *operands)
            except (ValueError, TypeError):
                continue
            if twin := numpy_twin(departing, np.asarray(again, np.float64), tolerance):
                return (f"The port's own einsum, computed again on its operands with the subscripts '{variant}' in place "
                        f"of '{port}', gives the NumPy program's {describe(twin)}: the two programs part at the einsum's "
                        f"subscripts. {_roles_apart(variant, port)}")
    return ""


def numpy_einsum_again(numpy_ops: list[Value], numpy_trace: Trace, torch_values: list[Value], tolerance: float) -> str:
    """The NumPy program's einsum where the programs part, computed again on its operands with subscripts a little
    changed: the variant whose result is the port's value there (K Q^T where Q K^T is written), said."""
    for mine in numpy_ops[:3]:
        ours, args = subscripts(mine), _operands(mine, numpy_trace)
        if not ours or args is None:
            continue
        for variant in _variants(_normal(ours)):
            try:
                again = np.asarray(np.einsum(variant, *args), np.float64)
            except (ValueError, TypeError):
                continue
            if mine.array.shape == again.shape and agrees(mine.array, again, tolerance):
                continue  # the same numbers: no other contraction
            twin = next((t for t in torch_values if t.array.shape == again.shape and agrees(again, t.array, tolerance)), None)
            if twin is not None:
                return (f"The NumPy program's einsum, computed again on its operands with the subscripts '{variant}' in place "
                        f"of '{ours}', gives the port's {describe(twin)}: the two programs part at that contraction. "
                        f"{_roles_apart(ours, variant)}")
    return ""


def _variants(subscripts: str) -> list[str]:
    """The subscripts with one change: the output's letters another ordered choice, or one operand letter another."""
    inputs, output = subscripts.split("->")
    letters = sorted(set(inputs.replace(",", "")))
    found = [f"{inputs}->{''.join(kept)}" for k in range(len(letters) + 1) for kept in permutations(letters, k)]
    spare = next(c for c in "abcdefghijklmnopqrstuvwxyz" if c not in letters)
    for k, c in enumerate(inputs):
        if c.isalpha():
            found += [f"{inputs[:k]}{other}{inputs[k + 1:]}->{output}" for other in [*letters, spare] if other != c]
    terms = inputs.split(",")
    for t, term in enumerate(terms):  # one operand's axes swapped: W^T where W is meant
        for a, b in ((a, b) for a in range(len(term)) for b in range(a + 1, len(term)) if term[a] != term[b]):
            swapped = list(term)
            swapped[a], swapped[b] = term[b], term[a]
            found.append(",".join([*terms[:t], "".join(swapped), *terms[t + 1:]]) + f"->{output}")
    return [v for v in dict.fromkeys(found) if _canonical(v) != _canonical(subscripts)][:2000]


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
    if said:
        turned = _axes_swapped(ours, port)
        return "Where they differ, " + "; ".join(said[:3]) + "." + (f" One operand's two axes are swapped ({turned}): "
                                                                    "the matrix transposed, or the two arguments of a product "
                                                                    "given in each other's place." if turned else "")
    (inputs, first), (theirs, second) = (_normal(x).split("->") for x in (ours, port))
    return (f"The same contraction with the result's axes in another order ('{first}' against '{second}'): the result "
            "transposed, as a product's two operands given in each other's place (K Q^T for Q K^T) or a transpose of "
            "the wrong axes makes it.") if inputs == theirs and sorted(first) == sorted(second) and first != second else ""


def _role(role: tuple[str, bool, frozenset]) -> str:
    letter, kept, partners = role
    paired = ", ".join(f"operand {k + 1}'s axis {j}" for k, j in sorted(partners))
    return (f"'{letter}', {'kept in the result' if kept else 'summed over'}"
            + (f" and paired with {paired}" if paired else (" on its own" if not kept else "")))


def _axes_swapped(ours: str, port: str) -> str:
    """'operand k, axes a and b' where the port's subscripts are the NumPy program's with one operand's two letters
    exchanged (W^T for W)."""
    mine, theirs = (_normal(x).split("->") for x in (ours, port))
    if mine[1] != theirs[1]:
        return ""
    for k, (a, b) in enumerate(zip(mine[0].split(","), theirs[0].split(","))):
        apart = [j for j, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(a) == len(b) and len(apart) == 2 and a[apart[0]] == b[apart[1]] and a[apart[1]] == b[apart[0]] and \
                mine[0].split(",")[:k] + mine[0].split(",")[k + 1:] == theirs[0].split(",")[:k] + theirs[0].split(",")[k + 1:]:
            return f"operand {k + 1}, axes {apart[0]} and {apart[1]}"
    return ""


def contraction_readings(numpy_trace: Trace, torch_trace: Trace, departing: list[Value], numpy_ops: list[Value],
                          torch_ops: list[Value], tolerance: float, said: Callable) -> list[tuple[str, Callable[[], tuple | None]]]:
    """The readings of an einsum written otherwise: its subscripts apart, or the port's changed a little."""
    return [
        ("subscripts", lambda: said("forward", subscripts_apart(numpy_ops, torch_ops, numpy_trace), "Write the einsum with the "
                                    "same subscripts in both programs.", 0.85)),
        ("subscripts", lambda: said("forward", einsum_again(torch_ops, torch_trace.called, departing[:60], tolerance),
                                    "Write the einsum's subscripts as the NumPy program computes it.", 0.85)),
    ]
