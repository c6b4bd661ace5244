"""Where a step moves its weights within itself before a later backward pass (SAM's climb to w + ρ·g/‖g‖, an
extragradient's look-ahead), read on both sides: the port's move from the weights its later pass is taken at (hooks),
the NumPy program's from the values its step writes into its parameters (traced). Where the two moves agree, the later
gradients are judged at those weights; where they part, how they part is said, measured:

    Δ_numpy = c·Δ_port      c = -1: the other way; one c: another radius; one c per tensor: normalised per tensor
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.accumulated_terms import between_passes
from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.finding import Finding
from parity.diagnosis.quietly import quietly
from parity.diagnosis.replays import Passes, port_gradients_taken, traces
from parity.diagnosis.value_trace import Trace

MOVES_AGREE = 1e-3  # a move against the other side's, relative to its norm: float32 weights written and read again
WRITES = ("add", "subtract")  # a parameter moved by a term: p += e, p = p - e
OTHERWISE = "otherwise (not a multiple of the port's move)"
NO_MOVE = "the NumPy program writes no move of its weights like the port's (none of the values it writes is one)"


def numpy_moves(trace: Trace, start: dict[str, np.ndarray], port_moves: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each parameter's move within the NumPy step: of the values the step makes by adding a term to an array it holds
    (its parameters are among them), the one of the parameter's shape whose move is nearest the port's; 0 where none."""
    moves = {}
    for name, first in start.items():
        wanted = port_moves[name]
        written = [v.array - first for v in trace.values if v.op.removesuffix(" (in place)") in WRITES and "?" in v.inputs
                   and v.array.shape == first.shape and np.any(v.array != first)]
        moves[name] = min(written, key=lambda d: float(np.linalg.norm(d - wanted)), default=np.zeros_like(first))
    return moves


def moves_apart(numpy_moved: dict[str, np.ndarray], port_moved: dict[str, np.ndarray]) -> str:
    """How the NumPy program's move within the step parts from the port's, in words; "" where they agree."""
    apart = [n for n in port_moved if np.any(port_moved[n])  # one the port leaves still may move later (its own update)
             and np.linalg.norm(numpy_moved[n] - port_moved[n]) > MOVES_AGREE * np.linalg.norm(port_moved[n])]
    if not apart:
        return ""
    factors = {n: _factor(numpy_moved[n], port_moved[n]) for n in port_moved if np.any(port_moved[n])}
    if not factors or any(c is None for c in factors.values()):
        return f"the NumPy program moves {apart[0]} {OTHERWISE}"
    values = np.array(list(factors.values()))
    if np.allclose(values, 0.0, atol=MOVES_AGREE):
        return NO_MOVE
    if np.allclose(values, -1.0, rtol=MOVES_AGREE):
        return "the NumPy program moves every parameter by minus the port's move: the other way along the gradient"
    if np.allclose(values, values[0], rtol=10 * MOVES_AGREE):
        return f"the NumPy program's move is the port's times {values[0]:.4g} on every parameter: another radius or norm"
    per_tensor = {side: _one_norm_each(moves) for side, moves in (("port", port_moved), ("NumPy program", numpy_moved))}
    words = ", ".join(f"{n} ×{c:.4g}" for n, c in factors.items())
    for side, norm in per_tensor.items():
        if norm is not None and per_tensor["port" if side != "port" else "NumPy program"] is None:
            return (f"the NumPy program's move is the port's times one factor per tensor ({words}): the {side} moves each "
                    f"tensor by the same norm {norm:.4g} (normalised per tensor), the other side by one norm over all of them")
    return f"the NumPy program's move is the port's times one factor per tensor ({words})"


def _factor(mine: np.ndarray, theirs: np.ndarray) -> float | None:
    fit = fit_ratio(mine, theirs)
    return fit[0] if fit is not None and fit[1] <= MOVES_AGREE else None


def _one_norm_each(moves: dict[str, np.ndarray]) -> float | None:
    norms = np.array([np.linalg.norm(m) for m in moves.values() if np.any(m)])
    return float(norms[0]) if norms.size > 1 and np.allclose(norms, norms[0], rtol=10 * MOVES_AGREE) else None


def passes_read(setup: Any, built: Any, context: Any, parameter: str, evidence: dict) -> tuple[list[Finding], Any, Any]:
    """The port's step again, its passes apart: the pass each side steps with; where it takes the parameter's gradient
    after moving its weights, the two moves read too: (findings, the passes as `port_gradients_taken` gives them, the
    weights both sides take the gradient at alike, where they do)."""
    step = evidence["step"]
    taken = quietly(port_gradients_taken, setup, built, step)
    if not taken:
        return [], taken, None
    found = [f for f in (between_passes(taken[1], parameter, (context.numpy_record, context.torch_record), evidence),) if f]
    if parameter not in taken[1].taken_at:
        return found, taken, None
    apart, at = quietly(moved_alike, setup, built, context, step, taken[1], parameter) or ("", None)
    if apart:
        return [*found, moved_finding(parameter, apart, evidence)], taken, None
    return [*found, taken_elsewhere_finding(parameter, evidence)], taken, at  # the place, beneath any reading


def moved_alike(setup: Any, built: Any, context: Any, step: int, passes: Passes, parameter: str) -> tuple[str, dict]:
    """Where the port's last pass for the parameter is taken after its weights moved: how the NumPy program's move
    parts from it ("" where they agree), and the weights it is taken at (by parameter name, in the NumPy layout)."""
    at = passes.taken_at[parameter]
    start = {n: np.asarray(context.numpy_before[n], np.float64) for n in at}
    port_moved = {n: np.asarray(at[n], np.float64) - start[n] for n in at}
    numpy_trace, _ = traces(setup, built, step)
    return moves_apart(numpy_moves(numpy_trace, start, port_moved), port_moved), at


def moved_finding(parameter: str, apart: str, evidence: dict) -> Finding:
    """The two moves compared: a law between them (the other way, another radius, per tensor) at 0.8; a parameter moved
    otherwise, no law, is a place (an optimizer's step before the later pass, clipped otherwise)."""
    return Finding("moved-within-step", f"The sides part at step {evidence['step']} in the gradient of {parameter}, which the "
                   "port's step takes after moving its weights within the step (measured: a later backward pass at weights "
                   f"away from the step's start, as after SAM's climb): {apart} (measured from the values each step writes). "
                   "Which move is meant the numbers alone do not tell.", evidence,
                   "Compare how each program moves its weights before the later pass: the direction, the norm it divides "
                   "by (one over all parameters, or each tensor's own), the radius and which parameters move.",
                   0.6 if OTHERWISE in apart or apart == NO_MOVE else 0.8)


def taken_elsewhere_finding(parameter: str, evidence: dict) -> Finding:
    return Finding("moved-within-step", f"The sides part at step {evidence['step']} in the gradient of {parameter}. The port's "
                   "step back-propagates after its parameters moved within the step (measured: a gradient arrived while they "
                   "stood away from the step's start, as after SAM's perturbation or another optimizer's step), so the "
                   "gradient it steps with is taken elsewhere and finite differences of the loss at the start judge neither "
                   "side.", evidence, "Compare where each program moves its weights within the step (the perturbation's sign, "
                   "norm and scope, the weights restored) and the forward pass the later gradient is taken from (a fresh one "
                   "at the moved weights), and that the gradients are zeroed between the passes.", 0.45)
