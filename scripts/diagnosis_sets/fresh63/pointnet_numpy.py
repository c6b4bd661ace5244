"""PointNet-style point-cloud classifier in NumPy: each cloud is centred on its own centroid, two
shared per-point relu layers map every point, a max over the points pools each feature (the
backward routes each pooled gradient to the point that held the maximum), and a linear head with
a softmax gives the class. Mean cross-entropy against one-hot targets, plain SGD.

    X: float (n, P, 3)    y: float (n, K) one-hot
"""

import numpy as np

P, C, H, K, LR = 6, 3, 8, 3, 0.5


class PointNetClassifier:
    def __init__(self, seed=63):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.6, (C, H)), "b1": rng.normal(0.0, 0.1, H),
            "W2": rng.normal(0.0, 0.4, (H, H)), "b2": rng.normal(0.0, 0.1, H),
            "W3": rng.normal(0.0, 0.4, (H, K)), "b3": np.zeros(K),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x = X - X.mean(axis=1, keepdims=True)
        z1 = x @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0.0)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(z2, 0.0)
        idx = h2.argmax(axis=1)
        g_max = h2.max(axis=1)
        logits = g_max @ p["W3"] + p["b3"]
        logits = logits - logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))

        g = {}
        dlogits = (prob - y) / n
        g["W3"] = g_max.T @ dlogits
        g["b3"] = dlogits.sum(axis=0)
        dg = dlogits @ p["W3"].T
        dh2 = (np.arange(P)[None, :, None] == idx[:, None, :]) * dg[:, None, :]
        dz2 = dh2 * (z2 > 0)
        g["W2"] = np.einsum("nph,npk->hk", h1, dz2)
        g["b2"] = dz2.sum(axis=(0, 1))
        dh1 = dz2 @ p["W2"].T
        dz1 = dh1 * (z1 > 0)
        g["W1"] = np.einsum("npc,nph->ch", x, dz1)
        g["b1"] = dz1.sum(axis=(0, 1))
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
