"""Three-class classifier trained with label smoothing, NumPy (Szegedy et al.): the one-hot
targets are replaced by (1 - SMOOTHING) y + SMOOTHING / K before the cross-entropy.

    6 -> 10 tanh -> 3 softmax, mean cross-entropy against the smoothed targets, Adam

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

SMOOTHING = 0.2
LR, BETA1, BETA2, ADAM_EPS = 0.02, 0.9, 0.999, 1e-8


class SmoothedClassifier:
    def __init__(self, n_in=6, hidden=10, n_out=3, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(1.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n, k_classes = y.shape
        target = (1.0 - SMOOTHING) * y + SMOOTHING / k_classes
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.sum(target * log_probs) / n

        d2 = (np.exp(log_probs) - target) / n
        d1 = (d2 @ p["W2"].T) * (1.0 - h ** 2)
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
