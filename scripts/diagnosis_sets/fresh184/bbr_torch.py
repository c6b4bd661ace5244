"""PyTorch port of bbr_numpy.py: Bayes-by-backprop regression network 4 -> 24 (ReLU) -> 1.

The parameters sit on the module itself, in the NumPy layout (in, out), so the forward pass is
x @ W + b. sigma = softplus(rho); the noise of each step comes from eps_reg.npz at model.t.
Loss: Gaussian NLL (fixed noise) averaged over the batch + beta_t * KL / n_train with the KL
weight annealed as min(1, (t + 1) / anneal_steps). torch.optim.SGD with momentum.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class BayesRegressor(nn.Module):
    def __init__(self, n_in=4, n_hidden=24, prior_sigma=0.5, noise_sigma=0.3, n_train=480,
                 anneal_steps=10):
        super().__init__()
        self.w1_mu = nn.Parameter(torch.randn(n_in, n_hidden) * math.sqrt(2.0 / n_in))
        self.w1_rho = nn.Parameter(torch.full((n_in, n_hidden), -3.5))
        self.b1_mu = nn.Parameter(torch.full((n_hidden,), 0.1))
        self.b1_rho = nn.Parameter(torch.full((n_hidden,), -3.5))
        self.w2_mu = nn.Parameter(torch.randn(n_hidden, 1) / math.sqrt(n_hidden))
        self.w2_rho = nn.Parameter(torch.full((n_hidden, 1), -3.5))
        self.b2_mu = nn.Parameter(torch.zeros(1))
        self.b2_rho = nn.Parameter(torch.full((1,), -3.5))
        self.prior_sigma = prior_sigma
        self.noise_sigma = noise_sigma
        self.n_train = n_train
        self.anneal_steps = anneal_steps
        eps = np.load(os.path.join(HERE, "eps_reg.npz"))
        for k in ("W1", "b1", "W2", "b2"):
            self.register_buffer("eps_" + k.lower(), torch.from_numpy(eps[k]).float())
        self.t = 0

    def pairs(self):
        return [(self.w1_mu, self.w1_rho, self.eps_w1), (self.b1_mu, self.b1_rho, self.eps_b1),
                (self.w2_mu, self.w2_rho, self.eps_w2), (self.b2_mu, self.b2_rho, self.eps_b2)]

    def forward(self, X):
        i = self.t % self.eps_w1.shape[0]
        w1, b1, w2, b2 = [mu + F.softplus(rho) * eps[i].to(mu.dtype) for mu, rho, eps in self.pairs()]
        h = torch.relu(X @ w1 + b1)
        return h @ w2 + b2

    def kl(self):
        sp = self.prior_sigma
        kl = 0.0
        for mu, rho, _ in self.pairs():
            sigma = F.softplus(rho)
            kl = kl + (math.log(sp) - torch.log(sigma) + (sigma ** 2 + mu ** 2) / (2 * sp ** 2) - 0.5).sum()
        return kl

    def kl_weight(self):
        return min(1.0, (self.t + 1) / self.anneal_steps) / self.n_train

    def nll(self, pred, y):
        return (0.5 * ((y - pred) / self.noise_sigma) ** 2).mean() \
            + math.log(self.noise_sigma) + 0.5 * math.log(2 * math.pi)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.005, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = model.nll(pred, y) + model.kl_weight() * model.kl()
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
