"""A discrete bottleneck classifier with straight-through hard Gumbel-softmax samples, in NumPy.

Each row of X holds F features followed by the Gumbel noise of its G categorical variables of
K classes each (fixed as data, cut with the batch).

    logits = (feats We + be).reshape(N, G, K)
    tau_t  = max(tau_min, tau0 - decay * t)              linear annealing, t = 0, 1, ...
    y_soft = softmax((logits + g) / tau_t, axis=-1)
    y_hard = one_hot(argmax(y_soft, axis=-1))            the forward pass uses the hard sample,
    z      = y_hard (forward),  dz/dy_soft = I (backward) the straight-through estimator
    out    = z.reshape(N, G*K) Wc + bc                   class logits, (N, C)
    loss   = mean_n cross_entropy(out, y)

Backward by hand; plain SGD by hand.
Parameters: self.params = {We (F, G*K), be (G*K,), Wc (G*K, C), bc (C,)}.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class STGumbelNet:
    def __init__(self, F=8, G=3, K=4, C=3, tau0=1.0, tau_min=0.5, decay=0.05, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "We": rng.normal(0, 1 / math.sqrt(F), (F, G * K)),
            "be": np.zeros(G * K),
            "Wc": rng.normal(0, 1 / math.sqrt(G), (G * K, C)),
            "bc": np.zeros(C),
        }
        self.grads = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.F, self.G, self.K = F, G, K
        self.tau0, self.tau_min, self.decay, self.lr = tau0, tau_min, decay, lr
        self.t = 0

    def temperature(self):
        return max(self.tau_min, self.tau0 - self.decay * self.t)

    def forward(self, X):
        p = self.params
        N = X.shape[0]
        feats = X[:, : self.F]
        g = X[:, self.F:].reshape(N, self.G, self.K)
        logits = (feats @ p["We"] + p["be"]).reshape(N, self.G, self.K)
        tau = self.temperature()
        s = (logits + g) / tau
        e = np.exp(s - s.max(axis=-1, keepdims=True))
        y_soft = e / e.sum(axis=-1, keepdims=True)
        y_hard = np.eye(self.K, dtype=y_soft.dtype)[y_soft.argmax(axis=-1)]
        z = y_hard.reshape(N, -1)
        out = z @ p["Wc"] + p["bc"]
        return out, (feats, tau, y_soft, z)

    @staticmethod
    def cross_entropy(out, y):
        sh = out - out.max(axis=1, keepdims=True)
        logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self.cross_entropy(self.forward(X)[0], y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        out, (feats, tau, y_soft, z) = self.forward(X)
        loss, probs = self.cross_entropy(out, y)
        dout = probs.copy()
        dout[np.arange(N), y] -= 1
        dout /= N
        self.grads["Wc"] = z.T @ dout
        self.grads["bc"] = dout.sum(axis=0)
        dz = (dout @ p["Wc"].T).reshape(N, self.G, self.K)
        dsoft = dz                                              # straight-through
        ds = y_soft * (dsoft - (dsoft * y_soft).sum(axis=-1, keepdims=True))
        dlogits = (ds / tau).reshape(N, -1)
        self.grads["We"] = feats.T @ dlogits
        self.grads["be"] = dlogits.sum(axis=0)
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for n, p in self.params.items():
            p -= self.lr * self.grads[n]
        self.t += 1
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "sthard.npz"))
    net = STGumbelNet()
    for step in range(20):
        print(step, net.train_step(data["X"], data["y"]))
