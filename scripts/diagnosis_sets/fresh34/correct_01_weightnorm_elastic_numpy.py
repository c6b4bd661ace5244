"""Binary classifier, NumPy, with three regularisers:

  * the first layer weight-normalised, w = g v / ||v|| per hidden unit (v (5, 8), g (1, 8));
  * an elastic-net penalty L1 * |W| + 0.5 * L2 * W^2 on the two dense weight matrices only (no
    penalty on v, g or the biases);
  * a max-norm constraint after every update: each column of W2 (one hidden unit of the second
    layer) with an L2 norm above MAX_NORM is scaled back to it (torch.renorm's rule).

self.grads holds the gradient of the data loss plus the L1 term (the penalty that lives in the
loss); the L2 term is added in the update, as weight decay.

    5 -> 8 ReLU (weight norm) -> 8 tanh -> 1 sigmoid, mean BCE, heavy-ball momentum

    X: (n, 5), y: (n, 1) in {0, 1}
"""

import numpy as np

L1, L2 = 1e-3, 1e-2
MAX_NORM = 1.0
LR, MOMENTUM = 0.2, 0.9
DECAYED = ("W2", "W3")


class ElasticWeightNormNet:
    def __init__(self, n_in=5, hidden=8, seed=31):
        rng = np.random.default_rng(seed)
        v = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.params = {
            "v": v, "g": np.sqrt((v ** 2).sum(axis=0, keepdims=True)), "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, hidden)), "b2": np.zeros(hidden),
            "W3": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1)), "b3": np.zeros(1),
        }
        self.buf = {k: np.zeros_like(q) for k, q in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        norm = np.sqrt((p["v"] ** 2).sum(axis=0, keepdims=True))
        W1 = p["g"] * p["v"] / norm
        z1 = X @ W1 + p["b1"]
        h1 = np.maximum(z1, 0.0)
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        z3 = h2 @ p["W3"] + p["b3"]
        prob = 1.0 / (1.0 + np.exp(-z3))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))
        loss += L1 * sum(np.abs(p[k]).sum() for k in DECAYED)

        d3 = (prob - y) / n
        d2 = (d3 @ p["W3"].T) * (1.0 - h2 ** 2)
        d1 = (d2 @ p["W2"].T) * (z1 > 0)
        dW1 = X.T @ d1
        dg = np.einsum("ij,ij->j", dW1, p["v"])[None, :] / norm
        grads = {
            "v": p["g"] / norm * (dW1 - dg / p["g"] * W1),
            "g": dg, "b1": d1.sum(axis=0),
            "W2": h1.T @ d2, "b2": d2.sum(axis=0),
            "W3": h2.T @ d3, "b3": d3.sum(axis=0),
        }
        for k in DECAYED:
            grads[k] = grads[k] + L1 * np.sign(p[k])
        self.grads = grads

        for k, q in p.items():
            step = grads[k] + L2 * q if k in DECAYED else grads[k]
            self.buf[k] = MOMENTUM * self.buf[k] + step
            q -= LR * self.buf[k]
        col = np.linalg.norm(p["W2"], axis=0)
        p["W2"] *= np.where(col > MAX_NORM, MAX_NORM / (col + 1e-7), 1.0)
        return float(loss)
