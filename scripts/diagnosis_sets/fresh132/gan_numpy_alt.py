"""gan_numpy.py written another way: the same GAN, the same training step.

Each network is a list of layers, a layer a dict with W stored (out, in) as
nn.Linear keeps it and b (out,); forward passes loop over the layers. The
discriminator's step runs real and generated points as one stacked batch with
targets [0.9, ..., 0.9, 0, ..., 0]; Adam is written with explicit bias-corrected
moments m_hat, v_hat. The optimizer state lives in self.adam_state.

    gen[0]['W'] (16, 4)  gen[0]['b'] (16,)  gen[1]['W'] (2, 16)  gen[1]['b'] (2,)
    disc[0]['W'] (16, 2) disc[0]['b'] (16,) disc[1]['W'] (1, 16) disc[1]['b'] (1,)
"""

import math

import numpy as np


def softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class GANLayers:
    def __init__(self, z_dim=4, hidden=16, lr_d=2e-3, lr_g=1e-3, betas=(0.5, 0.999),
                 eps=1e-8, real_label=0.9, slope=0.2, seed=5):
        rng = np.random.default_rng(seed)

        def layer(n_in, n_out):
            return {"W": rng.uniform(-1, 1, (n_out, n_in)) / math.sqrt(n_in),
                    "b": rng.uniform(-1, 1, n_out) / math.sqrt(n_in)}

        self.gen = [layer(z_dim, hidden), layer(hidden, 2)]
        self.disc = [layer(2, hidden), layer(hidden, 1)]
        self.adam_state = {}
        self.lr_d, self.lr_g = lr_d, lr_g
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.real_label = real_label
        self.slope = slope
        self.steps = 0

    def gen_forward(self, z):
        l1, l2 = self.gen
        pre = z @ l1["W"].T + l1["b"]
        h = np.maximum(pre, 0)
        return h @ l2["W"].T + l2["b"], (z, pre, h)

    def disc_forward(self, x):
        l1, l2 = self.disc
        pre = x @ l1["W"].T + l1["b"]
        a = np.where(pre > 0, pre, self.slope * pre)
        return (a @ l2["W"].T + l2["b"])[:, 0], (x, pre, a)

    def disc_backward(self, cache, dlogit):
        x, pre, a = cache
        l1, l2 = self.disc
        dlogit = dlogit[:, None]
        g2 = {"W": dlogit.T @ a, "b": dlogit.sum(axis=0)}
        dpre = dlogit @ l2["W"]
        dpre = np.where(pre > 0, dpre, self.slope * dpre)
        g1 = {"W": dpre.T @ x, "b": dpre.sum(axis=0)}
        return [g1, g2], dpre @ l1["W"]

    def gen_backward(self, cache, dx):
        z, pre, h = cache
        l1, l2 = self.gen
        g2 = {"W": dx.T @ h, "b": dx.sum(axis=0)}
        dpre = (dx @ l2["W"]) * (pre > 0)
        g1 = {"W": dpre.T @ z, "b": dpre.sum(axis=0)}
        return [g1, g2]

    def adam_update(self, tag, layers, grads, lr):
        t = self.steps
        for i, (layer, grad) in enumerate(zip(layers, grads)):
            for key in ("W", "b"):
                name = f"{tag}{i}{key}"
                if name not in self.adam_state:
                    self.adam_state[name] = [np.zeros_like(layer[key]), np.zeros_like(layer[key])]
                m, v = self.adam_state[name]
                g = grad[key]
                m *= self.beta1
                m += (1 - self.beta1) * g
                v *= self.beta2
                v += (1 - self.beta2) * g ** 2
                m_hat = m / (1 - self.beta1 ** t)
                v_hat = v / (1 - self.beta2 ** t)
                layer[key] -= lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, z):
        N = X.shape[0]
        self.steps += 1
        fake, gcache = self.gen_forward(z)

        # discriminator: one stacked batch, each half averaged over N
        logits, dcache = self.disc_forward(np.concatenate([X, fake]))
        targets = np.concatenate([np.full(N, self.real_label), np.zeros(N)]).astype(X.dtype)
        d_loss = (softplus(logits) - targets * logits).sum() / N
        dgrads, _ = self.disc_backward(dcache, (sigmoid(logits) - targets) / N)
        self.adam_update("d", self.disc, dgrads, self.lr_d)

        # generator: -log D(G(z)) = softplus(-logit)
        logit, cache = self.disc_forward(fake)
        g_loss = softplus(-logit).mean()
        _, dfake = self.disc_backward(cache, -sigmoid(-logit) / N)
        self.adam_update("g", self.gen, self.gen_backward(gcache, dfake), self.lr_g)
        self.fake = fake
        return float(d_loss + g_loss)
