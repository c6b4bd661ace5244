"""PyTorch port of negbin_numpy.py written another way: an nn.Sequential body, the NB2
log-likelihood written out with torch.lgamma and log1p (no torch.distributions), the
dispersion as log(1 + exp(z)).

    body.0.weight (16, 4) = W1.T, body.0.bias = b1, head.weight (2, 16) = W2.T, head.bias = b2
"""

import torch
import torch.nn as nn


class NegBinNet(nn.Module):
    def __init__(self, n_features=4, hidden=16):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_features, hidden), nn.ReLU())
        self.head = nn.Linear(hidden, 2)

    def forward(self, X):
        log_mu, z = self.head(self.body(X)).unbind(dim=1)
        alpha = torch.log1p(torch.exp(z))
        return log_mu, alpha


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-8,
                               momentum=0.0, centered=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_mu, alpha = model(X)
    r = alpha.reciprocal()
    am = alpha * torch.exp(log_mu)
    ll = (torch.lgamma(y + r) - torch.lgamma(r) - torch.lgamma(y + 1)
          + y * (torch.log(alpha) + log_mu) - (r + y) * torch.log1p(am))
    loss = -ll.mean()
    loss.backward()
    optimizer.step()
    return loss.item()
