"""A ReLU MLP classifier trained with AdamW, per-value gradient clipping and a weight EMA, in NumPy.

    h = relu(X @ W1 + b1),  logits = h @ W2 + b2,  loss = mean cross-entropy of softmax(logits)

Each step: backprop, clip every gradient entry to [-CLIP, CLIP] (torch.nn.utils.clip_grad_value_),
one AdamW update with decoupled weight decay (torch.optim.AdamW's formula: p *= 1 - lr wd first,
then the bias-corrected Adam step), then the exponential moving average of the weights
(Polyak averaging) ema = DECAY * ema + (1 - DECAY) * p, started from the initial weights.
The compared output, self.ema_output, is the EMA model's logits on the step's batch after the update.

    X: (N, 5) float, y: (N,) int64 labels in 0..2.
Parameters self.params: W1 (5, 12), b1 (12,), W2 (12, 3), b2 (3,).
self.grads (clipped), Adam moments self.m, self.v, step count self.t, EMA weights self.ema.
"""

import numpy as np

CLIP = 0.05
DECAY = 0.9


class EmaMLP:
    def __init__(self, n_in=5, hidden=12, n_out=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.full(hidden, 0.01),
            "W2": rng.normal(0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr, self.betas, self.eps, self.wd = lr, betas, eps, weight_decay
        self.ema = None
        self.ema_output = None

    @staticmethod
    def _forward(p, X):
        h = np.maximum(X @ p["W1"] + p["b1"], 0)
        return h @ p["W2"] + p["b2"], h

    @staticmethod
    def softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=0, keepdims=True)  # fix: return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        logits, _ = self._forward(self.params, X)
        probs = self.softmax(logits)
        return -np.mean(np.log(probs[np.arange(len(y)), y]))

    def backward(self, X, y):
        p = self.params
        logits, h = self._forward(p, X)
        probs = self.softmax(logits)
        n = X.shape[0]
        loss = -np.mean(np.log(probs[np.arange(n), y]))
        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1
        dlogits /= n
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dh[h <= 0] = 0
        self.grads["W1"] = X.T @ dh
        self.grads["b1"] = dh.sum(axis=0)
        return loss

    def adamw(self):
        b1, b2 = self.betas
        self.t += 1
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1 - self.lr * self.wd
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def update_ema(self):
        for k, p in self.params.items():
            self.ema[k] = DECAY * self.ema[k] + (1 - DECAY) * p

    def train_step(self, X, y):
        if self.ema is None:
            self.ema = {k: p.copy() for k, p in self.params.items()}
        loss = self.backward(X, y)
        for k in self.grads:
            self.grads[k] = np.clip(self.grads[k], -CLIP, CLIP)
        self.adamw()
        self.update_ema()
        self.ema_output = self._forward(self.ema, X)[0]
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ema.npz"))
    net = EmaMLP()
    for s in range(20):
        l = net.train_step(d["X"], d["y"])
        net.backward(d["X"], d["y"])
        frac = np.mean(np.concatenate([np.abs(g).ravel() > CLIP for g in net.grads.values()]))
        print(s, l, frac)
