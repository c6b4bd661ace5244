"""Karpathy's min-char-rnn, batched over the rows of a mini-batch: one-hot characters, a tanh
recurrence h_t = tanh(Wxh x_t + Whh h_{t-1} + bh) from h_{-1} = 0, the logits Why h_t + by and a
softmax over the alphabet at every position; the loss is summed over the positions (as in the
gist) and averaged over the sequences of the batch. Back-propagation through time with dhnext,
every gradient clipped to [-CLIP, CLIP] with np.clip(..., out=dparam), and Adagrad exactly as in
the gist: mem += dparam * dparam; param += -learning_rate * dparam / np.sqrt(mem + 1e-8).
The weights keep the gist's (out, in) layout; the states are kept in a dict keyed by time, with
hs[-1] the initial state.

    X: (n, T) int character ids, y: (n, T) int next-character ids
"""

import numpy as np

VOCAB, HIDDEN = 8, 12
CLIP = 0.5
NAMES = ("Wxh", "Whh", "Why", "bh", "by")


class CharRNN:
    def __init__(self, learning_rate=0.1, seed=1):
        rng = np.random.default_rng(seed)
        self.Wxh = rng.standard_normal((HIDDEN, VOCAB)) * 0.5
        self.Whh = rng.standard_normal((HIDDEN, HIDDEN)) * 0.3
        self.Why = rng.standard_normal((VOCAB, HIDDEN)) * 0.5
        self.bh = np.zeros(HIDDEN)
        self.by = np.zeros(VOCAB)
        self.learning_rate = learning_rate
        self.mem = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, inputs):
        n, steps = inputs.shape
        xs, hs, ps = {}, {-1: np.zeros((n, HIDDEN), dtype=self.Wxh.dtype)}, {}
        for t in range(steps):
            xs[t] = np.eye(VOCAB, dtype=self.Wxh.dtype)[inputs[:, t]]
            hs[t] = np.tanh(xs[t] @ self.Wxh.T + hs[t - 1] @ self.Whh.T + self.bh)
            ys = hs[t] @ self.Why.T + self.by
            e = np.exp(ys - ys.max(axis=1, keepdims=True))
            ps[t] = e / e.sum(axis=1, keepdims=True)
        return xs, hs, ps

    def loss(self, inputs, targets):
        n, steps = inputs.shape
        _, _, ps = self.forward(inputs)
        return float(sum(-np.log(ps[t][np.arange(n), targets[:, t]]).sum() for t in range(steps)) / n)

    def lossFun(self, inputs, targets):
        n, steps = inputs.shape
        xs, hs, ps = self.forward(inputs)
        loss = sum(-np.log(ps[t][np.arange(n), targets[:, t]]).sum() for t in range(steps)) / n
        dWxh, dWhh, dWhy = np.zeros_like(self.Wxh), np.zeros_like(self.Whh), np.zeros_like(self.Why)
        dbh, dby = np.zeros_like(self.bh), np.zeros_like(self.by)
        dhnext = np.zeros_like(hs[0])
        for t in reversed(range(steps)):
            dy = ps[t].copy()
            dy[np.arange(n), targets[:, t]] -= 1
            dy /= n
            dWhy += dy.T @ hs[t]
            dby += dy.sum(axis=0)
            dh = dy @ self.Why + dhnext
            dhraw = (1 - hs[t] * hs[t]) * dh
            dbh += dhraw.sum(axis=0)
            dWxh += dhraw.T @ xs[t]
            dWhh += dhraw.T @ hs[t - 1]
            dhnext = dhraw @ self.Whh
        for dparam in [dWxh, dWhh, dWhy, dbh, dby]:
            np.clip(dparam, -CLIP, CLIP, out=dparam)
        return loss, dWxh, dWhh, dWhy, dbh, dby

    def train_step(self, inputs, targets):
        loss, dWxh, dWhh, dWhy, dbh, dby = self.lossFun(inputs, targets)
        self.grads = dict(zip(NAMES, (dWxh, dWhh, dWhy, dbh, dby)))
        for param, dparam, mem in zip([self.Wxh, self.Whh, self.Why, self.bh, self.by],
                                      [dWxh, dWhh, dWhy, dbh, dby],
                                      [self.mem[k] for k in NAMES]):
            mem += dparam * dparam
            param += -self.learning_rate * dparam / np.sqrt(mem + 1e-8)
        return float(loss)
