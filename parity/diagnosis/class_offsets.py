"""A cross-entropy over logits each shifted by one number per class: the port's gradient at the logits, scaled back
to probabilities (p = n·g + y), is a softmax of z + c, with c one vector for every row. The shift is a prior, a
log-frequency (log-Q, logit-adjustment) correction, or a bias the loss adds where the model has none.

    softmax(z + c) - y = n·g        log p - log softmax(z) = c_j (+ a number per row)
"""

from __future__ import annotations

import numpy as np


def class_offsets(logits: np.ndarray, y: np.ndarray, grad: np.ndarray, tolerance: float, bias: np.ndarray | None = None) -> str:
    """The per-class shift a softmax cross-entropy's gradient shows, said ('' where there is none); `bias`: the output
    layer's, which a shift equal to minus it (or it) names: the logits without their bias (or with it twice)."""
    if logits.ndim != 2 or logits.shape != grad.shape or logits.shape[1] < 2 or not np.all((y == 0) | (y == 1)):
        return ""
    for scale, reduction in ((logits.shape[0], "a mean over the rows"), (1.0, "a sum")):
        p = scale * grad + y
        if np.any(p <= 0) or not np.allclose(p.sum(1), 1.0, atol=1e-4):
            continue
        z = logits - logits.max(1, keepdims=True)
        log_softmax = z - np.log(np.exp(z).sum(1, keepdims=True))
        shift = np.log(p) - log_softmax
        c = (shift - shift.mean(1, keepdims=True)).mean(0)
        if np.ptp(c) < 1e-3 or not np.allclose(shift - shift.mean(1, keepdims=True), c, atol=max(10 * tolerance, 1e-4)):
            continue
        if bias is not None and np.size(bias) == c.size and np.ptp(bias) > 0:
            centred = np.ravel(bias) - np.mean(bias)
            for sign, words in ((-1, "without the output layer's bias: the bias never added (a layer built or called "
                                 "without it, F.linear with no bias=)"), (1, "with the output layer's bias added twice")):
                if np.allclose(c - c.mean(), sign * centred, atol=1e-3 * max(np.abs(centred).max(), 1e-12) + 1e-6):
                    return (f"its loss's gradient at the logits is that of the run's loss over the logits {words}: the "
                            f"shift per class is {'minus ' if sign < 0 else ''}the bias (centred).")
        counts = y.sum(0)
        frequency = ""
        if np.all(counts > 0):
            log_q = np.log(counts / counts.sum())
            for sign, words in ((-1, "minus"), (1, "plus")):
                if np.allclose(c - c.mean(), sign * (log_q - log_q.mean()), atol=1e-3):
                    frequency = f" It is {words} the log of each class's frequency in this batch (a log-Q or prior correction)."
        shown = ", ".join(f"{v:+.3g}" for v in (c - c.mean())[:8])
        return (f"its loss's gradient at the logits is that of a softmax cross-entropy ({reduction}) over the logits "
                f"shifted by one number per class, c = [{shown}{', …' if c.size > 8 else ''}] (centred): a per-class "
                f"offset added to the logits inside the loss (a prior, a log-frequency correction, a class bias).{frequency}")
    return ""
