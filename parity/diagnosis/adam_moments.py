"""Adam's two moments, each read from a side's updates with the other moment right (adam_law.py gathers the updates
and the moments the run's true gradients give).

- moment_factor: a moment kept without its (1 - β) factor (v = β2·v + g², v 1/(1 - β2) times too large), recomputed
  exactly, ε included;
- moment_laws: each moment's recurrence fitted, m_t = a·m_(t-1) + b·g_t and v_t = a·v_(t-1) + b·g_t² (or of m_t²):
  its weights swapped (torch.lerp with β where 1 - β belongs), v accumulated from m², a moment never stored back.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import SIDE_PROGRAMS as SIDES, Finding

BETAS = (0.0, 0.5, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9999)  # the values people write
# the weights a moment's recurrence is written with: a β, its 1 - β, or 1 (no factor)
WRITTEN = sorted({*BETAS, *(1 - b for b in BETAS), 1.0})


def adam_update(m: np.ndarray, v: np.ndarray, t: int, config, betas: tuple[float, float] | None = None) -> np.ndarray:
    """Adam's update from the moments m and v at step t (the run's betas unless others are given)."""
    b1, b2 = betas or config.betas
    return -config.lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + config.eps)


def moment_factor(updates: list[dict], moments: list[dict], config, side: str, tolerance: float) -> Finding | None:
    """A moment written without its (1 - β): v = β2·v + g² (v 1/(1 - β2) times too large) or m = β1·m + g, each
    recomputed exactly, ε included. Where ε does not show, a learning rate √(1 - β2) or 1/(1 - β1) times the run's
    gives the same updates, and both are said."""
    b1, b2 = config.betas
    kinds = {"second": (lambda m, v: (m, v / (1 - b2)), np.sqrt(1 - b2), "v = β2·v + g²", "v = β2·v + (1 - β2)·g²"),
             "first": (lambda m, v: (m / (1 - b1), v), 1 / (1 - b1), "m = β1·m + g", "m = β1·m + (1 - β1)·g")}
    for moment, (changed, factor, wrong, right) in kinds.items():
        def gap(of) -> float:
            return max(relative_gap(of(state[name], t), u) for t, (moved, state) in enumerate(zip(updates, moments), start=1)
                       for name, u in moved.items())
        exact = gap(lambda mv, t: adam_update(*changed(*mv), t, config))
        if exact > tolerance:
            continue
        scaled = gap(lambda mv, t: factor * adam_update(*mv, t, config))
        also = "" if scaled > tolerance else f" (a learning rate {factor:.4g} times the run's gives the same updates here, where ε does not show: check both)"
        return Finding("optimizer-variant", f"The {SIDES[side]} program's Adam keeps its {moment} moment as {wrong}, the "
                       f"(1 - β{1 if moment == 'first' else 2}) factor missing: every update, recomputed so, is reproduced, "
                       f"{factor:.4g} times Adam's where ε does not matter{also}.", {"side": side, "moment": moment},
                       f"Write {right}.", 0.9 if also == "" else 0.85)
    return None


def moment_laws(updates: list[dict], grads: list[dict], moments: list[dict], config, side: str, tolerance: float,
                bare: list[dict] | None = None) -> Finding | None:
    """Each moment's own recurrence, read from the updates with the other moment right: m_t = a·m_(t-1) + b·g_t, from
    the numerator -Δθ (√v̂ + ε) / lr times (1 - β1^t); v_t = a·v_(t-1) + b·g_t² (or of m_t², the first moment squared),
    from the denominator's square times (1 - β2^t)."""
    b1, b2 = config.betas
    if len(updates) < 3:
        return None
    names = list(updates[0])
    m_seen, v_seen = [], []
    for t, (moved, state) in enumerate(zip(updates, moments), start=1):
        m_seen.append({n: -moved[n] * (np.sqrt(state[n][1] / (1 - b2 ** t)) + config.eps) / config.lr * (1 - b1 ** t) for n in names})
        with np.errstate(all="ignore"):
            v_seen.append({n: (-config.lr * state[n][0] / (1 - b1 ** t) / moved[n] - config.eps) ** 2 * (1 - b2 ** t) for n in names})
    squares = [{n: g[n] ** 2 for n in g} for g in grads]
    without = {} if bare is None else {"the bare gradient's g²": [{n: g[n] ** 2 for n in g} for g in bare]}
    laws = (("first", m_seen, {"g": [g for g in grads], "g²": squares}, (b1, 1 - b1)),
            ("second", v_seen, {"g²": squares, **without, "m²": [{n: s[n][0] ** 2 for n in s} for s in moments],
                                "(g - m)²": [{n: (g[n] - s[n][0]) ** 2 for n in g} for g, s in zip(grads, moments)]}, (b2, 1 - b2)))
    for moment, seen, sources, (a_run, b_run) in laws:
        for source, values in sources.items():
            fitted = recurrence(seen, values, names, tolerance)
            own = source == ("g" if moment == "first" else "g²")
            if fitted is None or (own and abs(fitted[0] - a_run) <= 1e-3 and abs(fitted[1] - b_run) <= 1e-3):
                continue
            if not all(min(abs(w - x) for x in WRITTEN) <= 1e-3 for w in fitted):
                continue  # weights nobody writes (0.8971·m): a law fitted to another mechanism's updates, not a moment's law
            a, b = fitted
            symbol = "m" if moment == "first" else "v"
            swapped = " (the two weights swapped: torch.lerp(m, g, β1) where the weight is 1 - β1)" if abs(a - b_run) <= 1e-3 and abs(b - a_run) <= 1e-3 else ""
            other = {"the bare gradient's g²": " (the gradient before its L2 term wd·p is added), not the square of the "
                     "regularised gradient the first moment takes", "m²": ", the first moment squared, not g²", "(g - m)²": ", the gradient's squared deviation from its "
                     "mean m (AdaBelief's 'belief' s), not g²"}.get(source, "") if moment == "second" else \
                ", the squared gradient (the second moment's line copied), not g: m is never negative, so the update " \
                "loses the gradient's sign" if source == "g²" else ""
            if moment == "first" and abs(a - a_run) <= 1e-3 and source == "g" and b > 0:
                weight = (1 - b2) * (b_run / b) ** 2  # m k times too small gives the updates of v 1/k² times too large
                named = " (1 - β1, the first moment's weight, instead of 1 - β2)" if abs(weight - (1 - b1)) <= 1e-3 * (1 - b1) else ""
                swapped = (f" (or, the same numbers where ε does not show, the second moment kept as v = {b2:g}·v + "
                           f"{weight:.4g}·g²{named})")
            if abs(a) <= 1e-3 and abs(b - b_run) <= 1e-3:
                swapped = (f" (a = 0: nothing of the last step's {symbol} is carried, the {moment} moment never stored back: a "
                           f"local {symbol} computed from zero each step)")
            return Finding("optimizer-variant", f"The {SIDES[side]} program's Adam keeps its {moment} moment as {symbol} = {a:.4g}·{symbol} + "
                           f"{b:.4g}·{source}{other}, where Adam's is {symbol} = {a_run:g}·{symbol} + {b_run:g}·{'g' if moment == 'first' else 'g²'}"
                           f"{swapped}: read from its updates step by step, the other moment right.", {"side": side, "moment": moment,
                           "law": [a, b], "source": source}, f"Write {symbol} = β·{symbol} + (1 - β)·{'g' if moment == 'first' else 'g²'}.", 0.9)
    return None


def recurrence(seen: list[dict], source: list[dict], names: list[str], tolerance: float) -> tuple[float, float] | None:
    """(a, b) with seen_t = a·seen_(t-1) + b·source_t for every parameter and step (seen_0 = 0), where that fits."""
    rows, target = [], []
    for t in range(len(seen)):
        for n in names:
            previous = seen[t - 1][n] if t else np.zeros_like(seen[t][n])
            keep = np.isfinite(seen[t][n]) & np.isfinite(previous)
            rows.append(np.stack([previous[keep].ravel(), np.broadcast_to(source[t][n], seen[t][n].shape)[keep].ravel()], axis=1))
            target.append(seen[t][n][keep].ravel())
    A, y = np.concatenate(rows), np.concatenate(target)
    if len(y) < 4 or not np.any(y) or len(y) < sum(s[n].size for s in seen for n in names):
        return None  # an update of 0 (no moment to read there) leaves the law unread, not fitted on the rest
        return None
    (a, b), *_ = np.linalg.lstsq(A, y, rcond=None)
    return (float(a), float(b)) if relative_gap(A @ np.array([a, b]), y) <= tolerance else None
