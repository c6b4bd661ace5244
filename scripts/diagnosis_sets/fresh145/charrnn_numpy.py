"""Character-level Elman RNN trained statefully by truncated BPTT, min-char-rnn style, in NumPy.

One long token sequence is cut into chunks of seq_length; the data holds every chunk
(X the inputs, y the targets: the inputs shifted by one) and the program takes chunk
    i = step_count % n_chunks
at each step. The hidden state left by one chunk is the initial state of the next
(gradients stop at the chunk boundary); it is reset to zero when the data wraps round.

    h_t = tanh(Wxh x_t + Whh h_{t-1} + bh)        x_t one-hot, column vectors
    y_t = Why h_t + by,   p_t = softmax(y_t)
    loss = sum_t -log p_t[target_t]               (summed over the chunk)

Gradients are clipped elementwise to [-5, 5]; the update is Adagrad:
    mem += g * g;   param -= lr * g / (sqrt(mem) + 1e-8)

Parameters (self.params): Wxh (hidden, vocab), Whh (hidden, hidden), Why (vocab, hidden),
bh (hidden, 1), by (vocab, 1). Adagrad memory: self.mem, keyed alike. Carried state: self.hprev.
"""

import os

import numpy as np


class CharRNN:
    def __init__(self, vocab_size=6, hidden_size=12, learning_rate=0.1, clip=5.0, seed=0):
        rng = np.random.default_rng(seed)
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size
        self.learning_rate = learning_rate
        self.clip = clip
        self.params = {
            "Wxh": rng.standard_normal((hidden_size, vocab_size)) * 0.1,
            "Whh": rng.standard_normal((hidden_size, hidden_size)) * 0.1,
            "Why": rng.standard_normal((vocab_size, hidden_size)) * 0.1,
            "bh": np.zeros((hidden_size, 1)),
            "by": np.zeros((vocab_size, 1)),
        }
        self.mem = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.hprev = np.zeros((hidden_size, 1))
        self.step_count = 0

    def lossFun(self, inputs, targets, hprev):
        """Forward and backward over one chunk; returns loss, gradients, last hidden state."""
        Wxh, Whh, Why = self.params["Wxh"], self.params["Whh"], self.params["Why"]
        bh, by = self.params["bh"], self.params["by"]
        xs, hs, ys, ps = {}, {}, {}, {}
        hs[-1] = np.copy(hprev)
        loss = 0.0
        for t in range(len(inputs)):
            xs[t] = np.zeros((self.vocab_size, 1), dtype=Wxh.dtype)
            xs[t][inputs[t]] = 1
            hs[t] = np.tanh(Wxh @ xs[t] + Whh @ hs[t - 1] + bh)
            ys[t] = Why @ hs[t] + by
            ps[t] = np.exp(ys[t] - np.max(ys[t])) / np.sum(np.exp(ys[t] - np.max(ys[t])))
            loss += -np.log(ps[t][targets[t], 0])
        dWxh, dWhh, dWhy = np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(Why)
        dbh, dby = np.zeros_like(bh), np.zeros_like(by)
        dhnext = np.zeros_like(hs[0])
        for t in reversed(range(len(inputs))):
            dy = np.copy(ps[t])
            dy[targets[t]] -= 1
            dWhy += dy @ hs[t].T
            dby += dy
            dh = Why.T @ dy + dhnext
            dhraw = (1 - hs[t] * hs[t]) * dh
            dbh += dhraw
            dWxh += dhraw @ xs[t].T
            dWhh += dhraw @ hs[t - 1].T
            dhnext = Whh.T @ dhraw
        grads = {"Wxh": dWxh, "Whh": dWhh, "Why": dWhy, "bh": dbh, "by": dby}
        return loss, grads, hs[len(inputs) - 1]

    def _chunk(self, X, y):
        i = self.step_count % X.shape[0]
        hprev = np.zeros_like(self.hprev) if i == 0 else self.hprev
        return X[i], y[i], hprev

    def loss(self, X, y):
        inputs, targets, hprev = self._chunk(X, y)
        return self.lossFun(inputs, targets, hprev)[0]

    def train_step(self, X, y):
        inputs, targets, hprev = self._chunk(X, y)
        loss, grads, hlast = self.lossFun(inputs, targets, hprev)
        for k in grads:
            np.clip(grads[k], -self.clip, self.clip, out=grads[k])   # mitigate exploding gradients
        self.grads = grads
        for k, param in self.params.items():
            g = grads[k]
            self.mem[k] += g * g
            param -= self.learning_rate * g / (np.sqrt(self.mem[k]) + 1e-8)
        self.hprev = hlast
        self.step_count += 1
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "charseq.npz"))
    net = CharRNN()
    for step in range(60):
        loss = net.train_step(data["X"], data["y"])
        if step % 6 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
