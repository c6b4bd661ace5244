"""A small GAN on 2-D points, from scratch in NumPy.

Generator     z (N, 4) -> Linear(4, 16) -> ReLU -> Linear(16, 2)          fake points
Discriminator x (N, 2) -> Linear(2, 16) -> LeakyReLU(0.2) -> Linear(16, 1)  logit

One training step (the latent noise z is the data's y, fixed):
  1. discriminator: BCE-with-logits on the real points with smoothed labels 0.9
     (one-sided label smoothing) plus BCE on the generated points with label 0,
     each a mean over the batch; Adam update of the D parameters;
  2. generator: the non-saturating loss -log D(G(z)) (BCE against label 1),
     through the freshly updated discriminator; Adam update of the G parameters.
Both optimizers are Adam with betas (0.5, 0.999), eps 1e-8; lr 2e-3 for D, 1e-3 for G.

Parameters (self.params), weights (in, out):
  G_W1 (4, 16), G_b1 (16,), G_W2 (16, 2), G_b2 (2,),
  D_W1 (2, 16), D_b1 (16,), D_W2 (16, 1), D_b2 (1,).
Gradients of the last step: self.grads (D from the discriminator step, G from the
generator step). Adam state: self.m, self.v keyed like self.params; step counts
self.t_d and self.t_g.
"""

import math
import os

import numpy as np

G_KEYS = ("G_W1", "G_b1", "G_W2", "G_b2")
D_KEYS = ("D_W1", "D_b1", "D_W2", "D_b2")


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def bce_with_logits(logits, target):
    """Elementwise -[t log s(l) + (1 - t) log(1 - s(l))], written stably."""
    return np.maximum(logits, 0) - logits * target + np.log1p(np.exp(-np.abs(logits)))


class GAN:
    def __init__(self, z_dim=4, hidden=16, lr_d=2e-3, lr_g=1e-3, betas=(0.5, 0.999),
                 eps=1e-8, real_label=0.9, slope=0.2, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "G_W1": rng.standard_normal((z_dim, hidden)) / math.sqrt(z_dim),
            "G_b1": 0.1 * rng.standard_normal(hidden),
            "G_W2": rng.standard_normal((hidden, 2)) / math.sqrt(hidden),
            "G_b2": 0.1 * rng.standard_normal(2),
            "D_W1": rng.standard_normal((2, hidden)) / math.sqrt(2),
            "D_b1": 0.1 * rng.standard_normal(hidden),
            "D_W2": rng.standard_normal((hidden, 1)) / math.sqrt(hidden),
            "D_b2": 0.1 * rng.standard_normal(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t_d = 0
        self.t_g = 0
        self.lr_d, self.lr_g = lr_d, lr_g
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.real_label = real_label
        self.slope = slope

    # ------------------------------------------------------------------ forward
    def generator(self, z):
        p = self.params
        pre = z @ p["G_W1"] + p["G_b1"]
        h = np.maximum(pre, 0)
        x = h @ p["G_W2"] + p["G_b2"]
        return x, (z, pre, h)

    def discriminator(self, x):
        p = self.params
        pre = x @ p["D_W1"] + p["D_b1"]
        a = np.where(pre > 0, pre, self.slope * pre)
        logit = a @ p["D_W2"] + p["D_b2"]
        return logit, (x, pre, a)

    # ----------------------------------------------------------------- backward
    def discriminator_backward(self, cache, dlogit):
        """Gradients of the D parameters and of its input, given d loss / d logit."""
        x, pre, a = cache
        p = self.params
        g = {
            "D_W2": a.T @ dlogit,
            "D_b2": dlogit.sum(axis=0),
        }
        da = dlogit @ p["D_W2"].T
        dpre = np.where(pre > 0, da, self.slope * da)
        g["D_W1"] = x.T @ dpre
        g["D_b1"] = dpre.sum(axis=0)
        dx = dpre @ p["D_W1"].T
        return g, dx

    def generator_backward(self, cache, dx):
        z, pre, h = cache
        p = self.params
        g = {
            "G_W2": h.T @ dx,
            "G_b2": dx.sum(axis=0),
        }
        dh = dx @ p["G_W2"].T
        dpre = dh * (pre > 0)
        g["G_W1"] = z.T @ dpre
        g["G_b1"] = dpre.sum(axis=0)
        return g

    # ---------------------------------------------------------------- optimizer
    def adam(self, keys, lr, t):
        bias_correction1 = 1 - self.beta1 ** t
        bias_correction2 = 1 - self.beta2 ** t
        for k in keys:
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) + self.eps  # fix: denom = np.sqrt(self.v[k]) / math.sqrt(bias_correction2) + self.eps
            self.params[k] -= (lr / bias_correction1) * self.m[k] / denom

    # ------------------------------------------------------------------- a step
    def train_step(self, X, z):
        N = X.shape[0]

        # 1. discriminator on real and generated points
        fake, g_cache = self.generator(z)
        real_logit, real_cache = self.discriminator(X)
        fake_logit, fake_cache = self.discriminator(fake)
        d_loss = (bce_with_logits(real_logit, self.real_label).mean()
                  + bce_with_logits(fake_logit, 0.0).mean())
        d_real = (sigmoid(real_logit) - self.real_label) / N
        d_fake = sigmoid(fake_logit) / N
        g_real, _ = self.discriminator_backward(real_cache, d_real)
        g_fake, _ = self.discriminator_backward(fake_cache, d_fake)
        for k in D_KEYS:
            self.grads[k] = g_real[k] + g_fake[k]
        self.t_d += 1
        self.adam(D_KEYS, self.lr_d, self.t_d)

        # 2. generator through the updated discriminator (non-saturating loss)
        logit, cache = self.discriminator(fake)
        g_loss = bce_with_logits(logit, 1.0).mean()
        dlogit = (sigmoid(logit) - 1.0) / N
        _, dfake = self.discriminator_backward(cache, dlogit)
        self.grads.update(self.generator_backward(g_cache, dfake))
        self.t_g += 1
        self.adam(G_KEYS, self.lr_g, self.t_g)

        self.fake = fake
        return float(d_loss + g_loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gan.npz"))
    net = GAN()
    for step in range(200):
        loss = net.train_step(data["X"], data["y"])
        if step % 20 == 0:
            print(f"step {step:4d}  d_loss + g_loss {loss:.4f}")
