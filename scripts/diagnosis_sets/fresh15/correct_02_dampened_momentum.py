"""NumPy ReLU softmax classifier (5 -> 9 -> 4, mean cross-entropy) trained with heavy-ball
momentum 0.9 with dampening 0.3, written to follow torch.optim.SGD exactly: the first step
stores the raw gradient as the buffer, later steps buf = mu buf + (1 - dampening) g. The labels
are read off the one-hot targets with np.nonzero."""

import numpy as np


class DampedMomentumNet:
    def __init__(self, X, y, hidden=9, lr=0.2, momentum=0.9, dampening=0.3):
        rng = np.random.default_rng(18)
        self.w_in = rng.normal(0, np.sqrt(2 / X.shape[1]), (X.shape[1], hidden))
        self.b_in = np.zeros(hidden)
        self.w_out = rng.normal(0, np.sqrt(1 / hidden), (hidden, y.shape[1]))
        self.b_out = np.zeros(y.shape[1])
        self.lr, self.momentum, self.dampening = lr, momentum, dampening
        self.buffers = None

    def train_step(self, X, y):
        n = len(X)
        rows, labels = np.nonzero(y)
        z = X @ self.w_in + self.b_in
        h = np.where(z > 0, z, 0.0)
        s = h @ self.w_out + self.b_out
        s = s - s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -log_p[rows, labels].mean()
        ds = np.exp(log_p)
        ds[rows, labels] -= 1.0
        ds /= n
        dh = (ds @ self.w_out.T) * (z > 0)
        params = [self.w_in, self.b_in, self.w_out, self.b_out]
        grads = [X.T @ dh, dh.sum(axis=0), h.T @ ds, ds.sum(axis=0)]
        if self.buffers is None:
            self.buffers = [g.copy() for g in grads]
        else:
            for buf, g in zip(self.buffers, grads):
                buf *= self.momentum
                buf += (1.0 - self.dampening) * g
        for p, buf in zip(params, self.buffers):
            p -= self.lr * buf
        return float(loss)
