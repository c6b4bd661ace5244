"""Deep Sets classifier with masked max pooling, written from scratch in NumPy.

Each row of X is a padded set of up to 8 elements with 4 features; padded slots are all zero
(the padding value), so an element is real where any of its features is nonzero.
y holds one of three classes.

    phi:  e = tanh(x W_phi + b_phi)            (per element, 4 -> 12)
    pool: p = max over the real elements of e  (padding excluded)
    rho:  h = relu(p W_h + b_h)                (12 -> 16)
          logits = h W_out + b_out             (16 -> 3)
    loss: softmax cross-entropy, mean over the batch

The backward pass of the max sends each pooled unit's gradient to the element that won it.
Trained with SGD, momentum 0.9, coupled weight decay 1e-3 (as torch.optim.SGD: the decay is
added to the gradient before it enters the velocity), lr 0.1.
"""

import numpy as np


class MaxDeepSet:
    def __init__(self, n_feat=4, embed=12, hidden=16, n_classes=3, lr=0.1, momentum=0.9,
                 weight_decay=1e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.W_phi = rng.uniform(-1, 1, (n_feat, embed)) / np.sqrt(n_feat)
        self.b_phi = rng.uniform(-1, 1, embed) / np.sqrt(n_feat)
        self.W_h = rng.uniform(-1, 1, (embed, hidden)) / np.sqrt(embed)
        self.b_h = rng.uniform(-1, 1, hidden) / np.sqrt(embed)
        self.W_out = rng.uniform(-1, 1, (hidden, n_classes)) / np.sqrt(hidden)
        self.b_out = rng.uniform(-1, 1, n_classes) / np.sqrt(hidden)
        self.names = ["W_phi", "b_phi", "W_h", "b_h", "W_out", "b_out"]
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}

    def forward(self, X):
        mask = np.any(X != 0, axis=-1)                        # (N, S) real elements
        e = np.tanh(X @ self.W_phi + self.b_phi)              # (N, S, E)
        e_masked = np.where(mask[:, :, None], e, -np.inf)
        pooled = e_masked.max(axis=1)                         # (N, E)
        a = pooled @ self.W_h + self.b_h
        h = np.maximum(a, 0)
        logits = h @ self.W_out + self.b_out
        return logits, (e, pooled, a, h)

    def loss(self, X, y):
        logits, _ = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(y)), y].mean())

    def backward(self, X, y):
        logits, (e, pooled, a, h) = self.forward(X)
        N = X.shape[0]
        z = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(z)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g = {}
        g["W_out"] = h.T @ dlogits
        g["b_out"] = dlogits.sum(axis=0)
        da = (dlogits @ self.W_out.T) * (a > 0)
        g["W_h"] = pooled.T @ da
        g["b_h"] = da.sum(axis=0)
        dpooled = da @ self.W_h.T                             # (N, E)

        idx = np.argmax(e, axis=1)                            # (N, E) winning element
        de = np.zeros_like(e)                                 # route to the argmax only
        np.put_along_axis(de, idx[:, None, :], dpooled[:, None, :], axis=1)
        dz = de * (1 - e ** 2)
        g["W_phi"] = np.einsum("nsf,nse->fe", X, dz)
        g["b_phi"] = dz.sum(axis=(0, 1))
        self.grads = g
        return loss

    def sgd(self):
        for k in self.names:
            p = getattr(self, k)
            d = self.grads[k] + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + d
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd()
        return float(loss)
