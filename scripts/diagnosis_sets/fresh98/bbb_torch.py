"""BayesMLP in PyTorch: a BayesLinear module (weight_mu, weight_rho in nn.Linear's (out, in)
layout, a plain bias), sigma = F.softplus(rho), W = mu + sigma * eps with eps buffers drawn once
from a seeded generator (draw (t - 1) % T_NOISE at the t-th update); F.cross_entropy plus the
closed-form KL to N(0, PRIOR_SIGMA^2) over N_TRAIN; SGD(momentum=0.9) with StepLR."""

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D, H, K = 6, 16, 3
N_TRAIN, T_NOISE, PRIOR_SIGMA = 48, 5, 0.5
LR, MOMENTUM, GAMMA, STEP_SIZE = 0.05, 0.9, 0.5, 8


class BayesLinear(nn.Module):
    def __init__(self, n_in, n_out, eps):
        super().__init__()
        self.weight_mu = nn.Parameter(torch.randn(n_out, n_in) / math.sqrt(n_in))
        self.weight_rho = nn.Parameter(torch.full((n_out, n_in), -3.0))
        self.bias = nn.Parameter(torch.zeros(n_out))
        # eps drawn as (T, in, out) like the NumPy program, kept (T, out, in) like the weight
        self.register_buffer("eps", torch.tensor(eps.transpose(0, 2, 1), dtype=torch.float32))

    def forward(self, x, t):
        sigma = F.softplus(self.weight_rho)
        w = self.weight_mu + sigma * self.eps[(t - 1) % T_NOISE]
        return F.linear(x, w, self.bias)

    def kl(self):
        sigma = F.softplus(self.weight_rho)
        return torch.sum(math.log(PRIOR_SIGMA) - torch.log(sigma)
                         + (sigma ** 2 + self.weight_mu ** 2) / (2 * PRIOR_SIGMA ** 2) - 0.5)


class BayesMLP(nn.Module):
    def __init__(self):
        super().__init__()
        noise = np.random.default_rng(2024)
        eps1 = noise.standard_normal((T_NOISE, D, H))
        eps2 = noise.standard_normal((T_NOISE, H, K))
        self.fc1 = BayesLinear(D, H, eps1)
        self.fc2 = BayesLinear(H, K, eps2)
        self.t = 0

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x, self.t)), self.t)

    def kl(self):
        return self.fc1.kl() + self.fc2.kl()


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    model.t += 1
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y) + model.kl() / N_TRAIN
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
