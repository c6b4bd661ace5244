"""Mixup with label smoothing on a small MLP, from scratch in NumPy.

Each step mixes the batch with itself under that step's fixed permutation and
coefficient (mixup_mlp_plan.npz, row t of perm and lam):

    x'_i = lam x_i + (1 - lam) x_perm(i)
    s_i  = (1 - eps) onehot(y_i) + eps / K              label smoothing, eps = 0.1
    t_i  = lam s_i + (1 - lam) s_perm(i)                soft label

dense 10 -> 16, ReLU, dense 16 -> 4 logits, soft-target cross entropy
-(t_i . log softmax(z_i)) averaged over the batch. SGD with momentum 0.9
(v = mu v + g; p -= lr v), lr 0.1.

    X: float (N, 10), y: int64 (N,) in 0..3.
Parameters self.params: W1 (10, 16), b1 (16,), W2 (16, 4), b2 (4,).
"""

import os

import numpy as np

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixup_mlp_plan.npz")


class MixupMLP:
    d_in, hidden, classes = 10, 16, 4
    lr, momentum, smoothing = 0.1, 0.9, 0.1

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((self.d_in, self.hidden)) * np.sqrt(2.0 / self.d_in),
            "b1": np.zeros(self.hidden),
            "W2": rng.standard_normal((self.hidden, self.classes)) / np.sqrt(self.hidden),
            "b2": np.zeros(self.classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        plan = np.load(PLAN)
        self.perm, self.lam = plan["perm"], plan["lam"]
        self.t = 0

    def mix(self, X, y):
        """The step's mixed inputs, soft labels, permutation and lambda."""
        i = self.t % len(self.perm)
        perm, lam = self.perm[i], float(self.lam[i])
        Xm = lam * X + (1 - lam) * X[perm]
        onehot = np.eye(self.classes, dtype=X.dtype)[y]
        smooth = (1 - self.smoothing) * onehot + self.smoothing / self.classes
        T = lam * smooth + (1 - lam) * smooth[perm]
        return Xm, T

    def forward(self, Xm):
        p = self.params
        z1 = Xm @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0)
        logits = h @ p["W2"] + p["b2"]
        return z1, h, logits

    @staticmethod
    def log_softmax(logits):
        shifted = logits - logits.max(axis=1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        Xm, T = self.mix(X, y)
        logp = self.log_softmax(self.forward(Xm)[2])
        return -(T * logp).sum(axis=1).mean()

    def backward(self, X, y):
        p = self.params
        Xm, T = self.mix(X, y)
        z1, h, logits = self.forward(Xm)
        logp = self.log_softmax(logits)
        loss = -(T * logp).sum(axis=1).mean()
        N = X.shape[0]

        dlogits = (np.exp(logp) - T) / N          # rows of T sum to one
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dz1 = dh * (z1 > 0)
        self.grads["W1"] = Xm.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * self.velocity[k]  # fix: move this line below the velocity update (after the next line)
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixup_mlp.npz"))
    net = MixupMLP()
    for step in range(20):
        print(step, net.train_step(data["X"], data["y"]))
