"""A Bengio-2003-style character n-gram language model, from scratch in NumPy.

Three previous characters -> their embeddings (a lookup table C) concatenated
-> tanh hidden layer -> logits over the 27 characters -> softmax cross-entropy
averaged over the batch. Trained with AdamW (decoupled weight decay) and a
cosine learning-rate schedule, all written by hand.

    X: int64 (N, 3) token ids of the context, y: int64 (N,) id of the next token.

Parameters (self.params):  C (vocab, n_embd), W1 (context*n_embd, hidden),
b1 (hidden,), W2 (hidden, vocab), b2 (vocab,).
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.

The learning rate used by the t-th update (t = 1, 2, ...) is
    lr_min + 0.5 * (lr - lr_min) * (1 + cos(pi * (t - 1) / total_steps)),
i.e. the first update uses the full lr, as torch's CosineAnnealingLR does when
scheduler.step() is called after optimizer.step().
"""

import math
import os

import numpy as np


class NgramLM:
    def __init__(self, vocab_size=27, n_embd=10, context=3, hidden=64, lr=1e-2, lr_min=0.0,
                 total_steps=1000, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.vocab_size = vocab_size
        self.context = context
        fan_in = context * n_embd
        self.params = {
            "C": rng.standard_normal((vocab_size, n_embd)),
            "W1": rng.standard_normal((fan_in, hidden)) * (5 / 3) / math.sqrt(fan_in),
            "b1": rng.standard_normal(hidden) * 0.01,
            "W2": rng.standard_normal((hidden, vocab_size)) * 0.1 / math.sqrt(hidden),
            "b2": np.zeros(vocab_size),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

        # AdamW + cosine schedule
        self.lr_max = lr
        self.lr_min = lr_min
        self.total_steps = total_steps
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        emb = p["C"][X]                              # (N, context, n_embd)
        x = emb.reshape(X.shape[0], -1)              # (N, context*n_embd)
        h = np.tanh(x @ p["W1"] + p["b1"])           # (N, hidden)
        logits = h @ p["W2"] + p["b2"]               # (N, vocab)
        return logits, (x, h)

    def forward(self, X):
        """Logits, shape (N, vocab)."""
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logsumexp = np.log(np.exp(shifted).sum(axis=1))
        log_probs = shifted - logsumexp[:, None]
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        """Fill self.grads by the chain rule; return the loss."""
        p = self.params
        N = X.shape[0]
        logits, (x, h) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        # d loss / d logits = (softmax - onehot) / N
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N

        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dpre = dh * (1 - h ** 2)                     # tanh'
        self.grads["W1"] = x.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        dx = dpre @ p["W1"].T                        # (N, context*n_embd)
        demb = dx.reshape(N, self.context, -1)
        dC = np.zeros_like(p["C"])
        np.add.at(dC, X, demb)                       # scatter-add rows of repeated tokens
        self.grads["C"] = dC
        return loss

    # ---------------------------------------------------------------- optimizer
    def learning_rate(self, step):
        """Cosine schedule: learning rate of the update made after `step` previous updates."""
        return self.lr_min + 0.5 * (self.lr_max - self.lr_min) * (
            1 + math.cos(math.pi * step / self.total_steps))

    def update(self):
        lr = self.learning_rate(self.t)
        self.t += 1
        bias_correction1 = 1 - self.beta1 ** self.t
        bias_correction2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1 - lr * self.weight_decay          # decoupled weight decay
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
            p -= (lr / bias_correction1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ngram.npz"))
    X, y = data["X"], data["y"]
    steps = 200
    model = NgramLM(total_steps=steps, seed=0)
    for step in range(steps):
        loss = model.train_step(X, y)
        if step % 20 == 0 or step == steps - 1:
            print(f"step {step:4d}  lr {model.learning_rate(step):.5f}  loss {loss:.4f}")
