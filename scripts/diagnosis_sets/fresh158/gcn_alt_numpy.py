"""The GCN of gcn_numpy.py written another way, NumPy.

A_hat built with diagonal matrices, products as einsum, propagation applied after the dense
map (A_hat (H W) rather than (A_hat H) W), the loss as a weighted sum over all nodes with
weights mask / n_labelled, the softmax gradient through a one-hot matrix, Adam updated in
place with the first-layer weight decay folded into the gradient.
"""

import os

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn.npz")


class GCNAlt:
    def __init__(self, sizes=(10, 16, 3), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, wd=5e-4, seed=7):
        g = np.load(DATA)
        n = g["A"].shape[0]
        A_self = g["A"] + np.identity(n)
        D_inv_sqrt = np.diag(A_self.sum(axis=0) ** -0.5)
        self.A_hat = D_inv_sqrt @ A_self @ D_inv_sqrt
        mask = g["train_mask"]
        self.node_weight = mask / mask.sum()          # 1/n_labelled on labelled nodes, 0 elsewhere
        self.n_classes = sizes[2]

        rng = np.random.default_rng(seed)
        lim1 = np.sqrt(6.0 / (sizes[0] + sizes[1]))
        lim2 = np.sqrt(6.0 / (sizes[1] + sizes[2]))
        self.params = {
            "W1": rng.uniform(-1, 1, (sizes[0], sizes[1])) * lim1,
            "b1": np.zeros(sizes[1]),
            "W2": rng.uniform(-1, 1, (sizes[1], sizes[2])) * lim2,
            "b2": np.zeros(sizes[2]),
        }
        self.hyper = dict(lr=lr, beta1=beta1, beta2=beta2, eps=eps, wd=wd)
        self.m = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.v = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.grads = {}
        self.steps = 0

    def _forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        XW = np.einsum("nf,fh->nh", X, W1)
        S1 = np.einsum("ij,jh->ih", self.A_hat, XW) + b1
        H = np.where(S1 > 0, S1, 0.0)
        HW = np.einsum("nh,hc->nc", H, W2)
        logits = np.einsum("ij,jc->ic", self.A_hat, HW) + b2
        return logits, S1, H

    def loss(self, X, y):
        logits = self._forward(X)[0]
        lse = np.log(np.sum(np.exp(logits - logits.max(1)[:, None]), axis=1)) + logits.max(1)
        nll = lse - logits[np.arange(len(y)), y]
        return np.sum(self.node_weight * nll)

    def train_step(self, X, y):
        logits, S1, H = self._forward(X)
        shift = logits.max(axis=1, keepdims=True)
        ex = np.exp(logits - shift)
        soft = ex / ex.sum(axis=1, keepdims=True)
        nll = -np.log(soft[np.arange(len(y)), y])
        loss = np.sum(self.node_weight * nll)

        onehot = np.eye(self.n_classes, dtype=logits.dtype)[y]
        dlogits = (soft - onehot) * self.node_weight[:, None].astype(logits.dtype)
        dHW = np.einsum("ji,jc->ic", self.A_hat, dlogits)         # A_hat^T dlogits
        dW2 = np.einsum("nh,nc->hc", H, dHW)
        db2 = dlogits.sum(axis=0)
        dH = np.einsum("nc,hc->nh", dHW, self.params["W2"])
        dS1 = np.where(S1 > 0, dH, 0.0)
        dXW = np.einsum("ji,jh->ih", self.A_hat, dS1)
        dW1 = np.einsum("nf,nh->fh", X, dXW)
        db1 = dS1.sum(axis=0)
        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

        hp = self.hyper
        self.steps += 1
        c1 = 1 - hp["beta1"] ** self.steps
        c2 = 1 - hp["beta2"] ** self.steps
        for k in ("W1", "b1", "W2", "b2"):
            w = self.params[k]
            grad = self.grads[k] + hp["wd"] * w if k in ("W1", "b1") else self.grads[k]
            m, v = self.m[k], self.v[k]
            m *= hp["beta1"]
            m += (1 - hp["beta1"]) * grad
            v *= hp["beta2"]
            v += (1 - hp["beta2"]) * np.square(grad)
            m_hat = m / c1
            v_hat = v / c2
            w -= hp["lr"] * m_hat / (np.sqrt(v_hat) + hp["eps"])
        return float(loss)
