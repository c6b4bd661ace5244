"""Bayes-by-backprop classifier in NumPy: two Bayesian linear layers, noise fixed in __init__.

Each weight matrix has a posterior mean mu and a parameter rho, sigma = softplus(rho) =
log(1 + exp(rho)), and is sampled as W = mu + sigma * eps; the biases are ordinary parameters.
The noise eps comes from arrays of T_NOISE draws per layer made in __init__ from a seeded
generator; the t-th update (t = 1, 2, ...) uses draw (t - 1) % T_NOISE. A ReLU hidden layer, a
softmax output and the cross-entropy averaged over the batch, plus KL(q || p) / N_TRAIN, the
closed-form KL of the factorised Gaussian posterior to the prior N(0, PRIOR_SIGMA^2) summed over
every weight and divided by the size of the training set (the minibatch ELBO of Blundell et al.).
SGD with heavy-ball momentum (as torch.optim.SGD) and a step decay of the learning rate: the
t-th update uses LR * GAMMA ** ((t - 1) // STEP_SIZE) (as StepLR).

    X: float (n, 6) features, y: int (n,) class labels 0..2
"""

import math

import numpy as np

D, H, K = 6, 16, 3
N_TRAIN, T_NOISE, PRIOR_SIGMA = 48, 5, 0.5
LR, MOMENTUM, GAMMA, STEP_SIZE = 0.05, 0.9, 0.5, 8


def softplus(r):
    return np.log1p(np.exp(r))


def sigmoid(r):
    return 1.0 / (1.0 + np.exp(-r))


class BayesMLP:
    def __init__(self, seed=98):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1_mu": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)),
            "W1_rho": np.full((D, H), -3.0),
            "b1": np.zeros(H),
            "W2_mu": rng.normal(0.0, 1.0 / np.sqrt(H), (H, K)),
            "W2_rho": np.full((H, K), -3.0),
            "b2": np.zeros(K),
        }
        noise = np.random.default_rng(2024)
        self.eps1 = noise.standard_normal((T_NOISE, D, H))
        self.eps2 = noise.standard_normal((T_NOISE, H, K))
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X, t):
        p = self.params
        e1, e2 = self.eps1[(t - 1) % T_NOISE], self.eps2[(t - 1) % T_NOISE]
        s1, s2 = softplus(p["W1_rho"]), softplus(p["W2_rho"])
        W1 = p["W1_mu"] + s1 * e1
        W2 = p["W2_mu"] + s2 * e2
        h = np.maximum(X @ W1 + p["b1"], 0.0)
        logits = h @ W2 + p["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        P = e / e.sum(axis=1, keepdims=True)
        return dict(e1=e1, e2=e2, s1=s1, s2=s2, W2=W2, h=h, P=P)

    def kl(self, mu, sigma):
        return np.sum(math.log(PRIOR_SIGMA) - np.log(sigma)
                      + (sigma ** 2 + mu ** 2) / (2.0 * PRIOR_SIGMA ** 2) - 0.5)

    def objective(self, c, y):
        p = self.params
        n = len(y)
        nll = -np.sum(np.log(c["P"][np.arange(n), y])) / n
        kl = self.kl(p["W1_mu"], c["s1"]) + self.kl(p["W2_mu"], c["s2"])
        return nll + kl / N_TRAIN

    def loss(self, X, y):
        return float(self.objective(self.forward(X, self.t + 1), y))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        self.t += 1
        c = self.forward(X, self.t)
        loss = self.objective(c, y)

        Y = np.eye(K, dtype=X.dtype)[y]
        dlogits = (c["P"] - Y) / n
        g = {}
        gW2 = c["h"].T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dpre = (dlogits @ c["W2"].T) * (c["h"] > 0)
        gW1 = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        for name, gW, e, s in (("W1", gW1, c["e1"], c["s1"]), ("W2", gW2, c["e2"], c["s2"])):
            mu, rho = p[name + "_mu"], p[name + "_rho"]
            g[name + "_mu"] = gW + mu / PRIOR_SIGMA ** 2 / N_TRAIN
            dsigma = gW * e + (-1.0 / s + s / PRIOR_SIGMA ** 2) / N_TRAIN
            g[name + "_rho"] = dsigma * sigmoid(rho)
        self.grads = g

        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + g[k]
            p[k] -= lr * self.velocity[k]
        return float(loss)
