"""The constants each program builds before training and multiplies its data by: a graph's propagation matrix, a
mask, a fixed projection. Held by the NumPy program's objects (an attribute) and by the port's modules (a buffer, a
tensor attribute), they never appear in the step's trace as values of their own, so where the programs part at an
op with such an operand, the two programs' constants of one shape are compared: transposed, one multiple of the
other, the same non-zero pattern with a factor per row and per column (a normalisation by other degrees), a
diagonal on one side only (self-loops), or entries apart."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.recompute import recomputed, replay
from parity.diagnosis.value_trace import describe

SMALLEST = 4  # elements: a scalar or a pair is a setting, not a constant matrix
STEPS_ON = 4  # elementwise ops from a product to the gradient its transpose is read against


def numpy_constants(places: list[tuple[Any, Any, np.ndarray, str]], parameters: list[np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays the NumPy program's objects hold that are no parameter and not all zeros (optimizer state starts so),
    by their path (ema['W1'])."""
    found = {}
    for _, _, array, name in places:
        if array.size >= SMALLEST and np.any(array) and not any(p.shape == array.shape and np.array_equal(p, array) for p in parameters):
            found[name] = np.array(array, np.float64)
    return found


def port_constants(model: Any) -> dict[str, np.ndarray]:
    """The port's buffers and plain tensor attributes of its modules, alone or in a dict or list (not parameters, not
    all zeros)."""
    if not isinstance(model, nn.Module):
        return {}
    found = {name: tensor for name, tensor in model.named_buffers()}
    for prefix, module in model.named_modules():
        for key, value in vars(module).items():
            name = f"{prefix}.{key}" if prefix else key
            held = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, (list, tuple)) else ()
            found.update({f"{name}[{k!r}]": v for k, v in held if torch.is_tensor(v) and not isinstance(v, nn.Parameter)})
            if torch.is_tensor(value) and not isinstance(value, nn.Parameter):  # (a dict of shadow weights: each entry)
                found[name] = value
    found = {name: t.to_dense() if t.layout != torch.strided else t for name, t in found.items()}  # a sparse adjacency as its numbers
    return {name: t.detach().double().cpu().numpy() for name, t in found.items()
            if t.numel() >= SMALLEST and t.is_floating_point() and bool(t.detach().abs().sum() > 0)}


def constants_apart(mine: dict[str, np.ndarray], theirs: dict[str, np.ndarray], linear: bool = False) -> str:
    """The first pair of square constants of one shape (the NumPy program's, the port's) that differ, nearest first,
    read; '' where every pair agrees or none pairs. `linear`: the port multiplies by weights in nn.Linear's (out, in)
    layout there, so a constant it holds (a weight's mask) agrees with the NumPy program's transposed too."""
    pairs = sorted(((a, b) for a in mine for b in theirs if mine[a].shape == theirs[b].shape and mine[a].ndim == 2
                    and mine[a].shape[0] == mine[a].shape[1]),
                   key=lambda pair: float(np.abs(mine[pair[0]] - theirs[pair[1]]).max()))
    if not pairs or any(np.allclose(mine[a], form, rtol=1e-5, atol=1e-7) for a, b in pairs
                        for form in ((theirs[b], theirs[b].T) if linear else (theirs[b],))):
        return ""  # the constants agree (or none compares): they do not part the programs
    a, b = pairs[0]
    graph = np.all(mine[a] >= 0) and np.all(theirs[b] >= 0)  # an adjacency, a normalised one: its edges and degrees read
    said = _relation(mine[a], theirs[b]) if graph else (
        "other numbers throughout, not a graph's edges or degrees (entries of both signs): one program reads that "
        "matrix from another source, such as the parameters themselves where a copy kept apart (an average, a "
        "teacher's weights) belongs, or the reverse.")
    return (f"The two programs hold different constant matrices: the NumPy program's {a} {mine[a].shape} and the "
            f"port's {b}: {said}")


def _relation(m: np.ndarray, t: np.ndarray) -> str:
    if np.allclose(m, t.T, rtol=1e-5, atol=1e-7):
        return "one is the other transposed (a directed graph's edges read the other way: A where A.T belongs)."
    eye = np.eye(len(m))
    for shifted, words in ((m - eye, "the port's has no identity added where the NumPy program's has (self-loops)"),
                           (m + eye, "the port's has the identity added where the NumPy program's has not (self-loops)")):
        for other, turned in ((t, ""), (t.T, ", and transposed")):
            if np.allclose(shifted, other, rtol=1e-5, atol=1e-7):
                return f"{words}{turned}."
    support_m, support_t = m != 0, t != 0
    if np.array_equal(support_m, support_t):
        ratio = np.where(support_m, t / np.where(support_m, m, 1.0), np.nan)
        return _factors(m, t, ratio)
    diagonal = np.diag(support_m) != np.diag(support_t)
    if np.any(diagonal) and np.array_equal(support_m & ~eye.astype(bool), support_t & ~eye.astype(bool)):
        side = "the NumPy program's" if np.diag(support_m).sum() > np.diag(support_t).sum() else "the port's"
        return f"the same off-diagonal entries, but only {side} has non-zeros on the diagonal (self-loops on one side only)."
    return (f"other non-zero entries ({int((support_m != support_t).sum())} of {m.size} placed otherwise): the two are "
            "built from other edges.")


def _factors(m: np.ndarray, t: np.ndarray, ratio: np.ndarray) -> str:
    """Entries of one pattern apart by a factor: one for all, or one per row and one per column (a normalisation)."""
    values = ratio[np.isfinite(ratio)]
    if np.ptp(values) <= 1e-6 * np.abs(values).max():
        return f"the port's entries are {float(values.mean()):.6g} times the NumPy program's."
    rows_m, rows_t = m.sum(axis=1), t.sum(axis=1)
    columns_m, columns_t = m.sum(axis=0), t.sum(axis=0)
    said = (f"the same non-zero pattern with other weights (a normalisation by other degrees: D^-1/2 (A + I) D^-1/2, "
            f"D^-1 A, the degrees with or without self-loops, of rows or columns). The NumPy program's rows sum to "
            f"{_few(rows_m)} and its columns to {_few(columns_m)}; the port's rows to {_few(rows_t)}, columns to {_few(columns_t)}.")
    laws = [(who, _degree_law(matrix)) for who, matrix in (("NumPy program's", m), ("port's", t))]
    if all(law for _, law in laws) and laws[0][1] != laws[1][1]:
        said += " Read against each node's degree d (its non-zeros, self-loop included), entry (i, j) is f(d_i)·f(d_j) " \
                "with f(d) = " + "; ".join(f"{law} in the {who}" for who, law in laws) + "."
    return said + _which_normalised(m, t)


def _degree_law(matrix: np.ndarray) -> str:
    """Entries f_i·f_j on the non-zeros with f a function of the node's degree: c·d^a fitted, or (d ± 1)^-1/2."""
    diagonal = np.diag(matrix)
    if np.any(diagonal <= 0):
        return ""
    f = np.sqrt(diagonal)
    support = matrix != 0
    if not np.allclose(matrix, np.outer(f, f) * support, rtol=1e-6, atol=1e-12):
        return ""
    d = support.sum(axis=1).astype(np.float64)
    if np.ptp(d) == 0:
        return ""
    for k in (0, -1, 1):
        for a in (-0.5, -1.0):
            c = float(np.mean(f / (d + k) ** a))
            if np.allclose(f, c * (d + k) ** a, rtol=1e-6):
                base = "d" if k == 0 else f"(d {'-' if k < 0 else '+'} {abs(k)})"
                scale = "" if abs(c - 1) <= 1e-6 else f"{c:.4g}·"
                return f"{scale}{base}^{a:g}"
    return ""


def _which_normalised(m: np.ndarray, t: np.ndarray) -> str:
    stochastic = [(name, words) for name, words, matrix in (("NumPy program's", "rows", m), ("port's", "rows", t))
                  if np.allclose(matrix.sum(axis=1), 1)] + \
                 [(name, "columns") for name, matrix in (("NumPy program's", m), ("port's", t)) if np.allclose(matrix.sum(axis=0), 1)]
    return "".join(f" The {name} {words} sum to 1 (a mean over neighbours)." for name, words in stochastic)


def _few(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.3g}" for v in values[:5]) + (", …]" if len(values) > 5 else "]")


def constant_transposed(value: Any, trace: Any, other: Any, tolerance: float) -> str:
    """A NumPy backward value that is a square matrix times a traced value (the very weight the product took, or a
    held matrix), where the matrix's transpose gives a gradient of the port's: the gradient sent back through the
    product untransposed (exact only for a symmetric matrix: an undirected graph's, not a directed one's)."""
    if value.op == "matmul" and len(value.inputs) == 2 and all(isinstance(i, int) for i in value.inputs):
        return _made_square_transposed(value, trace, other, tolerance)
    if value.op != "matmul" or len(value.inputs) != 2 or "?" not in value.inputs:
        return ""
    left = value.inputs[0] == "?"
    source = value.inputs[1 if left else 0]
    if not isinstance(source, int):
        return ""
    known = trace.values[source].array
    unseen = getattr(value, "unseen", {}).get(0 if left else 1)
    if unseen is not None and _turned(unseen, known, left, value, other, tolerance, trace):
        return (f"It multiplies by the matrix the product takes, of shape {unseen.shape}, where its transpose gives the "
                "port's gradient: the gradient of a product goes back through the transpose (Mᵀ @ d for M @ h), which a "
                "square matrix lets run untransposed.")
    for name, matrix in trace.constants.items():
        if _turned(matrix, known, left, value, other, tolerance, trace):
            return (f"It multiplies by the held matrix {name} {matrix.shape} where its transpose {name}.T gives the port's "
                    f"gradient: the gradient of a product by a constant matrix goes back through the transpose "
                    f"({name}.T @ d for {name} @ h), and {name} is not symmetric (a directed graph's matrix).")
    return ""


def _turned(matrix: np.ndarray, known: np.ndarray, left: bool, value: Any, other: Any, tolerance: float, trace: Any) -> bool:
    """Whether the value is this non-symmetric square matrix times the known operand, and the product with its
    transpose is one of the port's gradients."""
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or np.allclose(matrix, matrix.T):
        return False
    made = (lambda m: m @ known) if left else (lambda m: known @ m)
    try:
        if not np.allclose(made(matrix), value.array, rtol=1e-5, atol=1e-7):
            return False
        turned = made(matrix.T)
    except ValueError:  # shapes that do not fit this matrix
        return False
    # the product alone, or the sum it is one term of (a node's own path added to its neighbours'), recomputed
    made_again = [turned, *(r for u in value.users[:3] if (r := recomputed(trace.values[u], value.index, turned, trace)) is not None)]
    return any(v.array.shape == r.shape and is_gradient(v) and
               np.abs(v.array - r).max() <= tolerance * max(float(np.abs(v.array).max()), 1e-30) for r in made_again for v in other.values)


def _made_square_transposed(value: Any, trace: Any, other: Any, tolerance: float) -> str:
    """A product by a square matrix the step itself builds (a risk set's R[i, j] = t_j >= t_i from the data), where
    recomputed with its transpose a value a few elementwise ops on is one of the port's gradients: Mᵀ @ v meant."""
    for position, source in enumerate(value.inputs):
        matrix = trace.values[source].array
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] < 3 or np.allclose(matrix, matrix.T):
            continue
        operand = trace.values[value.inputs[1 - position]].array
        try:
            turned = matrix.T @ operand if position == 0 else operand @ matrix.T
        except ValueError:
            continue
        for later in _after(trace, value.index, STEPS_ON):
            again = replay(trace, later, {value.index: turned}, STEPS_ON)
            if again is not None and any(v.array.shape == again.shape and is_gradient(v) and np.abs(v.array - again).max() <=
                                         tolerance * max(float(np.abs(v.array).max()), 1e-30) for v in other.values):
                return (f"It multiplies by {describe(trace.values[source])}, a square matrix the step builds and not a "
                        f"symmetric one, where its transpose gives the port's gradient {STEPS_ON} ops on at most: the "
                        "gradient of a product goes back through the transpose (Mᵀ @ d for M @ h), which a square matrix "
                        "lets run untransposed.")
    return ""


def _after(trace: Any, index: int, depth: int) -> list[int]:
    """The values made from a value within `depth` ops, nearest first."""
    found, frontier = [], [index]
    for _ in range(depth):
        frontier = [u for i in frontier for u in trace.values[i].users if u not in found]
        found += frontier
    return found
