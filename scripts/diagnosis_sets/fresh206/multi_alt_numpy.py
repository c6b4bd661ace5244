"""Two-width character CNN (as multi_numpy.py), written another way: plain attributes, the
dense weight kept (in, out), each convolution as a loop over time positions with tensordot,
the embedding gradient accumulated row by row, in-place SGD with momentum and coupled
weight decay (v *= mu; v += g + wd p; p -= lr v).

Parameters: emb (vocab, emb_dim) with row 0 the padding row; conv2_w (filters, emb_dim, 2),
conv2_b; conv4_w (filters, emb_dim, 4), conv4_b; out_w (2*filters, classes), out_b.
"""

import numpy as np


class MultiWidthCNNLoop:
    def __init__(self, vocab=24, emb_dim=8, filters=6, classes=4, seed=11):
        rng = np.random.default_rng(seed)
        self.emb = rng.normal(0.0, 1.0, (vocab, emb_dim))
        self.emb[0] = 0.0
        self.conv2_w = rng.normal(0.0, 0.25, (filters, emb_dim, 2))
        self.conv2_b = rng.normal(0.0, 0.1, filters)
        self.conv4_w = rng.normal(0.0, 0.18, (filters, emb_dim, 4))
        self.conv4_b = rng.normal(0.0, 0.1, filters)
        self.out_w = rng.normal(0.0, 0.3, (2 * filters, classes))
        self.out_b = np.zeros(classes)
        self.names = ["emb", "conv2_w", "conv2_b", "conv4_w", "conv4_b", "out_w", "out_b"]
        self.lr, self.mu, self.wd = 0.1, 0.9, 1e-3
        self.vel = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.grads = {}

    def conv_max(self, x, w, b):
        N, L, D = x.shape
        k = w.shape[2]
        T = L - k + 1
        h = np.empty((N, T, w.shape[0]), dtype=x.dtype)
        for t in range(T):
            # x[:, t:t+k, :] is (N, k, D); w is (F, D, k)
            h[:, t, :] = np.tensordot(x[:, t:t + k, :], w, axes=([1, 2], [2, 1])) + b
        r = np.maximum(h, 0)
        arg = r.argmax(axis=1)
        return r.max(axis=1), (h, arg)

    def forward(self, X):
        x = self.emb[X]
        f2, c2 = self.conv_max(x, self.conv2_w, self.conv2_b)
        f4, c4 = self.conv_max(x, self.conv4_w, self.conv4_b)
        feat = np.hstack([f2, f4])
        return feat @ self.out_w + self.out_b, (x, feat, c2, c4)

    def loss(self, X, y):
        logits = self.forward(X)[0]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -np.mean(logp[np.arange(len(y)), y])

    def conv_back(self, x, w, cache, dpool, dx):
        h, arg = cache
        N, T, Fn = h.shape
        k = w.shape[2]
        dh = np.zeros_like(h)
        for n in range(N):
            dh[n, arg[n], np.arange(Fn)] = dpool[n]
        dh *= h > 0
        dw = np.zeros_like(w)
        for t in range(T):
            # dw[f, d, j] += sum_n dh[n, t, f] x[n, t+j, d]
            dw += np.einsum("nf,njd->fdj", dh[:, t, :], x[:, t:t + k, :])
            dx[:, t:t + k, :] += np.einsum("nf,fdj->njd", dh[:, t, :], w)
        return dw, dh.sum(axis=(0, 1))

    def train_step(self, X, y):
        logits, (x, feat, c2, c4) = self.forward(X)
        N = len(y)
        z = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(p[np.arange(N), y]))
        dlog = p
        dlog[np.arange(N), y] -= 1
        dlog /= N
        g = self.grads
        g["out_w"] = feat.T @ dlog
        g["out_b"] = dlog.sum(axis=0)
        dfeat = dlog @ self.out_w.T
        Fn = self.conv2_b.shape[0]
        dx = np.zeros_like(x)
        g["conv2_w"], g["conv2_b"] = self.conv_back(x, self.conv2_w, c2, dfeat[:, :Fn], dx)
        g["conv4_w"], g["conv4_b"] = self.conv_back(x, self.conv4_w, c4, dfeat[:, Fn:], dx)
        demb = np.zeros_like(self.emb)
        for n in range(N):
            for t in range(X.shape[1]):
                if X[n, t] != 0:                      # padding row gets no gradient
                    demb[X[n, t]] += dx[n, t]
        g["emb"] = demb

        for name in self.names:
            w = getattr(self, name)
            v = self.vel[name]
            v *= self.mu
            v += g[name] + self.wd * w
            w -= self.lr * v
        return float(loss)
