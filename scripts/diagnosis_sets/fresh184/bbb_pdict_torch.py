"""PyTorch port of bbb_numpy.py written another way: one nn.ParameterDict in the NumPy layout.

params['W1_mu'], params['W1_rho'], ... kept (in, out) so the forward pass is X @ W + b, as in
NumPy; sigma = softplus(rho); the negative log-likelihood is written with log_softmax and gather,
summed over the batch; the KL is 0.5 * sum(s^2/p^2 + mu^2/p^2 - 1 - log(s^2/p^2)) over every
weight and bias, divided by num_batches. torch.optim.Adam.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = {"W1": (6, 16), "b1": (16,), "W2": (16, 3), "b2": (3,)}


class BayesMLP(nn.Module):
    def __init__(self, prior_sigma=1.0, num_batches=10):
        super().__init__()
        self.params = nn.ParameterDict()
        for k, shape in SHAPES.items():
            self.params[k + "_mu"] = nn.Parameter(0.3 * torch.randn(shape))
            self.params[k + "_rho"] = nn.Parameter(torch.full(shape, -4.0))
        noise = np.load(os.path.join(HERE, "eps_cls.npz"))
        self.noise = {k: torch.from_numpy(noise[k]) for k in SHAPES}
        self.prior_var = prior_sigma ** 2
        self.num_batches = num_batches
        self.t = 0

    def weight(self, k):
        mu, rho = self.params[k + "_mu"], self.params[k + "_rho"]
        eps = self.noise[k][self.t % 32].to(mu.dtype)
        return mu + F.softplus(rho) * eps

    def forward(self, X):
        h = torch.tanh(X @ self.weight("W1") + self.weight("b1"))
        return h @ self.weight("W2") + self.weight("b2")

    def kl(self):
        total = 0.0
        for k in SHAPES:
            mu, s2 = self.params[k + "_mu"], F.softplus(self.params[k + "_rho"]) ** 2
            r = s2 / self.prior_var
            total = total + 0.5 * (r + mu ** 2 / self.prior_var - 1.0 - torch.log(r)).sum()
        return total


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logp = F.log_softmax(model(X), dim=1)
    nll = -logp.gather(1, y.view(-1, 1)).sum()
    loss = nll + model.kl() / model.num_batches
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
