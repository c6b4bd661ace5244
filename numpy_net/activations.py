"""The logistic sigmoid and its derivative."""

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^-z), keeping the dtype of z.

    The textbook formula overflows e^-z for large negative z. Both branches
    below use e^-|z|, which lies in (0, 1], so nothing overflows or warns
    in float32 or float64.
    """
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(activation: np.ndarray) -> np.ndarray:
    """σ'(z), written in terms of the activation a = σ(z): a (1 - a).

    Feed it the activation, not the pre-activation z and not σ(a): both
    mistakes still train, and both are classic porting bugs.
    """
    return activation * (1 - activation)
