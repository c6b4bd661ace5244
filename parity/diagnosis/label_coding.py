"""Binary labels read in the other coding: a margin-form loss (log(1 + exp(-y·f)), a hinge max(0, 1 - y·f)) needs
y in {-1, +1}, a cross-entropy y in {0, 1}. Where one program's loss at the step's shared start, given the labels
in the other coding, is the other program's loss as it stands, that program reads the labels in the wrong coding.

    L_numpy(2y - 1) = L_port(y)      →   the NumPy program's loss wants ±1 labels, the data hold 0/1
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import replayed

SAME_LOSS = 1e-9  # two float64 losses of one function, written two ways: far within this of each other
CODINGS: dict[tuple[float, float], tuple[str, Callable[[Any], Any], str, str]] = {
    (0.0, 1.0): ("2y - 1", lambda y: 2 * y - 1, "{-1, +1}", "{0, 1}"),
    (-1.0, 1.0): ("(y + 1) / 2", lambda y: (y + 1) / 2, "{0, 1}", "{-1, +1}"),
}


def label_coding(setup: Any, built: Any, step: int) -> Finding | None:
    labels = np.unique(np.asarray(setup.data.y, np.float64))
    coding = CODINGS.get(tuple(labels.tolist())) if labels.size == 2 else None
    if coding is None:
        return None
    words, code, wanted, held = coding
    numpy_side, torch_side = replayed(setup, built, step)
    start = {k: np.asarray(v, np.float64) for k, v in numpy_side.params().items()}
    rows = setup.rows(step)
    losses = [_loss(side, start, rows) for side in (numpy_side, torch_side)]
    if None in losses or _same(losses[0], losses[1]):
        return None
    for k, (side, name) in enumerate(((numpy_side, "NumPy program"), (torch_side, "port"))):
        coded = _loss(side, start, rows, code)
        if coded is not None and _same(coded, losses[1 - k]):
            return Finding("label-coding", f"At the shared start of step {step} the {name}'s loss, given the labels as "
                           f"{words} in place of y, is the other program's loss ({coded:.8g}): the {name} reads the "
                           f"binary labels as {wanted} (a margin-form loss such as log(1 + exp(-y·f)) or a hinge needs "
                           f"±1; a cross-entropy 0/1) where the data hold {held}.",
                           {"step": step, "stage": "forward", "tensor": "loss", "coding": words,
                            "side": "numpy" if k == 0 else "torch"},
                           f"Convert the labels where the {name}'s loss reads them ({words}).", 0.85)
    return None


def _loss(side: Any, start: dict, rows: Any, code: Callable[[Any], Any] | None = None) -> float | None:
    copy = side.promoted()
    try:
        if code is not None:
            copy.y = code(copy.y)
        copy.load(start)
        record = copy.step(rows)
    except Exception:  # noqa: BLE001 - a program that cannot take labels so coded (class indices): no reading
        return None
    return float(np.ravel(record["loss"])[0]) if "loss" in record else None


def _same(a: float, b: float) -> bool:
    return np.isfinite(a) and np.isfinite(b) and abs(a - b) <= SAME_LOSS * max(abs(a), abs(b), 1e-300)
