"""Stateful Elman RNN in NumPy trained by truncated back-propagation through time: the data are
ten long series cut into chunks of 5 steps, fed chunk after chunk (batches of 10 rows, one row
per series), and the final state of each chunk is carried over as the initial state of the next
one (as a constant: the gradient is truncated at the chunk boundary). Written to mirror
torch.nn.RNN (W_ih, W_hh, two biases, (out, in) layout); the next value predicted at every step,
the squared errors summed over the steps and averaged over the series; plain SGD.

    X: (n, 5, 2), y: (n, 5)
"""

import numpy as np

D, H = 2, 5


class StatefulRNN:
    def __init__(self, lr=0.05, seed=21):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.W_ih = rng.uniform(-k, k, (H, D))
        self.W_hh = rng.uniform(-k, k, (H, H))
        self.b_ih = rng.uniform(-k, k, H)
        self.b_hh = rng.uniform(-k, k, H)
        self.W_y = rng.uniform(-k, k, (1, H))
        self.b_y = np.zeros(1)
        self.lr = lr
        self.carry = None

    def train_step(self, X, y):
        n, T, _ = X.shape
        h0 = np.zeros((n, H), dtype=X.dtype) if self.carry is None else self.carry
        hs = [h0]
        for t in range(T):
            hs.append(np.tanh(X[:, t] @ self.W_ih.T + self.b_ih + hs[-1] @ self.W_hh.T + self.b_hh))
        S = np.stack(hs[1:], axis=1)                                     # (n, T, H)
        pred = (S @ self.W_y.T)[..., 0] + self.b_y
        loss = ((pred - y) ** 2).sum() / n
        self.carry = hs[-1].copy()

        dpred = 2.0 * (pred - y) / n
        grads = {"W_y": np.einsum("nt,nth->h", dpred, S)[None], "b_y": np.array([dpred.sum()], dtype=X.dtype)}
        for name in ("W_ih", "W_hh", "b_ih", "b_hh"):
            grads[name] = np.zeros_like(getattr(self, name))
        carry_back = np.zeros_like(h0)
        for t in range(T - 1, -1, -1):
            da = (dpred[:, t, None] * self.W_y + carry_back) * (1.0 - hs[t + 1] ** 2)
            grads["W_ih"] += da.T @ X[:, t]
            grads["W_hh"] += da.T @ hs[t]
            grads["b_ih"] += da.sum(axis=0)
            grads["b_hh"] += da.sum(axis=0)
            carry_back = da @ self.W_hh
        self.grads = grads
        for name, grad in grads.items():
            setattr(self, name, getattr(self, name) - self.lr * grad)
        return float(loss)
