"""The derivatives people write in place of the right one, tried by measurement on a hidden layer whose gradient departs."""

from __future__ import annotations

import numpy as np

# Derivatives people write in place of the right one, as functions of the activation a and the pre-activation z:
# each is tried, by measurement, on a hidden layer whose gradient departs (whichever activation the run names).
OTHER_DERIVATIVES = (
    ("1 - a: tanh's derivative with the square missing", lambda a, z: 1 - a),
    ("a (1 - a): the sigmoid's derivative, where the layer is tanh", lambda a, z: a * (1 - a)),
    ("1 - a²: tanh's derivative, where the layer is a sigmoid", lambda a, z: 1 - a * a),
    ("[a >= 0]: ReLU's derivative taken of the activation, which is never negative, so always 1", lambda a, z: (a >= 0).astype(a.dtype)),
    ("[a > 0] computed as a (the activation itself, not its step)", lambda a, z: a),
    ("1: the activation's derivative left out", lambda a, z: np.ones_like(a)),
    ("1 - tanh(z): tanh's derivative from z, square missing", lambda a, z: 1 - np.tanh(z)),
    ("[z > 0] of a sigmoid or tanh layer: ReLU's derivative", lambda a, z: (z > 0).astype(a.dtype)),
)
