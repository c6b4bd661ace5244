"""Supervised contrastive learning (SupCon, Khosla et al. 2020) written by hand in NumPy.

    X: (N, 2, D) two augmented views of each sample, y: (N,) int class labels.

Views stacked [view 0 of every sample; view 1 of every sample]; the label of row i is
labels[i] = y[i mod N]. Weights kept (out, in) like nn.Linear.

    h = tanh(x @ W_enc.T + b_enc)          encoder
    z = h @ W_proj.T + b_proj              linear projection
    u = z / ||z||                          unit rows
    S = u @ u.T / tau                      similarities over the temperature (tau = 0.2)
    log_prob[i, j] = S[i, j] - log sum_{a != i} exp(S[i, a])
    P(i) = {p != i : labels[p] == labels[i]}   (always holds the other view of i)
    loss_i = -1/|P(i)| sum_{p in P(i)} log_prob[i, p];   loss = mean_i loss_i  over the 2N anchors

Adam (lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam).
"""

import numpy as np


class SupConNet:
    def __init__(self, d_in=10, d_hidden=24, d_proj=8, tau=0.2, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        s1 = 1.0 / np.sqrt(d_in)
        s2 = 1.0 / np.sqrt(d_hidden)
        self.W_enc = rng.uniform(-s1, s1, (d_hidden, d_in))
        self.b_enc = rng.uniform(-s1, s1, d_hidden)
        self.W_proj = rng.uniform(-s2, s2, (d_proj, d_hidden))
        self.b_proj = rng.uniform(-s2, s2, d_proj)
        self.names = ["W_enc", "b_enc", "W_proj", "b_proj"]
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.tau = tau
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps

    def _forward(self, X, y):
        n = X.shape[0]
        x = np.concatenate([X[:, 0], X[:, 1]], axis=0)
        labels = np.concatenate([y, y])
        h = np.tanh(x @ self.W_enc.T + self.b_enc)
        z = h @ self.W_proj.T + self.b_proj
        norm = np.linalg.norm(z, axis=1, keepdims=True)
        u = z / norm
        S = u @ u.T / self.tau
        n2 = 2 * n
        not_self = ~np.eye(n2, dtype=bool)
        pos = (labels[:, None] == labels[None, :]) & not_self
        S_max = np.max(np.where(not_self, S, -np.inf), axis=1, keepdims=True)
        e = np.exp(S - S_max) * not_self
        log_prob = S - S_max - np.log(e.sum(axis=1, keepdims=True))
        n_pos = pos.sum(axis=1).astype(S.dtype)
        loss_i = -(pos * log_prob).sum(axis=1) / n_pos
        cache = dict(x=x, h=h, z=z, u=u, norm=norm, e=e, pos=pos, n_pos=n_pos)
        return loss_i.mean(), cache

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def backward(self, X, y):
        loss, c = self._forward(X, y)
        n2 = c["x"].shape[0]
        softmax = c["e"] / c["e"].sum(axis=1, keepdims=True)     # 0 on the diagonal
        dS = (softmax - c["pos"] / c["n_pos"][:, None]) / n2
        du = (dS + dS.T) @ c["u"] / self.tau
        u = c["u"]
        dz = (du - u * np.sum(du * u, axis=1, keepdims=True)) / c["norm"]
        self.grads["W_proj"] = dz.T @ c["h"]
        self.grads["b_proj"] = dz.sum(axis=0)
        dh = dz @ self.W_proj
        da = dh * (1 - c["h"] ** 2)
        self.grads["W_enc"] = da.T @ c["x"]
        self.grads["b_enc"] = da.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta1 ** self.t
        for k in self.names:
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p = getattr(self, k)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
