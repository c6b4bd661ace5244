"""Two-layer GCN over an edge list, with dropout and AdamW, from scratch in NumPy.

The graph (edges.npz) is an edge list, each undirected edge listed once. The
program adds the reverse edges and a self-loop per node, and propagates by
scatter-add over the edges with the symmetric normalisation of A + I:

    norm_e = deg(src_e)^-1/2 * deg(dst_e)^-1/2        deg counted over A + I
    propagate(H)_i = sum over edges e with dst_e = i of norm_e * H[src_e]

    H1 = relu(propagate(X @ W1) + b1)
    H1 = H1 * mask_t / (1 - p)          inverted dropout, p = 0.5, mask_t = drop_masks[t % 8]
    Z  = propagate(H1 @ W2) + b2        logits
    loss = cross-entropy averaged over the training nodes

The dropout masks are data (edges.npz), so the NumPy program and the port drop
the same units at the same step. AdamW (decoupled weight decay 0.05) by hand,
as torch.optim.AdamW.

Parameters self.params: W1 (n_features, 16), b1 (16,), W2 (16, classes), b2 (classes,).
self.grads, AdamW moments self.m, self.v, step count self.t (also picks the dropout mask).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class EdgeGCN:
    def __init__(self, graph=os.path.join(HERE, "edges.npz"), hidden=16, lr=0.01,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05, p_drop=0.5, seed=0):
        data = np.load(graph)
        edges = data["edges"]
        n_nodes, n_features = data["X"].shape
        n_classes = int(data["y"].max()) + 1
        loops = np.arange(n_nodes)
        self.src = np.concatenate([edges[0], edges[1], loops])
        self.dst = np.concatenate([edges[1], edges[0], loops])
        deg = np.bincount(self.dst, minlength=n_nodes).astype(np.float32)
        d_inv_sqrt = 1.0 / np.sqrt(deg)
        self.norm = d_inv_sqrt[self.src] * d_inv_sqrt[self.dst]
        self.train_mask = data["train_mask"].astype(bool)
        self.drop_masks = data["drop_masks"]
        self.p_drop = p_drop

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
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------ propagation
    def propagate(self, H):
        out = np.zeros_like(H)
        np.add.at(out, self.dst, self.norm[:, None] * H[self.src])
        return out

    def propagate_backward(self, dout):
        dH = np.zeros_like(dout)
        np.add.at(dH, self.src, self.norm[:, None] * dout[self.dst])
        return dH

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        Z1 = self.propagate(X @ p["W1"]) + p["b1"]
        H1 = np.maximum(Z1, 0)
        mask = self.drop_masks[self.t % len(self.drop_masks)]
        keep = 1.0 - self.p_drop
        H1d = H1 * mask / keep
        Z2 = self.propagate(H1d @ p["W2"]) + p["b2"]
        self.cache = (X, Z1, H1d, mask, keep)
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
        X, Z1, H1d, mask, keep = self.cache

        dZ2 = probs.copy()
        dZ2[np.arange(len(y)), y] -= 1
        dZ2 *= self.train_mask[:, None]
        dZ2 /= int(self.train_mask.sum())

        self.grads["b2"] = dZ2.sum(axis=0)
        dP2 = self.propagate_backward(dZ2)
        self.grads["W2"] = H1d.T @ dP2
        dH1d = dP2 @ p["W2"].T
        dH1 = dH1d / keep  # fix: dH1 = dH1d * mask / keep
        dZ1 = dH1 * (Z1 > 0)
        self.grads["b1"] = dZ1.sum(axis=0)
        self.grads["W1"] = X.T @ self.propagate_backward(dZ1)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bias_correction1 = 1 - self.beta1 ** self.t
        bias_correction2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1 - self.lr * self.weight_decay              # decoupled weight decay
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
            p -= (self.lr / bias_correction1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "edges.npz"))
    X, y = data["X"], data["y"]
    net = EdgeGCN()
    for step in range(100):
        loss = net.train_step(X, y)
        if step % 10 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
