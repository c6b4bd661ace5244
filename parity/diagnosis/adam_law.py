"""Adam's update read from a side's own steps, parameter by parameter and step by step.

In lockstep both sides start each step from the same weights, so the run's true gradients g_t (float64, the run's
model) give the moments m_t and v_t that any Adam keeps, whatever its bookkeeping. Each of the side's updates is then
read against them:

- the step counter: for every parameter and step, the t whose bias corrections reproduce the update,
  -lr·(m_t / (1 - β1^t)) / (√(v_t / (1 - β2^t)) + ε). A counter advanced once per parameter, never advanced, or
  off by some steps shows in that table;
- the first moment's correction: with the second moment right, the numerator N = -Δθ (√v̂ + ε) / lr fitted as
  α·m + β. m / 1 - β1^t, the parentheses missing, is α = 1 and β = -β1^t;
- which gradient each moment was taken of: at the first step m̂ = g and v̂ = g², so an update made from another
  parameter's gradient (a loop variable left over, an index slip) shows which one;
- the betas: the pair from the values people write whose moments reproduce every update (0.999 and 0.9 swapped);
- the denominator: with the first moment right, D = -lr·m̂ / Δθ, its square fitted as v̂ + β: ε inside the square
  root, √(v̂ + ε), is β = ε.

Where one reading fits every parameter and step it is named; otherwise this says nothing.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.adam_moments import BETAS, adam_update, moment_factor, moment_laws
from parity.diagnosis.evidence import relative_gap, run_gradients
from parity.diagnosis.finding import SIDE_PROGRAMS as SIDES, Finding
from parity.diagnosis.step_laws import stepped
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE

AHEAD = 2  # steps read past the failing one
MAX_STEPS = 8


def adam_law_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    config = setup.config
    if config.optimizer != "adam" or config.mode != "lockstep" or config.world_size > 1:
        return None
    side = setup.user_sides[0] if setup.user_sides else "numpy"  # the kit's own run: its NumPy side may be a variant
    steps = min(failure.step + AHEAD, MAX_STEPS)
    try:
        raw, updates, params = _history(setup, side, steps)
    except Exception:  # a program that cannot be replayed: nothing read
        return None
    tolerance = 10 * MATCH_TOLERANCE[config.dtype]
    wd = config.weight_decay
    grads = [{n: g[n] + wd * p[n] for n in g} for g, p in zip(raw, params)]  # torch.optim.Adam's L2 term, in the gradient
    moments = _moments(grads, config.betas)
    decoupled = _decoupled(updates, raw, params, config, side, tolerance) if wd else None
    readings = (_moments_late, _counter, _numerator, _denominator, _eps)
    found = decoupled or next((f for read in readings if (f := read(updates, moments, config, side, tolerance)) is not None), None)
    return found or _sources(updates[0], grads[0], config, side, tolerance) or _betas(updates, grads, config, side, tolerance) \
        or moment_factor(updates, moments, config, side, tolerance) \
        or moment_laws(updates, grads, moments, config, side, tolerance, raw if wd else None)


def _decoupled(updates: list[dict], raw: list[dict], params: list[dict], config, side: str, tolerance: float) -> Finding | None:
    """AdamW's decay, lr·wd·p taken from the weights beside a step whose moments see the bare gradient, where the run's
    Adam adds wd·p to the gradient before the moments (an L2 term)."""
    moments = _moments(raw, config.betas)
    if any(relative_gap(adam_update(*moments[t - 1][n], t, config) - config.lr * config.weight_decay * params[t - 1][n], u) > tolerance
           for t, moved in enumerate(updates, start=1) for n, u in moved.items() if np.any(u)):
        return None
    return Finding("optimizer-variant", f"The {SIDES[side]} program decays its weights as AdamW does, decoupled: p -= lr·wd·p "
                   f"beside Adam's step, the moments seeing the bare gradient, where the run's Adam (--weight-decay "
                   f"{config.weight_decay:g}) adds wd·p to the gradient before the moments (an L2 term). Every update is "
                   "reproduced so.", {"side": side}, "Add wd·p to the gradient before the moments (torch.optim.Adam's "
                   "weight_decay), or check the program as AdamW.", 0.9)


def _history(setup: Setup, side: str, steps: int) -> tuple[list[dict], list[dict], list[dict]]:
    """Per step: the run's true gradients at the step's shared start (of the loss alone), the side's updates, and the
    parameters at the step's start."""
    config = setup.config
    try:  # in float64, where an update too small for float32 (an ε of 1e8) still shows
        numpy, torch = (side.promoted() for side in setup.make_sides())
    except Exception:  # a program that cannot be copied into float64: its own dtype
        numpy, torch = setup.replay(1)
    grads, updates, before = [], [], []
    for step in range(1, steps + 1):
        rows = setup.rows(step)
        X, y = (np.asarray(a, np.float64) for a in (setup.data.X[rows], setup.data.y[rows]))
        params = {name: np.asarray(v, np.float64) for name, v in numpy.params().items()}
        before.append(params)
        grads.append(run_gradients(params, X, y, config))
        moved = stepped(numpy, rows), stepped(torch, rows)
        updates.append(moved[0] if side == "numpy" else moved[1])
        torch.load(numpy.params())
    return grads, updates, before


def _moments(grads: list[dict], betas: tuple[float, float]) -> list[dict]:
    b1, b2 = betas
    m = {name: 0.0 for name in grads[0]}
    v = dict(m)
    found = []
    for g in grads:
        m = {name: b1 * m[name] + (1 - b1) * g[name] for name in g}
        v = {name: b2 * v[name] + (1 - b2) * g[name] ** 2 for name in g}
        found.append({name: (m[name], v[name]) for name in g})
    return found


def _moments_late(updates: list[dict], moments: list[dict], config, side: str, tolerance: float) -> Finding | None:
    """Each update made from the moments of the step before, this step's gradient not yet in them (0 at step 1)."""
    zero = {name: (0 * m, 0 * v) for name, (m, v) in moments[0].items()}
    late = [zero, *moments[:-1]]
    if any(relative_gap(adam_update(*late[t - 1][name], t, config), u) > tolerance and np.any(u)
           for t, moved in enumerate(updates, start=1) for name, u in moved.items()) or len(updates) < 2:
        return None
    return Finding("one-step-late", f"The {SIDES[side]} program's Adam updates the parameters from m and v before this "
                   "step's gradient enters them (the moment updates after the parameter step): every update is Adam's from "
                   "the previous step's moments, one step late, and the first step moves nothing (m = v = 0).",
                   {"side": side}, "Update m and v with this step's gradient first, then step the parameters.", 0.9)


def _counter(updates: list[dict], moments: list[dict], config, side: str, tolerance: float) -> Finding | None:
    names = list(updates[0])
    most = len(names) * len(updates) + 3
    table = []
    for t, (moved, state) in enumerate(zip(updates, moments), start=1):
        row = {}
        for name in names:
            m, v = state[name]
            gaps = [relative_gap(adam_update(m, v, c, config), moved[name]) for c in range(1, most + 1)]
            best = int(np.argmin(gaps))
            if gaps[best] > tolerance:
                return None
            row[name] = best + 1
        table.append(row)
    if all(row[name] == t for t, row in enumerate(table, start=1) for name in names):
        return None  # the right counter everywhere: the updates depart for another reason
    count = len(names)
    per_step = [sorted(row.values()) for row in table]
    if all(values == list(range((t - 1) * count + 1, t * count + 1)) for t, values in enumerate(per_step, start=1)):
        law = (f"advanced once per parameter, not once per step: at step t the {count} parameters are corrected with t = "
               f"{count}(t - 1) + 1 … {count}t (the counter incremented inside the loop over the parameters)")
        fix = "Increment the step counter once per step, before the loop over the parameters."
    elif all(v == 1 for row in table for v in row.values()):
        law = "stuck at 1, never advanced: t = 1 at every step"
        fix = "Increment t once per step (self.t += 1) and keep it on the optimizer."
    elif len({row[name] - t for t, row in enumerate(table, start=1) for name in names}) == 1:
        shift = table[0][names[0]] - 1
        law = f"{abs(shift)} step{'s' if abs(shift) != 1 else ''} {'ahead' if shift > 0 else 'behind'}"
        fix = "Use t = 1 in the bias corrections of the first step."
    else:
        law = "not the step's number"
        fix = "Keep one step counter, incremented once per step, for the bias corrections."
    shown = "; ".join(f"step {t}: " + ", ".join(f"{name} t = {row[name]}" for name in names) for t, row in enumerate(table[:2], start=1))
    return Finding("bias-correction", f"The {SIDES[side]} program's Adam, read from its updates parameter by parameter (each "
                   f"reproduced by Adam's update with that t in the bias corrections), has the step counter t {law}. {shown}.",
                   {"side": side, "counters": table}, fix, 0.9)


def _numerator(updates: list[dict], moments: list[dict], config, side: str, tolerance: float) -> Finding | None:
    b1, b2 = config.betas
    fits = []
    for t, (moved, state) in enumerate(zip(updates, moments), start=1):
        for name, u in moved.items():
            m, v = state[name]
            numerator = -u * (np.sqrt(v / (1 - b2 ** t)) + config.eps) / config.lr
            A = np.stack([m.ravel(), np.ones(m.size)], axis=1)
            if m.size < 3:
                continue
            (alpha, beta), *_ = np.linalg.lstsq(A, numerator.ravel(), rcond=None)
            if relative_gap(A @ np.array([alpha, beta]), numerator.ravel()) > tolerance:
                return None
            fits.append((t, name, float(alpha), float(beta), float(np.abs(alpha * m).max())))
    if not fits or all(abs(beta) <= tolerance * scale for _, _, _, beta, scale in fits):
        return None  # a multiple of m alone: a factor over the steps, read by the laws of the whole step
    shown = ", ".join(f"step {t}: {alpha:.4g}·m {beta:+.4g}" for t, _, alpha, beta, _ in {t: f for f, t in ((f, f[0]) for f in fits)}.values())
    if all(abs(alpha - 1) <= 1e-3 and abs(beta + b1 ** t) <= 1e-3 * b1 ** t + 1e-9 for t, _, alpha, beta, _ in fits):
        return Finding("bias-correction", f"The {SIDES[side]} program's Adam first-moment correction, read from its updates "
                       "(the second moment right), is m - β1^t, not m / (1 - β1^t): written m / 1 - beta1 ** t, the parentheses "
                       f"missing, so it divides by 1 and subtracts β1^t ({shown}).", {"side": side, "fits": fits},
                       "m_hat = m / (1 - beta1 ** t), with the parentheses.", 0.9)
    return Finding("bias-correction", f"The {SIDES[side]} program's Adam first-moment term, read from its updates (the "
                   f"second moment right), is α·m + β with a constant β added, where it is m / (1 - β1^t) ({shown}).",
                   {"side": side, "fits": fits}, "m_hat = m / (1 - beta1 ** t).", 0.6)


def _denominator(updates: list[dict], moments: list[dict], config, side: str, tolerance: float) -> Finding | None:
    b1, b2 = config.betas
    fits = []
    for t, (moved, state) in enumerate(zip(updates, moments), start=1):
        for name, u in moved.items():
            m, v = state[name]
            shown = np.abs(u) > 1e-6 * max(float(np.abs(u).max()), 1e-300)
            if shown.sum() < 3:
                continue
            squared = (-config.lr * (m[shown] / (1 - b1 ** t)) / u[shown]) ** 2
            v_hat = v[shown] / (1 - b2 ** t)
            weights = 1 / squared ** 2  # relative errors: the smallest v̂, where a constant under the root shows, weigh most
            beta = float(np.sum(weights * (squared - v_hat)) / np.sum(weights))
            if relative_gap(np.sqrt(v_hat + beta), np.sqrt(squared)) > tolerance:
                return None
            fits.append((t, name, beta, 1e-2 * tolerance * float(squared.min())))  # how finely β is measured here
    measured = [(beta, resolution) for *_, beta, resolution in fits if resolution < 0.1 * config.eps]
    inside = measured and all(abs(beta - config.eps) <= 0.1 * config.eps + resolution for *_, beta, resolution in fits)
    if not inside:
        return None
    return Finding("optimizer-variant", f"The {SIDES[side]} program's Adam denominator, read from its updates (the first moment "
                   f"right), is √(v̂ + ε), ε inside the square root, not √v̂ + ε: its square is v̂ + {fits[0][2]:.3g} at every "
                   "parameter and step.", {"side": side, "fits": fits}, "Add eps after the square root: np.sqrt(v_hat) + eps.", 0.9)


def _eps(updates: list[dict], moments: list[dict], config, side: str, tolerance: float) -> Finding | None:
    """Another ε in √v̂ + ε, read element by element from the updates that show (-lr·m̂/u - √v̂): one value everywhere,
    far from the run's. Updates too small for the run's dtype to record (0) say nothing."""
    b1, b2 = config.betas
    values = []
    for t, (moved, state) in enumerate(zip(updates, moments), start=1):
        for name, u in moved.items():
            m, v = state[name]
            shown = u != 0
            if shown.any():
                values.append(-config.lr * (m[shown] / (1 - b1 ** t)) / u[shown] - np.sqrt(v[shown] / (1 - b2 ** t)))
    if not values:
        return None
    values = np.concatenate(values)
    eps = float(np.median(values))
    if len(values) < 3 or eps <= 100 * config.eps or np.max(np.abs(values - eps)) > 10 * tolerance * eps:
        return None
    typo = f" (the exponent's sign lost: {eps:.0e} for {config.eps:.0e})" if abs(np.log10(eps) + np.log10(config.eps)) <= 0.01 else ""
    return Finding("optimizer-settings", f"The {SIDES[side]} program's Adam, read from its updates (the moments right), divides "
                   f"by √v̂ + ε with ε = {eps:.4g}, where the run's is {config.eps:g}{typo}"
                   + (": its updates are a tiny fraction of Adam's (those below the dtype's resolution are not recorded at "
                      "all)." if eps >= 1 else "."), {"side": side, "eps": eps},
                   f"Give the program eps = {config.eps:g}, or pass --eps if the program means its own.", 0.9)


def _betas(updates: list[dict], grads: list[dict], config, side: str, tolerance: float) -> Finding | None:
    def gap(betas: tuple[float, float]) -> float:
        moments = _moments(grads, betas)
        return max(relative_gap(adam_update(*moments[t - 1][name], t, config, betas), u)
                   for t, moved in enumerate(updates, start=1) for name, u in moved.items())

    gaps = {(b1, b2): gap((b1, b2)) for b1 in BETAS for b2 in BETAS}
    gaps[tuple(config.betas)] = gap(tuple(config.betas))  # the run's own pair competes, wherever it lies
    found = min(gaps, key=gaps.get)
    if gaps[found] > tolerance or found == tuple(config.betas):
        found = None
    if found is None or len(updates) < 2:
        return None  # at the first step every pair of betas gives the same update
    swapped = found == tuple(reversed(config.betas))
    plain = {0: " β1 = 0 makes m̂ the gradient itself: the update uses the raw gradient g where the first moment m̂ belongs.",
             1: " β2 = 0 makes v̂ the gradient's square: the update divides by |g|, the second moment's average never used."}
    said = "".join(plain[i] for i in (0, 1) if found[i] == 0 and config.betas[i] != 0)
    return Finding("optimizer-settings", f"The {SIDES[side]} program's Adam, read from its updates, uses β1 = {found[0]:g} and "
                   f"β2 = {found[1]:g}, where the run has betas = ({config.betas[0]:g}, {config.betas[1]:g})"
                   + (": the two betas swapped." if swapped else ".") + said, {"side": side, "betas": list(found)},
                   f"Give the program betas = ({config.betas[0]:g}, {config.betas[1]:g}): β1 for m, β2 for v.", 0.9)


def _sources(moved: dict, grads: dict, config, side: str, tolerance: float) -> Finding | None:
    """At the first step: the parameters (q, r) whose gradients reproduce each update as -lr·g_q / (|g_r| + ε)."""
    found, several = {}, {}
    for name, u in moved.items():
        fits = [(q, r) for q in grads for r in grads if _broadcasts(grads[q], u) and _broadcasts(grads[r], u)
                and relative_gap(np.broadcast_to(-config.lr * grads[q] / (np.abs(grads[r]) + config.eps), u.shape), u) <= tolerance]
        if not fits:
            return None
        found[name] = (name, name) if (name, name) in fits else fits[0]
        several[name] = len(fits) > 1
    slips = {name: qr for name, qr in found.items() if qr != (name, name)}
    if not slips:
        return None
    # several pairs that fit one update alike (an update of ±lr matches any gradient of the same signs), or each moment
    # from another parameter than the other (no one slip does that), read a coincidence as well as a slip
    sure = all(not several[name] and (q == r or name in (q, r)) for name, (q, r) in slips.items())
    shown = "; ".join(f"{name}'s " + " and ".join(f"{which} moment of {other}'s gradient" for which, other in
                                                  (("first", qr[0]), ("second", qr[1])) if other != name) for name, qr in slips.items())
    return Finding("optimizer-variant", f"The {SIDES[side]} program's Adam, read from its first updates (m̂ = g and v̂ = g² "
                   f"at the first step), takes {shown}: a variable left over from another loop (the last parameter's "
                   "g), or an index slip, in place of each parameter's own gradient.", {"side": side, "sources": found},
                   "Update each parameter's m and v from its own gradient (grads[k] inside the loop over k).", 0.9 if sure else 0.6)


def _broadcasts(g: np.ndarray, u: np.ndarray) -> bool:
    try:
        return np.broadcast_shapes(g.shape, u.shape) == u.shape
    except ValueError:
        return False
