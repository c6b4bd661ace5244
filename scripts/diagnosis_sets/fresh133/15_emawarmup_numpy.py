"""A two-hidden-layer MLP binary classifier: summed micro-batch accumulation, a static loss scale,
SGD with decoupled weight decay on the weights only, and a warmed-up weight EMA, in NumPy.

    h1 = relu(X @ W1 + b1),  h2 = tanh(h1 @ W2 + b2),  z = h2 @ W3 + b3
    loss = (1 / N) * sum over rows of BCE-with-logits(z, y)

One step walks the batch in micro-batches of MICRO rows (56 rows: 16, 16, 16, 8).  Each
micro-batch contributes the SUM of its rows' losses divided by the whole batch size N (so
unequal micro-batches still give the batch mean), multiplied by LOSS_SCALE before backprop;
gradients are summed, the scale undone, then a hand-written SGD step with decoupled weight
decay on W1, W2, W3 (not on the biases): W *= 1 - LR * WD; p -= LR * g.
Then the EMA of every parameter, with TensorFlow's warm-up of the decay:
    t += 1;  d = min(DECAY, (1 + t) / (10 + t));  ema = d * ema + (1 - d) * p
The compared output, self.ema_prob, is sigmoid of the EMA model's logits on the batch.

    X: (N, 4) float, y: (N, 1) float 0/1.
Parameters self.params: W1 (4, 8), b1 (8,), W2 (8, 6), b2 (6,), W3 (6, 1), b3 (1,).
"""

import numpy as np

MICRO = 16
LOSS_SCALE = 1024.0
LR = 0.5
WD = 0.05
DECAY = 0.99


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class WdMLP:
    def __init__(self, sizes=(4, 8, 6, 1), seed=2):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.normal(0, 1 / np.sqrt(a), (a, b))
            self.params[f"b{i}"] = np.full(b, 0.1)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.ema = None
        self.t = 0
        self.ema_prob = None

    @staticmethod
    def _forward(p, X):
        h1 = np.maximum(X @ p["W1"] + p["b1"], 0)
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        return h2 @ p["W3"] + p["b3"], (h1, h2)

    @staticmethod
    def bce_sum(z, y):
        return np.sum(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        z, _ = self._forward(self.params, X)
        return self.bce_sum(z, y) / X.shape[0]

    def backward_micro(self, xb, yb, n_total):
        """Add the gradient of LOSS_SCALE * sum(BCE) / n_total into self.grads; return sum(BCE) / n_total."""
        p = self.params
        z, (h1, h2) = self._forward(p, xb)
        loss = self.bce_sum(z, yb) / n_total
        dz = LOSS_SCALE * (sigmoid(z) - yb) / n_total
        self.grads["W3"] += h2.T @ dz
        self.grads["b3"] += dz.sum(axis=0)
        d2 = (dz @ p["W3"].T) * (1 - h2 ** 2)
        self.grads["W2"] += h1.T @ d2
        self.grads["b2"] += d2.sum(axis=0)
        d1 = (d2 @ p["W2"].T) * (h1 > 0)
        self.grads["W1"] += xb.T @ d1
        self.grads["b1"] += d1.sum(axis=0)
        return loss

    def train_step(self, X, y):
        if self.ema is None:
            self.ema = {k: p.copy() for k, p in self.params.items()}
        for k in self.grads:
            self.grads[k] = np.zeros_like(self.params[k])
        n = X.shape[0]
        total = 0.0
        for i in range(0, n, MICRO):
            total += self.backward_micro(X[i:i + MICRO], y[i:i + MICRO], n)
        for k in self.grads:
            self.grads[k] /= LOSS_SCALE
        for k, p in self.params.items():
            if k.startswith("W"):
                p *= 1 - LR * WD
            p -= LR * self.grads[k]
        self.t += 1
        d = max(DECAY, (1 + self.t) / (10 + self.t))  # fix: d = min(DECAY, (1 + self.t) / (10 + self.t))
        for k, p in self.params.items():
            self.ema[k] = d * self.ema[k] + (1 - d) * p
        self.ema_prob = sigmoid(self._forward(self.ema, X)[0])
        return float(total)


if __name__ == "__main__":
    import os
    dd = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wd.npz"))
    net = WdMLP()
    for s in range(20):
        print(s, net.train_step(dd["X"], dd["y"]))
