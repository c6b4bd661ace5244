"""How each of two programs as written combines its batch's rows, read from the port's gradient of each row alone.

The port is stepped on each row of the failing batch alone, from the step's shared start: g_r, its gradients. Each
side's step on the whole batch is then solved, over every parameter at once, as a weighted sum of the rows':

    port:   G = Σ_r d_r · g_r          NumPy:  Δ = Σ_r c_r · g_r   (its update, linear in its gradient)

A mean gives every row one weight. Where one side's weights are equal and the other's are not, that side combines
its rows otherwise, and how is said: rows left out (weight 0), or blocks of consecutive rows (micro-batches) weighed
apart, each r times the one before (an average taken as the gradients come in, total = (total + g) / k).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.replays import replayed

MOST_ROWS = 64  # rows stepped one at a time
FITS = 1e-4  # the weighted sum reproduces a side's step within this (relative), float32's rounding included
EQUAL = 1e-3  # weights within this of each other (relative) are one weight


def rows_weighted(setup: Any, built: Any, step: int) -> tuple[str, str, bool] | None:
    """(said, side: "numpy" or "torch", lawful) where one side weighs its rows alike and the other does not; lawful:
    rows left out, or blocks whose law is read (other unequal weights are a per-row factor of unknown origin)."""
    rows = np.arange(len(setup.data.X))[setup.rows(step)]
    if not 3 <= len(rows) <= MOST_ROWS:
        return None
    numpy_side, torch_side = replayed(setup, built, step)
    numpy_record = numpy_side.step(rows)
    torch_side.step(rows)
    port_batch = torch_side.gradients() or {}
    names = [k for k in port_batch if f"{k}.update" in numpy_record]
    if not names:
        return None
    per_row = []
    for r in rows:
        alone = replayed(setup, built, step)[1]
        alone.step(rows[r == rows])
        grads = alone.gradients() or {}
        if any(k not in grads for k in names):
            return None
        per_row.append(_flat(grads, names))
    G = np.stack(per_row, axis=1)
    if G.shape[0] < 2 * len(rows):
        return None  # fewer numbers than twice the rows: the weights are not determined
    port = _weights(G, _flat(port_batch, names))
    mine = _weights(G, _flat({k: numpy_record[f"{k}.update"] for k in names}, names))
    if port is None or mine is None:
        return None
    for weights, other, side, who in ((mine, port, "numpy", "The NumPy program's update"),
                                      (port, mine, "torch", "The port's gradient")):
        if _alike(other) and not _alike(weights):
            relative = weights / (np.median(weights) or weights[np.argmax(np.abs(weights))])
            lawful = bool(np.any(np.abs(weights) <= EQUAL * np.max(np.abs(weights)))) or blocks_lawful(weights)
            return f"{who} weighs the batch's rows unequally, read against the port's gradient of each row alone: " \
                   f"{pattern(relative)}", side, lawful
    return None


def _flat(values: dict, names: list[str]) -> np.ndarray:
    return np.concatenate([np.ravel(np.asarray(values[k], np.float64)) for k in names])


def _weights(G: np.ndarray, target: np.ndarray) -> np.ndarray | None:
    c, *_ = np.linalg.lstsq(G, target, rcond=None)
    return c if relative_gap(G @ c, target) <= FITS and np.any(c) else None


def _alike(weights: np.ndarray) -> bool:
    return bool(np.ptp(weights) <= EQUAL * np.max(np.abs(weights)))


def pattern(weights: np.ndarray) -> str:
    """Rows left out, or blocks of consecutive rows of one weight each, and the law between the blocks."""
    left_out = np.flatnonzero(np.abs(weights) <= EQUAL * np.max(np.abs(weights)))
    blocks = _blocks(weights)
    shown = "; ".join(f"rows {a}-{b - 1}: {w:.4g}" for a, b, w in blocks[:6])
    if len(left_out) and len(blocks) <= 6:
        return (f"{len(left_out)} of its {len(weights)} rows weigh 0 (left out), the others as the port's ({shown}): a "
                "slice or micro-batch dropped (a range that stops short, a remainder never stepped).")
    if 2 <= len(blocks) <= 6 and all(w > 0 for *_, w in blocks):
        return f"relative weights {shown}.{_block_law([w for *_, w in blocks])[0]}"
    return f"relative weights {', '.join(f'{w:.3g}' for w in weights[:8])}{', …' if len(weights) > 8 else ''}."


def _block_law(weights: list[float]) -> tuple[str, bool]:
    """The law between consecutive blocks' weights, and whether one is read: each r times the one before (an average
    taken as the gradients come in), or each one count less (k, k - 1, …, 1: a running total back-propagated at every
    micro-batch)."""
    ratios = [b / a for a, b in zip(weights, weights[1:])]
    if len(ratios) >= 2 and np.ptp(ratios) <= EQUAL * max(ratios):
        return (f" Each block weighs {ratios[0]:.4g} times the one before: the earlier micro-batches are divided again at "
                "each later one (an average taken as the gradients come in, total = (total + g) / k, where total += g / k "
                "belongs)."), True
    counts = np.array(weights) / weights[-1]
    if len(weights) >= 3 and np.allclose(counts, np.arange(len(weights), 0, -1), rtol=EQUAL):
        return (f" The blocks count {', '.join(f'{c:.0f}' for c in counts)} times: each micro-batch's gradient is "
                "back-propagated again at every later one (backward() on the running total of the loss, where each "
                "micro-batch's own loss belongs)."), True
    return " Blocks of consecutive rows (micro-batches) are weighed apart, where every row of a mean weighs alike.", False


def blocks_lawful(weights: np.ndarray) -> bool:
    """Weights in 2 to 6 blocks of consecutive rows, all positive, whose law is read."""
    blocks = [w for *_, w in _blocks(weights / (np.median(weights) or 1.0))]
    return 2 <= len(blocks) <= 6 and all(w > 0 for w in blocks) and _block_law(blocks)[1]


def _blocks(weights: np.ndarray) -> list[tuple[int, int, float]]:
    """(first row, row past the last, weight) of each run of consecutive rows of one weight."""
    scale = np.max(np.abs(weights))
    starts = [0] + [i for i in range(1, len(weights)) if abs(weights[i] - weights[i - 1]) > EQUAL * scale]
    return [(a, b, float(np.mean(weights[a:b]))) for a, b in zip(starts, starts[1:] + [len(weights)])]
