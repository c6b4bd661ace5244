"""A two-hidden-layer tanh classifier trained with a step-decay schedule, in NumPy.

    h1 = tanh(X @ W1.T + b1), h2 = tanh(h1 @ W2.T + b2), logits = h2 @ W3.T + b3
    W1 (16, 6), W2 (16, 16), W3 (3, 16): weights kept (out, in), as nn.Linear
    loss = label-smoothed cross-entropy (eps 0.2), mean over the batch

One step: gradients by hand; clip every gradient element to [-0.02, 0.02]
(as clip_grad_value_); SGD with heavy-ball momentum 0.9 (v = mu v + g; p -= lr v, as
torch.optim.SGD); learning rate 0.2 halved every 5 updates (as StepLR(step_size=5, gamma=0.5)
stepped after optimizer.step()).

Attributes W1, b1, W2, b2, W3, b3; self.grads the clipped gradients, self.velocity the buffers.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


class StepNet:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=0.2, momentum=0.9, clip_value=0.02,
                 smoothing=0.2, step_size=5, gamma=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, size=(hidden, n_in)) / np.sqrt(n_in)
        self.b1 = rng.uniform(-0.1, 0.1, size=hidden)
        self.W2 = rng.uniform(-1, 1, size=(hidden, hidden)) / np.sqrt(hidden)
        self.b2 = rng.uniform(-0.1, 0.1, size=hidden)
        self.W3 = rng.uniform(-1, 1, size=(n_out, hidden)) / np.sqrt(hidden)
        self.b3 = np.zeros(n_out)
        self.n_out = n_out
        self.lr0 = lr
        self.momentum = momentum
        self.clip_value = clip_value
        self.smoothing = smoothing
        self.step_size = step_size
        self.gamma = gamma
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.steps_done = 0

    def forward(self, X):
        self.X = X
        self.h1 = np.tanh(X @ self.W1.T + self.b1)
        self.h2 = np.tanh(self.h1 @ self.W2.T + self.b2)
        self.logits = self.h2 @ self.W3.T + self.b3
        return self.logits

    def loss_and_probs(self, logits, y):
        N = logits.shape[0]
        m = logits.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
        logp = logits - lse
        eps = self.smoothing
        loss = -((1 - eps) * logp[np.arange(N), y] + eps * logp.mean(axis=1)).mean()
        return loss, np.exp(logp)

    def loss(self, X, y):
        return self.loss_and_probs(self.forward(X), y)[0]

    def backward(self, y):
        N = self.X.shape[0]
        loss, probs = self.loss_and_probs(self.logits, y)
        eps = self.smoothing
        onehot = np.zeros_like(probs)
        onehot[np.arange(N), y] = 1.0
        target = (1 - eps) * onehot + eps / self.n_out
        d3 = (probs - target) / N
        g = {"W3": d3.T @ self.h2, "b3": d3.mean(axis=0)}
        d2 = (d3 @ self.W3) * (1 - self.h2 ** 2)
        g["W2"] = d2.T @ self.h1
        g["b2"] = d2.mean(axis=0)
        d1 = (d2 @ self.W2) * (1 - self.h1 ** 2)
        g["W1"] = d1.T @ self.X
        g["b1"] = d1.mean(axis=0)
        return loss, g

    def current_lr(self):
        return self.lr0 * self.gamma ** (self.steps_done // self.step_size)

    def train_step(self, X, y):
        self.forward(X)
        loss, g = self.backward(y)
        c = self.clip_value
        self.grads = {k: np.clip(v, -c, c) for k, v in g.items()}
        lr = self.current_lr()
        for k in NAMES:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            setattr(self, k, getattr(self, k) - lr * self.velocity[k])
        self.steps_done += 1
        return float(loss)
