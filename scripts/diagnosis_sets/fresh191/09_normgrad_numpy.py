"""SimCLR from scratch in NumPy: an MLP encoder, a projection head, the NT-Xent loss.

    X: (N, 2, D) two augmented views of each sample; y is ignored (self-supervised).

The 2N views are stacked [view 0 of every sample; view 1 of every sample], so the positive of
row i is row (i + N) mod 2N.

    h = tanh(x @ W1 + b1)                  encoder, the representation
    g = relu(h @ W2 + b2)                  projection head, hidden layer
    z = g @ W3 + b3                        projection
    u = z / ||z||                          L2-normalised rows
    S = u @ u.T / tau                      2N x 2N cosine similarities over the temperature
    S_ii = -inf                            a view is never its own negative
    loss = mean_i [ -log softmax(S_i)[pos(i)] ]     NT-Xent, averaged over the 2N anchors

SGD with momentum (torch.optim.SGD convention: v = mu v + g; p -= lr v).
Parameters in self.params (W kept (in, out)); gradients in self.grads; velocity in self.velocity.
"""

import numpy as np


class SimCLR:
    def __init__(self, d_in=12, d_hidden=32, d_proj=16, tau=0.5, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)

        def dense(n_in, n_out):
            bound = 1.0 / np.sqrt(n_in)
            return rng.uniform(-bound, bound, (n_in, n_out)), rng.uniform(-bound, bound, n_out)

        W1, b1 = dense(d_in, d_hidden)
        W2, b2 = dense(d_hidden, d_hidden)
        W3, b3 = dense(d_hidden, d_proj)
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.tau = tau
        self.lr = lr
        self.momentum = momentum

    @staticmethod
    def views(X):
        return np.concatenate([X[:, 0], X[:, 1]], axis=0)

    def forward(self, X):
        p = self.params
        x = self.views(X)
        h = np.tanh(x @ p["W1"] + p["b1"])
        a2 = h @ p["W2"] + p["b2"]
        g = np.maximum(a2, 0)
        z = g @ p["W3"] + p["b3"]
        return z, (x, h, a2, g)

    def nt_xent(self, z):
        n2 = z.shape[0]
        n = n2 // 2
        norm = np.sqrt((z * z).sum(axis=1, keepdims=True))
        u = z / norm
        S = u @ u.T / self.tau
        S[np.arange(n2), np.arange(n2)] = -np.inf
        pos = (np.arange(n2) + n) % n2
        Smax = S.max(axis=1, keepdims=True)
        E = np.exp(S - Smax)
        P = E / E.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(P[np.arange(n2), pos]))
        return loss, (u, norm, P, pos)

    def loss(self, X, y=None):
        return self.nt_xent(self.forward(X)[0])[0]

    def backward(self, X):
        p = self.params
        z, (x, h, a2, g) = self.forward(X)
        loss, (u, norm, P, pos) = self.nt_xent(z)
        n2 = z.shape[0]

        dS = P.copy()
        dS[np.arange(n2), pos] -= 1.0
        dS /= n2
        du = (dS + dS.T) @ u / self.tau
        dz = du / norm

        self.grads["W3"] = g.T @ dz
        self.grads["b3"] = dz.sum(axis=0)
        dg = dz @ p["W3"].T
        da2 = dg * (a2 > 0)
        self.grads["W2"] = h.T @ da2
        self.grads["b2"] = da2.sum(axis=0)
        dh = da2 @ p["W2"].T
        da1 = dh * (1.0 - h ** 2)
        self.grads["W1"] = x.T @ da1
        self.grads["b1"] = da1.sum(axis=0)
        return loss

    def step(self):
        for k, w in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            w -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X)
        self.step()
        return float(loss)
