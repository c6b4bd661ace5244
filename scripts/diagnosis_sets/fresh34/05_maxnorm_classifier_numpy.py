"""Binary classifier with a max-norm constraint (Srivastava et al., the dropout paper), NumPy.
After every update, each hidden unit's incoming weight vector (a column of W1) whose L2 norm
exceeds MAX_NORM is scaled back to MAX_NORM, the same rule as torch.renorm (which divides by
norm + 1e-7).

    5 -> 8 ReLU -> 1 sigmoid, mean binary cross-entropy, heavy-ball momentum

    X: (n, 5), y: (n, 1) in {0, 1}
"""

import numpy as np

MAX_NORM = 1.0
LR, MOMENTUM = 0.3, 0.9


class MaxNormClassifier:
    def __init__(self, n_in=5, hidden=8, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def constrain(self):
        W1 = self.params["W1"]
        norms = np.sqrt((W1 ** 2).sum(axis=0))
        W1 *= np.where(norms > MAX_NORM, MAX_NORM / (norms + 1e-7), 1.0)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        z2 = h @ p["W2"] + p["b2"]
        prob = 1.0 / (1.0 + np.exp(-z2))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))

        d2 = (prob - y) / n
        d1 = (d2 @ p["W2"].T) * (z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        self.grads = grads

        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        self.constrain()
        return float(loss)
