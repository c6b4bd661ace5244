"""A tiny next-token language model with tied input/output embeddings, in NumPy.

Two previous token ids -> rows of the embedding table E, concatenated ->
tanh hidden layer of width n_embd -> logits = h @ E.T + b_out (the output
projection IS the embedding table, transposed) -> softmax cross-entropy,
averaged over the batch. Trained with Adam, written by hand as torch.optim.Adam.

    X: int64 (N, context) token ids, y: int64 (N,) the next token id.

Parameters (self.params): E (vocab, n_embd), W1 (context*n_embd, n_embd),
b1 (n_embd,), b_out (vocab,).
E collects two gradients: the scatter-add of the rows looked up at the input,
and the output projection's dlogits.T @ h.
Optimizer state: self.m, self.v (keyed like self.params), step count self.t.
"""

import math
import os

import numpy as np


class TiedLM:
    def __init__(self, vocab_size=16, n_embd=8, context=2, lr=0.02, betas=(0.9, 0.999),
                 eps=1e-8, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.vocab_size = vocab_size
        self.context = context
        fan_in = context * n_embd
        self.params = {
            "E": rng.standard_normal((vocab_size, n_embd)) * 0.5,
            "W1": rng.standard_normal((fan_in, n_embd)) / math.sqrt(fan_in),
            "b1": rng.standard_normal(n_embd) * 0.01,
            "b_out": np.zeros(vocab_size),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def _forward(self, X):
        p = self.params
        emb = p["E"][X]                               # (N, context, n_embd)
        x = emb.reshape(X.shape[0], -1)               # (N, context*n_embd)
        h = np.tanh(x @ p["W1"] + p["b1"])            # (N, n_embd)
        logits = h @ p["E"].T + p["b_out"]            # (N, vocab): tied output projection
        return logits, (x, h)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax_xent(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._softmax_xent(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (x, h) = self._forward(X)
        loss, probs = self._softmax_xent(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N

        dE_out = dlogits.T @ h                        # (vocab, n_embd): logits = h @ E.T
        self.grads["b_out"] = dlogits.sum(axis=0)
        dh = dlogits @ p["E"]                         # (N, n_embd)
        dpre = dh * (1.0 - h ** 2)                    # tanh'
        self.grads["W1"] = x.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        demb = (dpre @ p["W1"].T).reshape(N, self.context, -1)
        dE_in = np.zeros_like(p["E"])
        dE_in[X] += demb  # fix: np.add.at(dE_in, X, demb)
        self.grads["E"] = dE_in + dE_out              # tied: input and output uses
        return loss

    def update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lm.npz"))
    X, y = data["X"], data["y"]
    net = TiedLM()
    for step in range(200):
        loss = net.train_step(X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
