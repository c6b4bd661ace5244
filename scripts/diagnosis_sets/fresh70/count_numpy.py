"""Spiking classifier with a spike-count readout, in NumPy, trained by hand-written BPTT.

Two layers of leaky integrate-and-fire neurons unrolled over the T time steps of the input:

    v1_t = BETA v1_{t-1} + x_t W1 + b1 - THRESH s1_{t-1},   s1_t = H(v1_t - THRESH)
    v2_t = BETA v2_{t-1} + s1_t W2 + b2 - THRESH s2_{t-1},  s2_t = H(v2_t - THRESH)

(reset by subtraction; the reset is treated as a constant in the backward pass, as snntorch's
detached reset). The output spike counts sum_t s2_t are the logits of a softmax cross-entropy
(mean over the batch). The Heaviside step is replaced in the backward pass by the fast-sigmoid
surrogate 1 / (1 + SLOPE |v - THRESH|)^2. Adam with torch's defaults.

    X: float (n, T, 8) input spike trains (0/1), y: float (n, 3) one-hot class
"""

import numpy as np

D_IN, HIDDEN, N_OUT = 8, 16, 3
BETA, THRESH, SLOPE = 0.85, 1.0, 5.0
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


def heaviside(v):
    return (v > THRESH).astype(v.dtype)


def fast_sigmoid_grad(v):
    return 1.0 / (1.0 + SLOPE * np.abs(v - THRESH)) ** 2


class SpikeCountSNN:
    def __init__(self, seed=70):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (D_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 0.6, (HIDDEN, N_OUT)),
            "b2": np.full(N_OUT, 0.1),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n, T, _ = X.shape
        dt = p["W1"].dtype
        v1 = np.zeros((n, HIDDEN), dtype=dt)
        s1 = np.zeros((n, HIDDEN), dtype=dt)
        v2 = np.zeros((n, N_OUT), dtype=dt)
        s2 = np.zeros((n, N_OUT), dtype=dt)
        counts = np.zeros((n, N_OUT), dtype=dt)
        cache = {"v1": [], "s1": [], "v2": []}
        for t in range(T):
            v1 = BETA * v1 + X[:, t] @ p["W1"] + p["b1"] - THRESH * s1
            s1 = heaviside(v1)
            v2 = BETA * v2 + s1 @ p["W2"] + p["b2"] - THRESH * s2
            s2 = heaviside(v2)
            counts += s2
            cache["v1"].append(v1)
            cache["s1"].append(s1)
            cache["v2"].append(v2)
        return counts, cache

    def backward(self, X, y, counts, cache):
        p = self.params
        n, T, _ = X.shape
        z = counts - counts.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        dcounts = (prob - y) / n

        g = {k: np.zeros_like(a) for k, a in p.items()}
        dv1_next = np.zeros((n, HIDDEN), dtype=counts.dtype)
        dv2_next = np.zeros((n, N_OUT), dtype=counts.dtype)
        for t in reversed(range(T)):
            dv2 = dcounts * fast_sigmoid_grad(cache["v2"][t]) + BETA * dv2_next
            g["W2"] += cache["s1"][t].T @ dv2
            g["b2"] += dv2.sum(axis=0)
            ds1 = dv2 @ p["W2"].T
            dv1 = ds1 * fast_sigmoid_grad(cache["v1"][t]) + BETA * dv1_next
            g["W1"] += X[:, t].T @ dv1
            g["b1"] += dv1.sum(axis=0)
            dv1_next, dv2_next = dv1, dv2
        return g

    def train_step(self, X, y):
        p = self.params
        y = y.astype(p["W1"].dtype)
        counts, cache = self.forward(X)
        z = counts - counts.max(axis=1, keepdims=True)
        loss = np.mean(np.log(np.exp(z).sum(axis=1)) - (z * y).sum(axis=1))
        g = self.backward(X, y, counts, cache)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
