"""Two stacked ReZero blocks sharing nothing, by hand: h <- h + a_k relu(h W_k + c_k), each a_k a
learned scalar started at 0.05, on a linear stem; MSE on a linear output. The blocks are kept
in a list of dicts (keys named by layer) and back-propagated in reverse order; plain SGD.
"""

import numpy as np


class StackedReZero:
    def __init__(self, n_in=4, width=6, n_out=2, lr=0.1, seed=13):
        rng = np.random.default_rng(seed)
        self.stem = {"W0": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width)), "c0": np.zeros(width)}
        self.blocks = [{f"W{k}": rng.normal(0.0, np.sqrt(2.0 / width), (width, width)), f"c{k}": np.zeros(width),
                        f"a{k}": np.array([0.05])} for k in (1, 2)]
        self.head = {"W3": rng.normal(0.0, 1.0 / np.sqrt(width), (width, n_out)), "c3": np.zeros(n_out)}
        self.lr = lr

    def train_step(self, X, y):
        h = X @ self.stem["W0"] + self.stem["c0"]
        saved = []
        for k, blk in enumerate(self.blocks, 1):
            z = h @ blk[f"W{k}"] + blk[f"c{k}"]
            f = np.maximum(z, 0.0)
            saved.append((k, h, z, f))
            h = h + blk[f"a{k}"] * f
        out = h @ self.head["W3"] + self.head["c3"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        steps = [(self.head, {"W3": h.T @ d_out, "c3": d_out.sum(0)})]
        d_h = d_out @ self.head["W3"].T
        for blk, (k, h_in, z, f) in zip(reversed(self.blocks), reversed(saved)):
            d_z = blk[f"a{k}"] * d_h * (z > 0)
            steps.append((blk, {f"W{k}": h_in.T @ d_z, f"c{k}": d_z.sum(0), f"a{k}": np.array([np.sum(d_h * f)])}))
            d_h = d_h + d_z @ blk[f"W{k}"].T
        steps.append((self.stem, {"W0": X.T @ d_h, "c0": d_h.sum(0)}))
        for layer, grads in steps:
            for k, g in grads.items():
                layer[k] -= self.lr * g
        return float(loss)
