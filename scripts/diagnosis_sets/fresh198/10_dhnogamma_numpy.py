"""FiLM-conditioned MLP classifier in NumPy.

    x = X[:, :6] (features), c = X[:, 6:] (conditioning)
    h     = x @ W1 + b1
    gamma = 1 + c @ Wg + bg,  beta = c @ Wb + bb      (per-unit FiLM scale and shift)
    a     = relu(gamma * h + beta)
    logits = a @ W2 + b2,  softmax cross-entropy (mean over the batch)
SGD with Nesterov momentum as torch.optim.SGD(nesterov=True): v = mu v + g; p -= lr (g + mu v).
"""
import numpy as np


class FiLMNet:
    def __init__(self, n_feat=6, n_cond=4, hidden=16, n_cls=3, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.n_feat = n_feat
        self.params = {
            "W1": rng.standard_normal((n_feat, hidden)) * np.sqrt(2.0 / n_feat),
            "b1": 0.1 * rng.standard_normal(hidden),
            "Wg": 0.3 * rng.standard_normal((n_cond, hidden)),
            "bg": np.zeros(hidden),
            "Wb": 0.3 * rng.standard_normal((n_cond, hidden)),
            "bb": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_cls)) / np.sqrt(hidden),
            "b2": np.zeros(n_cls),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.vel = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.mu = momentum

    def forward(self, X):
        p = self.params
        x, c = X[:, :self.n_feat], X[:, self.n_feat:]
        h = x @ p["W1"] + p["b1"]
        gamma = 1.0 + c @ p["Wg"] + p["bg"]
        beta = c @ p["Wb"] + p["bb"]
        z = gamma * h + beta
        a = np.maximum(z, 0.0)
        logits = a @ p["W2"] + p["b2"]
        return logits, (x, c, h, gamma, z, a)

    @staticmethod
    def cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        n = logits.shape[0]
        return -np.log(probs[np.arange(n), y]).mean(), probs

    def loss(self, X, y):
        return self.cross_entropy(self.forward(X)[0], np.asarray(y).astype(np.int64))[0]

    def backward(self, X, y):
        p, g = self.params, self.grads
        y = np.asarray(y).astype(np.int64)
        logits, (x, c, h, gamma, z, a) = self.forward(X)
        loss, probs = self.cross_entropy(logits, y)
        n = X.shape[0]
        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g["W2"] = a.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        da = dlogits @ p["W2"].T
        dz = da * (z > 0)
        dgamma = dz * h
        g["Wg"] = c.T @ dgamma
        g["bg"] = dgamma.sum(axis=0)
        g["Wb"] = c.T @ dz
        g["bb"] = dz.sum(axis=0)
        dh = dz
        g["W1"] = x.T @ dh
        g["b1"] = dh.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            self.vel[k] = self.mu * self.vel[k] + self.grads[k]
            p -= self.lr * (self.grads[k] + self.mu * self.vel[k])

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
