"""NumPy tanh/softmax classifier (5 -> 8 -> 3), mean cross-entropy, Nesterov momentum in torch's
form (buf = mu buf + g; w -= lr (g + mu buf)) with in-place ufuncs (out=), gradient accumulation
over unequal micro-batches (np.array_split, each summed gradient divided by the batch size), and a
weight EMA kept apart (np.copyto into its own arrays)."""

import numpy as np

LR, MU, CHUNKS, DECAY = 0.3, 0.9, 4, 0.95


class NesterovNet:
    def __init__(self, seed=23):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0.0, 0.5, (5, 8)), np.zeros(8)
        self.W2, self.b2 = rng.normal(0.0, 0.5, (8, 3)), np.zeros(3)
        self.buf = None
        self.ema = None

    def params(self):
        return (self.W1, self.b1, self.W2, self.b2)

    def train_step(self, X, y):
        if self.buf is None:
            self.buf = [np.zeros_like(w) for w in self.params()]
            self.ema = [np.empty_like(w) for w in self.params()]
            for e, w in zip(self.ema, self.params()):
                np.copyto(e, w)
        n = len(X)
        total = [np.zeros_like(w) for w in self.params()]
        for xb, yb in zip(np.array_split(X, CHUNKS), np.array_split(y, CHUNKS)):
            h = np.tanh(xb @ self.W1 + self.b1)
            z = h @ self.W2 + self.b2
            prob = np.exp(z - np.logaddexp.reduce(z, axis=1, keepdims=True))
            d = (prob - yb) / n
            dh = (d @ self.W2.T) * (1.0 - h) * (1.0 + h)
            for t, g in zip(total, (xb.T @ dh, np.add.reduce(dh, axis=0), h.T @ d, np.add.reduce(d, axis=0))):
                np.add(t, g, out=t)
        for w, g, b, e in zip(self.params(), total, self.buf, self.ema):
            np.multiply(b, MU, out=b)
            np.add(b, g, out=b)
            np.subtract(w, LR * (g + MU * b), out=w)
            np.multiply(e, DECAY, out=e)
            np.add(e, (1 - DECAY) * w, out=e)
