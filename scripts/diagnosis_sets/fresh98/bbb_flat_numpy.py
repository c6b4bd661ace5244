"""The Bayes-by-backprop classifier in NumPy, written another way: one flat parameter vector.

Same model as bbb_numpy.py (two Bayesian linear layers with sigma = softplus(rho) and W = mu +
sigma * eps, eps draw (t - 1) % T_NOISE of arrays made in __init__, a ReLU hidden layer, softmax
cross-entropy averaged over the batch plus KL(q || N(0, PRIOR_SIGMA^2)) / N_TRAIN, SGD momentum
with a step decay), but: every parameter is a view into one flat vector theta, the weights kept
(out, in) and applied as x @ W.T; the gradient is assembled into one flat vector of the same
layout, and the momentum buffer and the update act on the whole vector at once; softplus is
np.logaddexp(0, rho) and its derivative exp(rho - softplus(rho)); the cross-entropy is written
with a log-sum-exp; the KL is 0.5 * sum(sigma^2 / s0^2 + mu^2 / s0^2 - 1 - log(sigma^2 / s0^2)).

    X: float (n, 6) features, y: int (n,) class labels 0..2
"""

import numpy as np

D, H, K = 6, 16, 3
N_TRAIN, T_NOISE, PRIOR_SIGMA = 48, 5, 0.5
LR, MOMENTUM, GAMMA, STEP_SIZE = 0.05, 0.9, 0.5, 8

LAYOUT = (("W1_mu", (H, D)), ("W1_rho", (H, D)), ("b1", (H,)),
          ("W2_mu", (K, H)), ("W2_rho", (K, H)), ("b2", (K,)))


def views(flat):
    out, at = {}, 0
    for name, shape in LAYOUT:
        size = int(np.prod(shape))
        out[name] = flat[at:at + size].reshape(shape)
        at += size
    return out


class FlatBayesMLP:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.theta = np.zeros(sum(int(np.prod(s)) for _, s in LAYOUT))
        self.params = views(self.theta)
        self.params["W1_mu"][...] = rng.normal(0.0, 0.4, (H, D))
        self.params["W1_rho"][...] = -3.0
        self.params["W2_mu"][...] = rng.normal(0.0, 0.25, (K, H))
        self.params["W2_rho"][...] = -3.0
        noise = np.random.default_rng(2024)
        # drawn (T, in, out), as the other programs draw them; kept (T, out, in) like the weights
        self.noise1 = noise.standard_normal((T_NOISE, D, H)).transpose(0, 2, 1).copy()
        self.noise2 = noise.standard_normal((T_NOISE, H, K)).transpose(0, 2, 1).copy()
        self.mom = np.zeros_like(self.theta)
        self.updates = 0

    def _terms(self, X, y, t):
        p = self.params
        j = (t - 1) % T_NOISE
        sp1 = np.logaddexp(0.0, p["W1_rho"])
        sp2 = np.logaddexp(0.0, p["W2_rho"])
        W1 = p["W1_mu"] + sp1 * self.noise1[j]
        W2 = p["W2_mu"] + sp2 * self.noise2[j]
        a = X @ W1.T + p["b1"]
        h = np.where(a > 0, a, 0.0)
        s = h @ W2.T + p["b2"]
        top = s.max(axis=1, keepdims=True)
        lse = top[:, 0] + np.log(np.exp(s - top).sum(axis=1))
        rows = np.arange(len(y))
        nll = np.mean(lse - s[rows, y])
        kl = 0.0
        for mu, sp in ((p["W1_mu"], sp1), (p["W2_mu"], sp2)):
            r = sp ** 2 / PRIOR_SIGMA ** 2
            kl = kl + 0.5 * np.sum(r + mu ** 2 / PRIOR_SIGMA ** 2 - 1.0 - np.log(r))
        return dict(j=j, sp1=sp1, sp2=sp2, W2=W2, h=h, s=s, lse=lse, loss=nll + kl / N_TRAIN)

    def loss(self, X, y):
        return float(self._terms(X, y, self.updates + 1)["loss"])

    def step(self, X, y):
        self.updates += 1
        p = self.params
        c = self._terms(X, y, self.updates)
        n = len(y)
        probs = np.exp(c["s"] - c["lse"][:, None])
        probs[np.arange(n), y] -= 1.0
        d_s = probs / n
        flat_grad = np.zeros_like(self.theta)
        g = views(flat_grad)
        g["b2"][...] = d_s.sum(axis=0)
        dW2 = d_s.T @ c["h"]
        d_a = (d_s @ c["W2"]) * (c["h"] > 0)
        g["b1"][...] = d_a.sum(axis=0)
        dW1 = d_a.T @ X
        for name, dW, sp, eps in (("W1", dW1, c["sp1"], self.noise1[c["j"]]),
                                  ("W2", dW2, c["sp2"], self.noise2[c["j"]])):
            g[name + "_mu"][...] = dW + p[name + "_mu"] / (N_TRAIN * PRIOR_SIGMA ** 2)
            d_sp = dW * eps + (sp / PRIOR_SIGMA ** 2 - 1.0 / sp) / N_TRAIN
            g[name + "_rho"][...] = d_sp * np.exp(p[name + "_rho"] - sp)
        self.grads = g
        lr = LR * GAMMA ** ((self.updates - 1) // STEP_SIZE)
        self.mom *= MOMENTUM
        self.mom += flat_grad
        self.theta -= lr * self.mom
        return float(c["loss"])
