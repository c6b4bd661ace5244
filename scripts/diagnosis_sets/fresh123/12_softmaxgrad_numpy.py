"""Two-layer graph attention network (Velickovic et al. 2018), from scratch in NumPy.

Node classification on one fixed graph (gat.npz). Each attention layer, for
each head k with weight columns W_k and attention vector a_k = [a_src || a_dst]:

    Wh    = X @ W_k                                   (N, F')
    e_ij  = leaky_relu(a_k . [Wh_i || Wh_j], 0.2)     = leaky_relu(a_src . Wh_i + a_dst . Wh_j)
    alpha = softmax over j of e_ij, only j in N(i) + {i} (the others masked to -inf)
    out_i = sum_j alpha_ij Wh_j

Layer 1: 2 heads of 8, concatenated, + b1, then ELU (alpha = 1).
Layer 2: 2 heads of n_classes, averaged, + b2: the logits.
Loss: cross-entropy averaged over the training nodes. Hand-written backward;
Adam with L2 weight decay in the gradient, as torch.optim.Adam(weight_decay=5e-3).

Parameters self.params: W1 (n_features, 2*8), a1 (2, 2*8), b1 (16,),
W2 (16, 2*n_classes), a2 (2, 2*n_classes), b2 (n_classes,).
self.grads (loss gradient alone), Adam moments self.m, self.v, step count self.t.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class GAT:
    def __init__(self, graph=os.path.join(HERE, "gat.npz"), hidden=8, heads=2, out_heads=2,
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=5e-3,
                 negative_slope=0.2, seed=0):
        data = np.load(graph)
        A = data["A"]
        n_nodes = A.shape[0]
        self.neighbours = (A + np.eye(n_nodes)) > 0          # j in N(i) or j == i
        self.train_mask = data["train_mask"].astype(bool)
        n_features = data["X"].shape[1]
        n_classes = int(data["y"].max()) + 1
        self.hidden, self.heads = hidden, heads
        self.n_classes, self.out_heads = n_classes, out_heads
        self.slope = negative_slope

        rng = np.random.default_rng(seed)

        def glorot(shape):
            limit = np.sqrt(6.0 / (shape[0] + shape[1]))
            return rng.uniform(-limit, limit, size=shape).astype(np.float32)

        self.params = {
            "W1": glorot((n_features, heads * hidden)),
            "a1": glorot((heads, 2 * hidden)),
            "b1": np.zeros(heads * hidden, dtype=np.float32),
            "W2": glorot((heads * hidden, out_heads * n_classes)),
            "a2": glorot((out_heads, 2 * n_classes)),
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

    # ------------------------------------------------------- attention layer
    def attention(self, X, W, a, heads, out_dim):
        N = X.shape[0]
        Z = (X @ W).reshape(N, heads, out_dim)                 # Wh, per head
        src = np.einsum("nkf,kf->nk", Z, a[:, :out_dim])       # a_src . Wh_i
        dst = np.einsum("nkf,kf->nk", Z, a[:, out_dim:])       # a_dst . Wh_j
        E = src.T[:, :, None] + dst.T[:, None, :]              # (heads, N, N): e[k, i, j]
        L = np.where(E > 0, E, self.slope * E)                 # leaky ReLU
        L = np.where(self.neighbours[None], L, -np.inf)        # only neighbours
        L = L - L.max(axis=2, keepdims=True)
        P = np.exp(L)
        P /= P.sum(axis=2, keepdims=True)                      # alpha[k, i, j]
        out = np.einsum("kij,jkf->ikf", P, Z)                  # (N, heads, out_dim)
        return out, (X, W, a, Z, E, P, out_dim)

    def attention_backward(self, dout, cache):
        X, W, a, Z, E, P, out_dim = cache
        N, heads = Z.shape[0], Z.shape[1]
        dP = np.einsum("ikf,jkf->kij", dout, Z)
        dZ = np.einsum("kij,ikf->jkf", P, dout)
        dL = P * dP  # fix: dL = P * (dP - (dP * P).sum(axis=2, keepdims=True))
        dE = np.where(E > 0, dL, self.slope * dL)              # leaky ReLU backward
        dsrc = dE.sum(axis=2).T                                # (N, heads)
        ddst = dE.sum(axis=1).T
        dZ += dsrc[:, :, None] * a[None, :, :out_dim] + ddst[:, :, None] * a[None, :, out_dim:]
        da = np.concatenate([np.einsum("nk,nkf->kf", dsrc, Z),
                             np.einsum("nk,nkf->kf", ddst, Z)], axis=1)
        dZ = dZ.reshape(N, heads * out_dim)
        dW = X.T @ dZ
        dX = dZ @ W.T
        return dX, dW, da

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        N = X.shape[0]
        out1, c1 = self.attention(X, p["W1"], p["a1"], self.heads, self.hidden)
        Z1 = out1.reshape(N, -1) + p["b1"]                     # heads concatenated
        H1 = np.where(Z1 > 0, Z1, np.expm1(np.minimum(Z1, 0)))  # ELU
        out2, c2 = self.attention(H1, p["W2"], p["a2"], self.out_heads, self.n_classes)
        logits = out2.mean(axis=1) + p["b2"]                   # heads averaged
        self.cache = (c1, Z1, H1, c2)
        return logits

    def _masked_cross_entropy(self, logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        nll = -log_probs[np.arange(len(y)), y]
        return nll[self.train_mask].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._masked_cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        logits = self.forward(X)
        loss, probs = self._masked_cross_entropy(logits, y)
        c1, Z1, H1, c2 = self.cache
        N = len(y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits *= self.train_mask[:, None]
        dlogits /= int(self.train_mask.sum())

        self.grads["b2"] = dlogits.sum(axis=0)
        dout2 = np.repeat(dlogits[:, None, :], self.out_heads, axis=1) / self.out_heads
        dH1, self.grads["W2"], self.grads["a2"] = self.attention_backward(dout2, c2)
        dZ1 = dH1 * np.where(Z1 > 0, 1, H1 + 1)                # ELU'(z) = elu(z) + 1 for z <= 0
        self.grads["b1"] = dZ1.sum(axis=0)
        dout1 = dZ1.reshape(N, self.heads, self.hidden)
        _, self.grads["W1"], self.grads["a1"] = self.attention_backward(dout1, c1)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        bias_correction1 = 1 - self.beta1 ** self.t
        bias_correction2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k] + self.weight_decay * p
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
            p -= (self.lr / bias_correction1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "gat.npz"))
    X, y = data["X"], data["y"]
    net = GAT()
    for step in range(100):
        loss = net.train_step(X, y)
        if step % 10 == 0:
            acc = (net.forward(X).argmax(1) == y)[~net.train_mask].mean()
            print(f"step {step:3d}  loss {loss:.4f}  test acc {acc:.3f}")
