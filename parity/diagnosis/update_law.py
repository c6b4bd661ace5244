"""The law a side's updates follow, fitted over a few steps: u_t = a·u_{t-1} + b·g_t + c·g_{t-1}.

Every first-order optimizer of the SGD family is such a recurrence in its
updates u and the run's true gradients g (in lockstep both taken at the
same weights): plain SGD (0, -lr, 0), heavy-ball momentum (μ, -lr(1 - d),
0), an average (β, -lr(1 - β), 0), Nesterov (μ, -lr(1 + μ), lr·μ). The three
numbers are fitted to the side's own updates past its first step; where the
fit holds and differs from the run's optimizer, the finding gives both and
reads the difference (momentum never applied, the learning rate applied
twice, another momentum). Adam is not linear in its gradients: not read here.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

import numpy_net
from parity.config.config import RunConfig
from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import SIDE_PROGRAMS as SIDES, Finding
from parity.diagnosis.step_laws import stepped
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE

STEPS = 4  # updates fitted, each past the first step


def expected_law(config: RunConfig) -> tuple[float, float, float] | None:
    """(a, b, c) of the run's optimizer past its first step; None for Adam."""
    lr, mu = config.lr, config.momentum
    return {"sgd": (0.0, -lr, 0.0), "momentum": (mu, -lr * (1 - config.dampening), 0.0), "nesterov": (mu, -lr * (1 + mu), lr * mu),
            "ema-momentum": (mu, -lr * (1 - mu), 0.0)}.get(config.optimizer)


def update_law_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """The user's side whose updates follow another law of the SGD family than the run's optimizer; or None."""
    run = expected_law(setup.config)
    if run is None or setup.config.mode != "lockstep" or setup.config.world_size > 1:
        return None
    try:
        history = _history(setup, failure)
    except Exception:  # a program that cannot be replayed: no law measured
        return None
    for side in setup.user_sides or ("numpy",):  # the kit's own run: its NumPy side may be a variant
        fitted = _fit(history, side, setup.config.dtype)
        if fitted is not None and not _same_law(fitted, run, setup.config.lr):
            return _finding(side, fitted, run, setup.config)
        if fitted is None:
            split = _split(history, side, run, setup.config) or _shared(history, side, run, setup.config)
            if split:
                return split
    return None


def shared_state_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    """From the first step on: parameters of one shape stepping through one optimizer state (a buffer keyed by shape,
    or by the suffix of the parameter's name), read from their updates in the order they are visited."""
    run = expected_law(setup.config)
    if run is None or run[0] == 0 or setup.config.mode != "lockstep" or setup.config.world_size > 1:
        return None
    try:
        history = _history(setup, failure)
    except Exception:  # a program that cannot be replayed: no law measured
        return None
    return next((f for side in setup.user_sides or ("numpy",) if (f := _shared(history, side, run, setup.config))), None)


def _shared(history: list[dict], side: str, run: tuple, config: RunConfig) -> Finding | None:
    """The run's law holds over the sequence of updates that visits a group of same-shape parameters in turn, each
    step, and not per parameter: they share one buffer, so each update carries the parameters visited before it."""
    shapes: dict[int, list[str]] = {}
    for p in history[0]["names"]:
        shapes.setdefault(history[0][f"g:{p}"].size, []).append(p)
    for group in (g for g in shapes.values() if 2 <= len(g) <= 4):
        if all(_fits_law([(h[f"{side}:{p}"], h[f"g:{p}"]) for h in history], run, config) for p in group):
            continue  # each parameter follows the law by itself: nothing shared
        for order in itertools.permutations(group):
            if _fits_law([(h[f"{side}:{p}"], h[f"g:{p}"]) for h in history for p in order], run, config):
                names = ", ".join(order)
                return Finding("update-law", f"The {SIDES[side]} side's {names} share one optimizer state: the run's "
                               f"--optimizer {config.optimizer} law holds over their updates taken in turn ({' → '.join(order)}, "
                               "each step), not for each by itself, so each update carries the parameters' before it: one "
                               "momentum buffer (velocity) shared, as when buffers are keyed by shape or by the name's "
                               "suffix ('weight', 'bias') rather than by the whole parameter.",
                               {"side": side, "shared": list(order)}, "Keep one buffer per parameter, keyed by the "
                               "parameter itself (its full name, or id(p)).", 0.9)
    return None


def _fits_law(sequence: list[tuple[np.ndarray, np.ndarray]], run: tuple, config: RunConfig) -> bool:
    """Every update of the sequence past its first is a·u_prev + b·g + c·g_prev with the run's (a, b, c)."""
    a, b, c = run
    predicted = [a * u0 + b * g1 + c * g0 for (u0, g0), (_, g1) in zip(sequence, sequence[1:]) if u0.shape == g1.shape]
    observed = [u1 for (u0, _), (u1, g1) in zip(sequence, sequence[1:]) if u0.shape == g1.shape]
    return bool(predicted) and len(predicted) == len(sequence) - 1 and relative_gap(np.concatenate(predicted), np.concatenate(observed)) \
        <= 10 * MATCH_TOLERANCE[config.dtype]


def _same_law(fitted: tuple, run: tuple, lr: float) -> bool:
    return bool(np.allclose(fitted, run, rtol=1e-3, atol=1e-6 * abs(lr)))


def _split(history: list[dict], side: str, run: tuple, config: RunConfig) -> Finding | None:
    """No one law for the whole update, but one per parameter: some follow the run's optimizer, the others another law
    (momentum kept for the weights only, say)."""
    laws = {p: _fit([{**h, side: h[f"{side}:{p}"], "g": h[f"g:{p}"]} for h in history], side, config.dtype)
            for p in history[0]["names"]}
    if any(law is None for law in laws.values()):
        return None
    right = [p for p, law in laws.items() if _same_law(law, run, config.lr)]
    other = [p for p in laws if p not in right]
    if not right or not other or len({tuple(np.round(laws[p], 6)) for p in other}) != 1:
        return None
    found, (a, b, c) = _finding(side, laws[other[0]], run, config), laws[other[0]]
    plain = (f"{', '.join(other)} step without momentum (plain gradient descent, {b / -config.lr:.4g}·lr times the "
             f"gradient), while {', '.join(right)} follow the run's momentum: a velocity kept for some parameters only. "
             if a == 0 and c == 0 and run[0] else "")
    return Finding(found.name, f"{plain}{', '.join(right)} follow the run's --optimizer {config.optimizer}; {', '.join(other)} "
                   f"do not. For {', '.join(other)}: {found.explanation}", {**found.evidence, "tensors": other, "right": right},
                   f"Give {', '.join(other)} the same optimizer as {', '.join(right)}.", found.score)


def _history(setup: Setup, failure: FailureContext) -> list[dict[str, Any]]:
    """From the step before the failing one (or step 1): each side's updates, and the run's gradient, in lockstep."""
    first = max(failure.step - 1, 1)
    numpy, torch = setup.replay(first)
    loss = numpy_net.make_loss(setup.config.loss, setup.config.output_activation)
    steps = []
    for step in range(first, max(failure.step, 2) + STEPS):
        params = {p: np.asarray(v, np.float64) for p, v in numpy.params().items()}
        X, y = (np.asarray(a, np.float64) for a in setup.batch(step))
        acts = numpy_net.forward(params, X, setup.config.hidden_activation, setup.config.output_activation)
        grads = numpy_net.network.backward(params, X, acts, y, loss, setup.config.hidden_activation)
        rows = setup.rows(step)
        names = sorted(params)
        record: dict[str, Any] = {"step": step, "names": names, "g": np.concatenate([grads[p].ravel() for p in names]),
                                  **{f"g:{p}": grads[p].ravel() for p in names}}
        for name, side in (("numpy", numpy), ("torch", torch)):
            moved = {p: update.ravel() for p, update in stepped(side, rows).items()}
            record[name] = np.concatenate([moved[p] for p in names])
            record.update({f"{name}:{p}": moved[p] for p in names})
        torch.load(numpy.params())
        steps.append(record)
    return steps


def _fit(history: list[dict], side: str, dtype: str) -> tuple[float, float, float] | None:
    rows = [(h, previous) for previous, h in zip(history, history[1:]) if h["step"] >= 2]
    if len(rows) < 3:
        return None
    u = np.concatenate([h[side] for h, _ in rows])
    A = np.stack([np.concatenate([p[side] for _, p in rows]), np.concatenate([h["g"] for h, _ in rows]),
                  np.concatenate([p["g"] for _, p in rows])], axis=1)
    if not np.any(u) or u.shape[0] != A.shape[0]:
        return None
    # the simplest law that fits: where u is a multiple of g, u_(t-1) and g_(t-1) are one column twice over
    for columns in ((1,), (0, 1), (1, 2), (0, 1, 2)):
        fitted, *_ = np.linalg.lstsq(A[:, columns], u, rcond=None)
        if relative_gap(A[:, columns] @ fitted, u) <= 10 * MATCH_TOLERANCE[dtype]:
            coefficients = np.zeros(3)
            coefficients[list(columns)] = fitted
            return tuple(float(x) for x in coefficients)
    return None


def _finding(side: str, fitted: tuple, run: tuple, config: RunConfig) -> Finding:
    a, b, c = fitted
    shown = f"(a, b, c) = ({a:.4g}, {b:.4g}, {c:.4g})"
    law = f"u_t = a·u_(t-1) + b·g_t + c·g_(t-1) with {shown}, where the run's --optimizer {config.optimizer} gives ({run[0]:.4g}, {run[1]:.4g}, {run[2]:.4g})"
    reading, score = _reading(fitted, run, config), 0.9
    if not reading:
        reading, score = "an optimizer of the same family with other constants", 0.7
    return Finding(
        "update-law",
        f"The {SIDES[side]} side's updates follow {law}: {reading}. (u: its updates, g: the run's gradients at the same "
        "weights, fitted over several steps past the first.)",
        {"side": side, "fitted": list(fitted), "run": list(run), "optimizer": config.optimizer},
        f"Write the update as --optimizer {config.optimizer} does, or run with the optimizer the program means.",
        score,
    )


def close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-3 * max(abs(y), 1e-12)


def _reading(fitted: tuple, run: tuple, config: RunConfig) -> str:
    a, b, c = fitted
    if a == 0 and c == 0 and run[0] != 0:
        return (f"nothing of the previous update is carried (a = 0): no momentum at all, each update is {b / -config.lr:.4g}·lr "
                "times the gradient; a velocity kept but never applied, or reset every step")
    if config.optimizer == "nesterov" and close(a, run[0]) and run[0] and not close(b, run[1]):
        k = -b / config.lr - 1  # u = -lr·(g + k·v), v = μ·v + g: (μ, -lr·(1 + k), lr·μ), whatever k
        if close(c, run[2]):
            return (f"Nesterov's look-ahead weighted {k:.4g} where it is μ = {run[0]:g}: lr·(g + {k:.4g}·v), not lr·(g + μ·v)"
                    + (" (the μ of the look-ahead left out)" if close(k, 1) else ""))
    if close(a, run[0]) and close(c, run[2]) and b and run[1]:
        factor = b / run[1]
        if close(factor, config.lr) and config.lr != 1:
            return f"the gradient's coefficient is lr times the run's: the learning rate applied twice (lr·lr = {config.lr ** 2:.4g})"
        return f"the gradient enters {factor:.4g} times as strongly as in the run's optimizer (a learning rate, a loss scale or a dampening)"
    if abs(a) <= 1e-3 * max(abs(b), 1e-12) and run[0] and close(b, run[1]) and close(c, run[0] * b):
        return (f"a momentum with a one-step memory: each update is the gradient's step plus {run[0]:g} times the previous "
                "step's gradient part alone (c = μ·b, a = 0), as when the remembered step is only lr·g, not the whole update "
                "(prev = lr * g where prev = the update itself belongs)")
    # "a momentum" only where the law has a momentum's form: heavy ball (c = 0) or Nesterov (c = -b·a/(1 + a))
    momentum_form = abs(c) <= 1e-3 * abs(b) or (a != -1 and close(c, -b * a / (1 + a)))
    if close(a, run[0] ** 2) and run[0] and momentum_form:
        return f"a momentum of {a:.4g} = {run[0]:g}², the momentum applied twice"
    if config.optimizer == "ema-momentum" and run[0] and close(a, 1 - run[0]) and close(b / -config.lr, run[0]):
        return (f"the moving average's two weights swapped: v = {a:.4g}·v + {b / -config.lr:.4g}·g, where it is v = "
                f"{run[0]:g}·v + {1 - run[0]:.4g}·g (β and 1 - β exchanged)")
    if run[0] and run[1] and close(a, run[1] / -config.lr) and close(b / -config.lr, run[0]) and not close(a, run[0]):
        return (f"the momentum and the gradient's weight swapped: the previous update carried with {a:.4g} and the gradient "
                f"scaled by {b / -config.lr:.4g} = μ, that is buf = buf + μ·g, the momentum multiplying the gradient, not the "
                "buffer (buf = μ·buf + g)")
    if not close(a, run[0]) and 0 < a < 1 and run[1] and close(b, (1 - a) * run[1]):
        return (f"an exponential moving average with β = {a:.4g}: each update is β times the last plus (1 - β) times the run's "
                "step (b = (1 - β)·b_run), as when the updates, or the weights themselves (an EMA of the weights loaded back "
                "into the model), are averaged")
    if not close(a, run[0]):
        return f"a momentum of {a:.4g} where the run's is {run[0]:g}" if momentum_form else ""
    return _one_sign(fitted, run) or _one_factor(fitted, run, config)


def _one_factor(fitted: tuple, run: tuple, config: RunConfig) -> str:
    """The run's law but for the previous gradient's term, a multiple of the run's."""
    a, b, c = fitted
    if not (close(a, run[0]) and close(b, run[1]) and run[2] and c and not close(c, run[2])):
        return ""
    factor = c / run[2]
    swapped = (f": Nesterov's update written lr·(v + μ·g) where it is lr·(g + μ·v), the velocity and the gradient "
               f"swapped (that makes c = lr·μ² = {config.lr * config.momentum ** 2:.4g} and leaves the first step alike)"
               if config.optimizer == "nesterov" and close(factor, config.momentum) else "")
    return f"the previous gradient's term c·g_(t-1) is {factor:.4g} times the run's{swapped}"


def _one_sign(fitted: tuple, run: tuple) -> str:
    """The run's law but for one coefficient of the opposite sign: a term written with + where - belongs."""
    terms = ("the previous update's term a·u_(t-1)", "the gradient's term b·g_t", "the previous gradient's term c·g_(t-1)")
    flipped = [k for k in range(3) if run[k] and close(fitted[k], -run[k])]
    if len(flipped) == 1 and all(close(fitted[k], run[k]) for k in range(3) if k != flipped[0]):
        k = flipped[0]
        extra = (" (in the cs231n form, w += -μ·v_prev + (1 + μ)·v, the previous velocity's term -μ·v_prev written with + "
                 "or its sign lost)") if k == 2 else ""
        return f"{terms[k]} has the wrong sign: {fitted[k]:.4g} where the run's is {run[k]:.4g}, a sign flip{extra}"
    return ""
