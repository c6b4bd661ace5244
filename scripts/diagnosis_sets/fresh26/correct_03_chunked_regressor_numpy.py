"""Two-output regressor in NumPy: 4 -> 12 tanh -> 2 linear, mean squared error. Each batch is
processed in 3 micro-batches (np.array_split, so the first ones take the extra rows); every
micro-batch's mean gradient is weighted by its share of the batch, which adds up to the batch
mean. The summed gradient is clipped to a global norm of MAX_NORM, then heavy-ball momentum
with an exponentially decaying rate LR0 * GAMMA ** t.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR0, GAMMA, MU, MAX_NORM, CHUNKS = 0.1, 0.95, 0.9, 0.5, 3


class ChunkedRegressor:
    def __init__(self, seed=19):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (4, 12)), "b1": np.zeros(12),
                       "W2": rng.normal(0.0, 0.3, (12, 2)), "b2": np.zeros(2)}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def chunk_gradients(self, Xc, yc):
        p = self.params
        h = np.tanh(Xc @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        d_out = 2.0 * (out - yc) / out.size
        d_h = (d_out @ p["W2"].T) * (1.0 - h ** 2)
        loss = np.mean((out - yc) ** 2)
        return loss, {"W1": Xc.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}

    def train_step(self, X, y):
        n = len(X)
        total = {k: np.zeros_like(v) for k, v in self.params.items()}
        loss = 0.0
        for Xc, yc in zip(np.array_split(X, CHUNKS), np.array_split(y, CHUNKS)):
            share = len(Xc) / n
            chunk_loss, g = self.chunk_gradients(Xc, yc)
            loss += share * chunk_loss
            for k in total:
                total[k] += share * g[k]
        norm = np.sqrt(sum(np.sum(g * g) for g in total.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        lr = LR0 * GAMMA ** self.t
        for k, w in self.params.items():
            total[k] *= scale
            self.velocity[k] = MU * self.velocity[k] + total[k]
            w -= lr * self.velocity[k]
        self.grads = total
        self.t += 1
        return float(loss)
