"""Central differences of the NumPy program's own loss at a step's start, in float64, on a few entries of one
parameter, against both programs' gradients of it: which side's gradient is its loss's derivative.

    ∂L/∂θ_i ≈ (L(θ + h·e_i) - L(θ - h·e_i)) / 2h

They judge a gradient taken at the step's start. A port whose step back-propagates after its parameters moved
within it (SAM's second pass at w + ε, a backward after another optimizer's step) takes the gradient it steps with
elsewhere, and so does a NumPy program that ports it: the differences judge neither side there, and say nothing.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import FD_AGREES, FD_ELEMENTS, FD_STEP


def finite_differences(setup: Setup, built, context, parameter: str, step: int, taken: tuple | None,
                       at: dict | None = None) -> dict | None:
    """Central differences of the NumPy program's own loss (its --loss-expr, or net.loss(X, y)) in float64, on a few
    elements of the parameter, at the step's start or, given `at`, at the weights the port's later backward pass takes
    the parameter's gradient at (both sides moved there alike); None where the program gives no loss to differentiate,
    or where the port's step (`taken`: as `port_gradients_taken` gives it, None where it cannot be stepped again) takes
    the gradient at moved weights and no `at` is given."""
    program = built.numpy_program
    numpy_side, _ = built.make_sides()
    net = numpy_side.names["net"]
    expression = program.loss or ("net.loss(X, y)" if callable(getattr(net, "loss", None)) else "")
    moved = taken is not None and parameter in taken[1].taken_at
    if not expression or moved and at is None:
        return None
    side = numpy_side.promoted()
    X, y = side.X[setup.rows(step)], side.y[setup.rows(step)]
    pair = next(p for p in built.pairs if p.name == parameter)
    side.load({p.name: np.asarray((at or context.numpy_before)[p.name], np.float64) for p in built.pairs})
    target = side.read(pair)
    if not target.flags.writeable or target.dtype != np.float64:
        return None
    scope = {**side.names, "X": X, "y": y}

    def loss() -> float:
        return float(side.program.evaluate(side.code, "loss", scope, step) if program.loss else eval(expression, {"np": np}, scope))

    rng = np.random.default_rng(0)
    flat = target.reshape(-1)
    picks = rng.choice(flat.size, size=min(FD_ELEMENTS, flat.size), replace=False)
    scale = max(float(np.abs(flat).max(initial=0.0)), 1.0)
    estimates = []
    for index in picks:
        original, h = flat[index], FD_STEP * scale
        flat[index] = original + h
        up = loss()
        flat[index] = original - h
        down, flat[index] = loss(), original
        estimates.append((up - down) / (2 * h))
    estimates = np.array(estimates)
    a = np.ravel(context.numpy_record[f"{parameter}.grad"])[picks]
    b = np.ravel(context.torch_record[f"{parameter}.grad"])[picks]
    size = max(float(np.abs(estimates).max(initial=0.0)), 1e-12)
    numpy_error, torch_error = float(np.abs(a - estimates).max() / size), float(np.abs(b - estimates).max() / size)
    found = {"numpy_error": numpy_error, "torch_error": torch_error,
             "numpy_follows": numpy_error <= FD_AGREES, "torch_follows": torch_error <= FD_AGREES, "moved": moved}
    delivered = taken[0].get(parameter) if taken else None
    if not found["torch_follows"] and not moved and delivered is not None and delivered.size == np.size(context.torch_record[f"{parameter}.grad"]):
        # back-propagation gave the derivative and the port's step changed .grad after it (a centring, a hook, a clip)
        found["torch_delivered_follows"] = float(np.abs(np.ravel(delivered)[picks] - estimates).max() / size) <= FD_AGREES
    if not found["numpy_follows"] and not found["torch_follows"]:
        found |= {f"{side}_scaled": scale for side, g in (("numpy", a), ("torch", b)) if (scale := _scaled(g, estimates))}
    return found


def _scaled(gradient: np.ndarray, estimates: np.ndarray) -> float | None:
    """The one positive factor s with gradient = s·∂L/∂θ within FD_AGREES on every element read, where there is one: a
    step that scales the gradient after back-propagation (a clip by the global norm) keeps its direction."""
    norm = float(estimates @ estimates)
    if estimates.size < 2 or norm <= 0.0:
        return None
    scale = float(gradient @ estimates) / norm
    size = float(np.abs(scale * estimates).max())
    return scale if scale > 0.0 and float(np.abs(gradient - scale * estimates).max()) <= FD_AGREES * size else None


def follows(oracle: dict, side: str) -> bool:
    """Whether the side's gradient is its loss's derivative, or, where neither side's is, that derivative times one
    factor over the tensor while the other side's is not even that (both clip by the global norm, by their own norms)."""
    other = "torch" if side == "numpy" else "numpy"
    return oracle[f"{side}_follows"] or f"{side}_scaled" in oracle and f"{other}_scaled" not in oracle


def error_words(oracle: dict, side: str) -> str:
    scale = oracle.get(f"{side}_scaled")
    return f"{oracle[f'{side}_error']:.3g}" if scale is None else \
        f"up to one factor over the tensor, {scale:.4g}, as a clip by the global norm scales it"


def side_of(oracle: dict | None) -> dict:
    """The side whose gradient is not its loss's derivative, where finite differences tell one."""
    if not oracle or follows(oracle, "numpy") == follows(oracle, "torch"):
        return {}
    return {"side": "torch" if follows(oracle, "numpy") else "numpy"}


def ratio_side(oracle: dict | None, parameter: str) -> str:
    side = side_of(oracle).get("side")
    if side is None:
        return ""
    wrong, right = ("NumPy program's", "port's") if side == "numpy" else ("port's", "NumPy program's")
    return (f" Finite differences of the NumPy program's loss put the factor on one side: the {wrong} gradient of {parameter} "
            f"is not that loss's derivative (finite differences: {error_words(oracle, side)}); the {right} is.")


def ratio_fix(oracle: dict | None, parameter: str) -> str:
    side = side_of(oracle).get("side")
    if side == "numpy":
        return (f"Find the factor the NumPy backward applies on the way to {parameter}'s gradient (a mean's 1/n, the 2 of a "
                "square's derivative, a dropout's 1/(1 - p), a loss's weight): it is taken otherwise there.")
    if side == "torch":
        return "The port's loss scales this gradient otherwise than the NumPy program's: compare the port's loss with it."
    return "Use the same loss reduction and sign convention in both programs."


def oracle_fit(oracle: dict, form: str) -> float:
    """The fit of finite differences that put a wrong gradient on the NumPy side: a form of it read (its entries
    rearranged, a factor at its entry) is a mechanism; the side and the parameter alone, or a side that follows the
    loss only up to a clip's factor (a clipping read first), are a place."""
    return 0.8 if oracle["torch_follows"] and form else 0.75


def handled_after_backward(parameter: str, oracle: dict, evidence: dict) -> Finding:
    """Back-propagation's gradient in the port's step is the loss's derivative and the NumPy program's, and .grad as the
    port's optimizer takes it is not: a change the port's step makes between backward() and step(), which the NumPy
    program may make in its update instead. A place, no side."""
    return Finding("port-gradient", f"The NumPy gradient of {parameter} is the derivative of the NumPy loss (finite "
                   f"differences: {error_words(oracle, 'numpy')}), and so is the gradient back-propagation delivers in the "
                   f"port's step (measured); the port's step then changes .grad before its optimizer takes it (relative "
                   f"error {oracle['torch_error']:.3g}): the sides part at what the port does to .grad between backward() and "
                   "optimizer.step() (a centring, a mask, a hook, a decay or a clip).", evidence,
                   "Compare that handling of .grad with the NumPy program's: where the NumPy program makes the same "
                   "change inside its update, compare it there, in the same order as the port.", 0.6)


def where_words(oracle: dict) -> str:
    return " at the weights the port's step moves to before its later backward pass, where both programs move alike " \
           "(measured)" if oracle.get("moved") else ""
