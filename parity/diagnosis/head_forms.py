"""A port whose last layer is never called as a module: its model's output is made from that layer's parameters by
another op. The output is held against the run's logits h·W + b, computed from the port's own last hidden
activation, and against the other ways a head scores h with each class's weight vector w_k, each measured:

    -‖h - w_k‖² + b_k   (a prototype's squared distance)       -‖h - w_k‖ + b_k   (its distance)
    cos(h, w_k) + b_k   (both normalised)                      h·w_k              (the bias left out)
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis.evidence import relative_gap

HEADS = {
    "-‖h - w_k‖² + b, the negative squared Euclidean distance to each class's weight (a prototype's score, "
    "torch.cdist(h, W) ** 2)": lambda h, W, b: -((h[:, :, None] - W[None]) ** 2).sum(axis=1) + b,
    "-‖h - w_k‖ + b, the negative Euclidean distance to each class's weight (torch.cdist)":
        lambda h, W, b: -np.sqrt(((h[:, :, None] - W[None]) ** 2).sum(axis=1)) + b,
    "cos(h, w_k) + b, the cosine of h and each class's weight (both normalised)":
        lambda h, W, b: (h / np.linalg.norm(h, axis=1, keepdims=True)) @ (W / np.linalg.norm(W, axis=0, keepdims=True)) + b,
    "h·w_k with no bias (the layer's bias left out)": lambda h, W, b: h @ W,
}


def unused_last_layer(hidden: np.ndarray, activation: str, W: np.ndarray, b: np.ndarray | None, returned: np.ndarray,
                      tolerance: float) -> tuple[str, bool] | None:
    """(said, whether a head form is measured) where the port's output is not h·W + b; `hidden` the last Linear's
    output the port called (its z), W (in, out) and b the last layer's parameters."""
    h = numpy_net.ACTIVATIONS[activation].function(hidden)
    bias = b if b is not None else 0.0
    if h.shape[1] != W.shape[0] or returned.shape != (h.shape[0], W.shape[1]):
        return None
    if relative_gap(returned, h @ W + bias) <= tolerance:
        return None
    said = ("its model never calls its last layer as a module, and what it returns is not h·W + b computed from its own "
            "last hidden activation h (relative gap "
            f"{relative_gap(returned, h @ W + bias):.3g}): the last layer's parameters are used by another op.")
    for words, head in HEADS.items():
        if relative_gap(returned, head(h, W, bias)) <= tolerance:
            return f"{said} It returns {words}, where the run's model has the dot product h·W + b (measured).", True
    return said, False
