"""A tanh MLP regressor trained with gradient accumulation, from scratch in NumPy (variant: the
accumulation over equal micro-batches computed as the one whole-batch pass it equals; the global
norm taken over one flat vector).

    h = tanh(X @ W1 + b1),  out = h @ W2 + b2
    loss(chunk) = mean((out - y) ** 2) + 0.5 * LAM * (|W1|^2 + |W2|^2)      (L2 penalty in the loss)

One training step splits its batch into N_MICRO equal micro-batches.  Each
micro-batch's loss is divided by N_MICRO (so the accumulated gradient is the
average) and multiplied by a static loss scale LOSS_SCALE before backprop;
gradients are summed over the micro-batches, the scale is undone, the global
L2 norm is clipped to MAX_NORM (as torch.nn.utils.clip_grad_norm_), then one
SGD-with-momentum update (torch.optim.SGD's formula: v = mu v + g, p -= lr v).

    X: (N, 6) float, y: (N, 2) float, N divisible by N_MICRO.
Parameters self.params: W1 (6, 10), b1 (10,), W2 (10, 2), b2 (2,).
self.grads: the unscaled, clipped gradient of the step; self.velocity: momentum buffers.
"""

import numpy as np

N_MICRO = 4
LOSS_SCALE = 128.0
LAM = 1e-2
MAX_NORM = 2.0


class AccumMLP:
    def __init__(self, n_in=6, hidden=10, n_out=2, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-1, 1, (n_in, hidden)) / np.sqrt(n_in),
            "b1": np.zeros(hidden),
            "W2": rng.uniform(-1, 1, (hidden, n_out)) / np.sqrt(hidden),
            "b2": np.zeros(n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.grad_norm = None

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        return h @ p["W2"] + p["b2"], h

    def chunk_loss(self, X, y):
        p = self.params
        out, _ = self.forward(X)
        return np.mean((out - y) ** 2) + 0.5 * LAM * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

    def loss(self, X, y):
        return sum(self.chunk_loss(xb, yb) for xb, yb in zip(np.array_split(X, N_MICRO), np.array_split(y, N_MICRO))) / N_MICRO

    def backward_chunk(self, X, y, scale):
        """Add the gradient of scale * chunk_loss into self.grads; return the chunk's loss."""
        p = self.params
        out, h = self.forward(X)
        diff = out - y
        loss = np.mean(diff ** 2) + 0.5 * LAM * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        dout = scale * 2 * diff / diff.size
        self.grads["W2"] += h.T @ dout + scale * LAM * p["W2"]
        self.grads["b2"] += dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (1 - h ** 2)
        self.grads["W1"] += X.T @ dpre + scale * LAM * p["W1"]
        self.grads["b1"] += dpre.sum(axis=0)
        return loss

    def clip_grad_norm(self):
        flat = np.concatenate([g.ravel() for g in self.grads.values()])
        total = np.sqrt(flat @ flat)
        self.grad_norm = float(total)
        coef = min(MAX_NORM / (total + 1e-6), 1.0)
        for k in self.grads:
            self.grads[k] *= coef

    def train_step(self, X, y):
        for k in self.grads:
            self.grads[k] = np.zeros_like(self.params[k])
        # The micro-batches are equal, so the average of their mean losses is the whole batch's
        # mean loss (and the penalty, counted N_MICRO times over N_MICRO, is counted once):
        # one backward pass over the whole batch gives the accumulated gradient.
        total_loss = self.backward_chunk(X, y, LOSS_SCALE)
        for k in self.grads:
            self.grads[k] /= LOSS_SCALE
        self.clip_grad_norm()
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]
        return float(total_loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "accum.npz"))
    net = AccumMLP()
    for s in range(20):
        l = net.train_step(d["X"], d["y"])
        print(s, l, net.grad_norm)
