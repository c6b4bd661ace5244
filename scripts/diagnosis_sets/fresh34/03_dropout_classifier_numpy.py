"""Three-class classifier with dropout on the hidden layer, NumPy. For reproducible runs the
dropout mask over the 16 hidden units is drawn once from a fixed seed and kept; kept units are
scaled by 1 / KEEP_PROB (inverted dropout), dropped units are zero.

    6 -> 16 ReLU -> dropout (fixed mask) -> 3 softmax, mean cross-entropy, Adam

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

KEEP_PROB = 0.75
MASK_SEED = 5
LR, BETA1, BETA2, ADAM_EPS = 0.01, 0.9, 0.999, 1e-8


class DropoutClassifier:
    def __init__(self, n_in=6, hidden=16, n_out=3, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.keep = np.random.default_rng(MASK_SEED).random(hidden) < KEEP_PROB
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0) * self.keep / KEEP_PROB
        logits = h @ p["W2"] + p["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        d2 = (probs - y) / n
        d1 = (d2 @ p["W2"].T) * self.keep / KEEP_PROB * (z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.grads = grads

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * grads[k]
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - BETA1 ** self.t)
            v_hat = self.v[k] / (1 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
        return float(loss)
