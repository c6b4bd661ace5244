"""Parameters in a dict keyed by name, gradients in another, a separate optimizer step; sse, lr 0.3.

    parity check examples/weights_dict.py:MLP --lr 0.3 --step "grads = net.gradients(X, y); net.apply(grads)"
"""

import numpy as np


class MLP:
    def __init__(self, X, y, hidden=4, lr=0.3):
        rng = np.random.default_rng(11)
        self.params = {
            "W_hidden": rng.uniform(-0.7, 0.7, (X.shape[1], hidden)), "b_hidden": np.zeros(hidden),
            "W_out": rng.uniform(-0.7, 0.7, (hidden, y.shape[1])), "b_out": np.zeros(y.shape[1]),
        }
        self.lr = lr

    def gradients(self, X, y):
        p = self.params
        h = 1 / (1 + np.exp(-(X @ p["W_hidden"] + p["b_hidden"])))
        o = 1 / (1 + np.exp(-(h @ p["W_out"] + p["b_out"])))
        d_o = 2 * (o - y) * o * (1 - o)
        d_h = d_o @ p["W_out"].T * h * (1 - h)
        return {"W_out": h.T @ d_o, "b_out": d_o.sum(0), "W_hidden": X.T @ d_h, "b_hidden": d_h.sum(0)}

    def apply(self, grads):
        for name, g in grads.items():
            self.params[name] -= self.lr * g
