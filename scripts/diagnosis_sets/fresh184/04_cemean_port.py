"""PyTorch port of bbb_numpy.py: a Bayes-by-backprop classifier 6 -> 16 (tanh) -> 3.

Each BayesLinear keeps weight_mu / weight_rho (out, in) and bias_mu / bias_rho (out,);
sigma = F.softplus(rho), w = mu + sigma * eps with eps read from eps_cls.npz (stored (in, out)
there, hence the transposes) at the model's step index. Loss: cross-entropy summed over the
batch + KL / num_batches, torch.optim.Adam.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def gaussian_kl(mu, sigma, prior_sigma):
    return (math.log(prior_sigma) - torch.log(sigma)
            + (sigma ** 2 + mu ** 2) / (2 * prior_sigma ** 2) - 0.5).sum()


class BayesLinear(nn.Module):
    def __init__(self, n_in, n_out, prior_sigma=1.0, rho_init=-4.0):
        super().__init__()
        bound = 1.0 / math.sqrt(n_in)
        self.prior_sigma = prior_sigma
        self.weight_mu = nn.Parameter(torch.empty(n_out, n_in).uniform_(-bound, bound))
        self.weight_rho = nn.Parameter(torch.full((n_out, n_in), rho_init))
        self.bias_mu = nn.Parameter(torch.zeros(n_out))
        self.bias_rho = nn.Parameter(torch.full((n_out,), rho_init))

    def forward(self, x, eps_w, eps_b):
        w = self.weight_mu + F.softplus(self.weight_rho) * eps_w
        b = self.bias_mu + F.softplus(self.bias_rho) * eps_b
        return F.linear(x, w, b)

    def kl(self):
        return (gaussian_kl(self.weight_mu, F.softplus(self.weight_rho), self.prior_sigma)
                + gaussian_kl(self.bias_mu, F.softplus(self.bias_rho), self.prior_sigma))


class BayesMLP(nn.Module):
    def __init__(self, n_in=6, n_hidden=16, n_out=3, prior_sigma=1.0, num_batches=10):
        super().__init__()
        self.fc1 = BayesLinear(n_in, n_hidden, prior_sigma)
        self.fc2 = BayesLinear(n_hidden, n_out, prior_sigma)
        self.num_batches = num_batches
        noise = np.load(os.path.join(HERE, "eps_cls.npz"))
        dtype = torch.get_default_dtype()
        # nn.Linear layout: (out, in)
        self.register_buffer("eps_w1", torch.tensor(noise["W1"].transpose(0, 2, 1), dtype=dtype))
        self.register_buffer("eps_b1", torch.tensor(noise["b1"], dtype=dtype))
        self.register_buffer("eps_w2", torch.tensor(noise["W2"].transpose(0, 2, 1), dtype=dtype))
        self.register_buffer("eps_b2", torch.tensor(noise["b2"], dtype=dtype))
        self.step = 0

    def forward(self, X):
        i = self.step % self.eps_w1.shape[0]
        dt = self.fc1.weight_mu.dtype
        h = torch.tanh(self.fc1(X, self.eps_w1[i].to(dt), self.eps_b1[i].to(dt)))
        return self.fc2(h, self.eps_w2[i].to(dt), self.eps_b2[i].to(dt))

    def kl(self):
        return self.fc1.kl() + self.fc2.kl()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y) + model.kl() / model.num_batches
    loss.backward()
    optimizer.step()
    model.step += 1
    return loss.item()
