"""PyTorch port of bbr_numpy.py written another way: a ModuleList of BayesLinear layers.

Each layer keeps weight_mu / weight_rho in nn.Linear's (out, in) layout and builds its posterior
as a torch.distributions.Normal; the sample is rsample-like by hand with the step's fixed noise
(eps_reg.npz, transposed), the KL is torch.distributions.kl_divergence to the Normal(0, 0.5)
prior, and the likelihood is Normal(pred, noise_sigma).log_prob(y), averaged.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence

HERE = os.path.dirname(os.path.abspath(__file__))


class BayesLinear(nn.Module):
    def __init__(self, n_in, n_out, rho=-3.5, bias=0.0):
        super().__init__()
        self.weight_mu = nn.Parameter(torch.randn(n_out, n_in) / math.sqrt(n_in))
        self.weight_rho = nn.Parameter(torch.full((n_out, n_in), rho))
        self.bias_mu = nn.Parameter(torch.full((n_out,), bias))
        self.bias_rho = nn.Parameter(torch.full((n_out,), rho))

    def posteriors(self):
        return (Normal(self.weight_mu, F.softplus(self.weight_rho)),
                Normal(self.bias_mu, F.softplus(self.bias_rho)))

    def forward(self, x, eps_w, eps_b):
        qw, qb = self.posteriors()
        return F.linear(x, qw.loc + qw.scale * eps_w, qb.loc + qb.scale * eps_b)

    def kl(self, prior_sigma):
        total = 0.0
        for q in self.posteriors():
            prior = Normal(torch.zeros_like(q.loc), torch.full_like(q.loc, prior_sigma))
            total = total + kl_divergence(q, prior).sum()
        return total


class BayesRegressor(nn.Module):
    def __init__(self, sizes=(4, 24, 1), prior_sigma=0.5, noise_sigma=0.3, n_train=480,
                 anneal_steps=10):
        super().__init__()
        self.layers = nn.ModuleList(
            BayesLinear(a, b, bias=0.1 if j == 0 else 0.0)
            for j, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])))
        self.prior_sigma, self.noise_sigma = prior_sigma, noise_sigma
        self.n_train, self.anneal_steps = n_train, anneal_steps
        eps = np.load(os.path.join(HERE, "eps_reg.npz"))
        self.noise = [(torch.from_numpy(eps["W1"]).transpose(1, 2), torch.from_numpy(eps["b1"])),
                      (torch.from_numpy(eps["W2"]).transpose(1, 2), torch.from_numpy(eps["b2"]))]
        self.step_count = 0

    def forward(self, X):
        i = self.step_count % self.noise[0][0].shape[0]
        h = X
        for j, (layer, (ew, eb)) in enumerate(zip(self.layers, self.noise)):
            dt = layer.weight_mu.dtype
            h = layer(h, ew[i].to(dt), eb[i].to(dt))
            if j < len(self.layers) - 1:
                h = F.relu(h)
        return h

    def elbo_loss(self, X, y):
        pred = self(X)
        nll = -Normal(pred, self.noise_sigma).log_prob(y).mean()
        beta = min(1.0, (self.step_count + 1) / self.anneal_steps)
        kl = sum(layer.kl(self.prior_sigma) for layer in self.layers)
        return nll + beta * kl / self.n_train


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.005, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.elbo_loss(X, y)
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()
