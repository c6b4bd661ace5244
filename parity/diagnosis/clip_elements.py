"""Where two programs' updates part element by element, against the gradient back-propagation delivers: the entries
that part are exactly those whose gradient lies beyond a bound c (|g| > c, or g > c alone, or g < -c alone). An
elementwise clip is where the two programs handle those entries otherwise: one clips and the other does not, one
clips only one bound, or the state is fed the gradient before the clip.

    parted = {i : |g_i| > c}     or     {i : g_i > c}     or     {i : g_i < -c}
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.backward_again import raw_gradients

SHARE = 0.5  # the entries beyond the bound are at most this share of the tensor: a clip touches the extremes


def clipped_entries(setup: Any, built: Any, step: int, parameter: str, parted: np.ndarray) -> Finding | None:
    """The gradient of this step, or of the step before (an optimizer's state carries its clip on), whose entries
    beyond a bound are exactly the entries that part."""
    if parted.sum() < 2 or parted.mean() > SHARE:  # one entry is the largest by chance as often as by law
        return None
    for at in (step, step - 1) if step > 1 else (step,):
        raw = raw_gradients(setup, built, at).get(parameter)
        if raw is None or raw.shape != parted.shape:
            continue
        if rule := _bound(np.asarray(raw, np.float64), parted):
            when = "" if at == step else f" at step {at}, the step before (the optimizer's state carries it on)"
            return Finding("elementwise-clip", f"At step {step} the updates of {parameter} part at {int(parted.sum())} of "
                           f"{parted.size} entries, exactly those whose gradient{when} (as back-propagation delivers it) is "
                           f"beyond a bound: {rule}. {_meaning(rule)}", {"step": step, "parameter": parameter, "stage": "update",
                                                                   "entries": int(parted.sum()), "rule": rule, "gradient_step": at},
                           "Clip the same gradient, with the same bounds, at the same point of the step in both programs.", 0.8)
    return None


def _bound(g: np.ndarray, parted: np.ndarray) -> str:
    for words, key in (("|g| > c", np.abs(g)), ("g > c, only above the upper bound", g), ("g < -c, only below the lower bound", -g)):
        inside, beyond = key[~parted], key[parted]
        if inside.max(initial=0.0) <= 1e-9 * beyond.max():
            continue  # the entries that stay have no gradient (a mask's zeros): every moving entry parts, no bound
        if beyond.min() > max(inside.max(initial=-np.inf), 0.0):
            return f"{words} (c between {max(inside.max(initial=0.0), 0.0):.4g} and {beyond.min():.4g})"
    return ""


def _meaning(rule: str) -> str:
    if rule.startswith("|g|"):
        return ("The two programs handle the entries a clip changes otherwise: one clips the gradient and the other does "
                "not, the bounds differ, or an optimizer's state (Adagrad's sum of squares, a moment) is fed the gradient "
                "before the clip.")
    return ("Only one side of the clip parts them: one program clips only one bound (clamp(max=c) without min=-c, or "
            "clamp(min=-c) alone), where the other clips both.")
