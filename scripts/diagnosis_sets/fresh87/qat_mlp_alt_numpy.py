"""The quantisation-aware MLP of qat_mlp_numpy.py written in another style: the weights kept as
attributes in the (out, in) layout of nn.Linear (W_hid, W_out) with x @ W.T products, the
per-tensor scale applied as scale * np.clip(np.rint(W / scale), ...), the activation levels
taken with np.floor(x * 15 + 0.5) (the same as rounding away from the half-way points), the
straight-through mask and the clipped ReLU through np.where, the cross-entropy through an
explicit log-sum-exp and a one-hot matrix, separate backward() and update() methods, the
momentum buffers updated in place and the learning rate of the step schedule taken from
divmod. Same model, loss and optimizer: SGD with momentum MOMENTUM, L2 decay WD on the two
weights only, LR halved every STEP_SIZE updates.

    X: float (n, 8), y: int (n,) class labels 0..2
"""

import numpy as np

D, HIDDEN, K = 8, 16, 3
QW, QA = 7, 15
LR, MOMENTUM, WD = 0.2, 0.9, 1e-3
STEP_SIZE, GAMMA = 8, 0.5


class QATMLPAlt:
    def __init__(self, seed=87):
        rng = np.random.default_rng(seed)
        self.W_hid = rng.normal(0.0, 1.0 / np.sqrt(D), (HIDDEN, D))
        self.b_hid = rng.uniform(0.0, 0.4, HIDDEN)
        self.W_out = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (K, HIDDEN))
        self.b_out = np.zeros(K)
        self.names = ("W_hid", "b_hid", "W_out", "b_out")
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in self.names}
        self.updates_done = 0

    @staticmethod
    def quantized(W):
        scale = np.max(np.abs(W)) / QW
        return scale * np.clip(np.rint(W / scale), -QW, QW)

    def forward(self, X):
        Wq_hid, Wq_out = self.quantized(self.W_hid), self.quantized(self.W_out)
        pre = X @ Wq_hid.T + self.b_hid
        inside = (pre > 0.0) & (pre < 1.0)
        clipped = np.where(pre <= 0.0, 0.0, np.where(pre >= 1.0, 1.0, pre))
        act = np.floor(clipped * QA + 0.5) / QA
        logits = act @ Wq_out.T + self.b_out
        self.cache = dict(X=X, Wq_out=Wq_out, inside=inside, act=act, logits=logits)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        top = logits.max(axis=1)
        lse = top + np.log(np.exp(logits - top[:, None]).sum(axis=1))
        return np.mean(lse - logits[np.arange(len(y)), y])

    def backward(self, y):
        c = self.cache
        logits = c["logits"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        onehot = np.eye(K, dtype=logits.dtype)[y]
        delta = (e / e.sum(axis=1, keepdims=True) - onehot) / len(y)
        dact = np.where(c["inside"], delta @ c["Wq_out"], 0.0)
        self.grads = {
            "W_out": delta.T @ c["act"],
            "b_out": delta.sum(axis=0),
            "W_hid": dact.T @ c["X"],
            "b_hid": dact.sum(axis=0),
        }

    def update(self):
        lr = LR * GAMMA ** divmod(self.updates_done, STEP_SIZE)[0]
        for name in self.names:
            W = getattr(self, name)
            d = self.grads[name] + WD * W if name.startswith("W_") else self.grads[name]
            buf = self.velocity[name]
            buf *= MOMENTUM
            buf += d
            W -= lr * buf
        self.updates_done += 1

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        self.update()
        return float(loss)
