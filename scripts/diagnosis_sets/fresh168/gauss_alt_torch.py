"""Another port of gauss_numpy.py: the trunk as an nn.Sequential, the loss from
F.gaussian_nll_loss with var = exp(log-variance) (full=False, mean reduction), and the
clipping threshold and Adam settings kept on the module.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HeteroscedasticNet(nn.Module):
    def __init__(self, n_in=5, hidden=24, max_norm=0.5):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh())
        self.out = nn.Linear(hidden, 2)
        self.max_norm = max_norm

    def forward(self, X):
        mu, log_var = self.out(self.trunk(X)).unbind(dim=1)
        return mu, log_var


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    mu, log_var = model(X)
    loss = F.gaussian_nll_loss(mu, y, log_var.exp(), full=False, reduction="mean")
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=model.max_norm)
    optimizer.step()
    return float(loss)
