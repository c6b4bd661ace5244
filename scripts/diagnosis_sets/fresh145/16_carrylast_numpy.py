"""A stateful two-direction Elman RNN with a readout at every time step, in NumPy.

Three parallel streams are cut into chunks of 6 steps; the data holds one chunk per row,
X (chunks, streams, T, n_in), and the program is run one row per step (--batch-size 1).
The forward direction carries its last hidden state from one chunk into the next
(truncated BPTT: no gradient crosses the boundary) and is reset when an epoch starts;
the backward direction starts from zero at the end of every chunk.

    f_t = tanh(x_t Wxf + f_{t-1} Whf + bf)          f_0 = carried state
    b_t = tanh(x_t Wxb + b_{t+1} Whb + bb)          b_{T+1} = 0
    yhat_t = [f_t, b_t] Wy + by
    loss = sum over steps and outputs of (yhat - y)^2, divided by the number of streams

Gradients are clipped elementwise to [-5, 5]; the update is RMSprop:
    cache = decay * cache + (1 - decay) * g^2;   param -= lr * g / (sqrt(cache) + eps)

Parameters (self.params): Wxf, Wxb (n_in, hidden), Whf, Whb (hidden, hidden), bf, bb (hidden,),
Wy (2*hidden, n_out), by (n_out,). RMSprop state: self.cache. Carried state: self.h_carry.
"""

import os

import numpy as np


class StatefulBiRNN:
    def __init__(self, n_in=2, hidden=6, n_out=2, n_streams=3, chunks_per_epoch=5,
                 lr=0.01, decay=0.9, eps=1e-8, clip=5.0, seed=0):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(hidden)
        self.hidden = hidden
        self.params = {
            "Wxf": rng.uniform(-s, s, (n_in, hidden)),
            "Whf": rng.uniform(-s, s, (hidden, hidden)),
            "bf": rng.uniform(-s, s, hidden),
            "Wxb": rng.uniform(-s, s, (n_in, hidden)),
            "Whb": rng.uniform(-s, s, (hidden, hidden)),
            "bb": rng.uniform(-s, s, hidden),
            "Wy": rng.uniform(-s, s, (2 * hidden, n_out)),
            "by": rng.uniform(-s, s, n_out),
        }
        self.cache = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.h_carry = np.zeros((n_streams, hidden))
        self.chunks_per_epoch = chunks_per_epoch
        self.lr, self.decay, self.eps, self.clip = lr, decay, eps, clip
        self.n = 0

    def forward(self, x, h0):
        p = self.params
        S, T, _ = x.shape
        fs = [h0]                                   # fs[t + 1] = f_t
        for t in range(T):
            fs.append(np.tanh(x[:, t] @ p["Wxf"] + fs[-1] @ p["Whf"] + p["bf"]))
        bs = [None] * T + [np.zeros_like(h0)]       # bs[t] = b_t, bs[T] = 0
        for t in reversed(range(T)):
            bs[t] = np.tanh(x[:, t] @ p["Wxb"] + bs[t + 1] @ p["Whb"] + p["bb"])
        H = np.concatenate([np.stack(fs[1:], axis=1), np.stack(bs[:T], axis=1)], axis=-1)
        yhat = H @ p["Wy"] + p["by"]                # (S, T, n_out)
        return yhat, (fs, bs, H)

    def _start(self):
        if self.n % self.chunks_per_epoch == 0:
            return np.zeros_like(self.h_carry)
        return self.h_carry

    def loss(self, X, y):
        x, target = X[0], y[0]
        yhat, _ = self.forward(x, self._start())
        return np.sum((yhat - target) ** 2) / x.shape[0]

    def backward(self, x, target, h0):
        p = self.params
        S, T, _ = x.shape
        hid = self.hidden
        yhat, (fs, bs, H) = self.forward(x, h0)
        loss = np.sum((yhat - target) ** 2) / S
        dyhat = 2 * (yhat - target) / S
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Wy"] = H.reshape(S * T, -1).T @ dyhat.reshape(S * T, -1)
        g["by"] = dyhat.sum(axis=(0, 1))
        dH = dyhat @ p["Wy"].T
        dF, dB = dH[..., :hid], dH[..., hid:]
        dh = np.zeros_like(h0)                      # forward direction: back through time
        for t in reversed(range(T)):
            dpre = (dh + dF[:, t]) * (1 - fs[t + 1] ** 2)
            g["Wxf"] += x[:, t].T @ dpre
            g["Whf"] += fs[t].T @ dpre
            g["bf"] += dpre.sum(axis=0)
            dh = dpre @ p["Whf"].T
        dh = np.zeros_like(h0)                      # backward direction: forward through time
        for t in range(T):
            dpre = (dh + dB[:, t]) * (1 - bs[t] ** 2)
            g["Wxb"] += x[:, t].T @ dpre
            g["Whb"] += bs[t + 1].T @ dpre
            g["bb"] += dpre.sum(axis=0)
            dh = dpre @ p["Whb"].T
        return loss, g, fs[T - 1]  # fix: return loss, g, fs[T]

    def train_step(self, X, y):
        x, target = X[0], y[0]                      # one chunk: (streams, T, n_in)
        loss, grads, h_last = self.backward(x, target, self._start())
        for k in grads:
            np.clip(grads[k], -self.clip, self.clip, out=grads[k])
        self.grads = grads
        for k, param in self.params.items():
            self.cache[k] = self.decay * self.cache[k] + (1 - self.decay) * grads[k] ** 2
            param -= self.lr * grads[k] / (np.sqrt(self.cache[k]) + self.eps)
        self.h_carry = h_last
        self.n += 1
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "streams.npz"))
    X, y = data["X"], data["y"]
    net = StatefulBiRNN()
    for step in range(50):
        k = step % X.shape[0]
        loss = net.train_step(X[k:k + 1], y[k:k + 1])
        if step % 5 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
