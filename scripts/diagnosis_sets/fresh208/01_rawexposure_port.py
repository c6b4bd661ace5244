"""PyTorch port of poisson_numpy.py: tanh MLP, log link, log-exposure offset, Poisson NLL, Adam.

    hidden.weight (24, 5) = W1.T, hidden.bias = b1, out.weight (1, 24) = W2.T, out.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class PoissonMLP(nn.Module):
    def __init__(self, n_features=5, hidden=24):
        super().__init__()
        self.hidden = nn.Linear(n_features, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, X):
        feats, exposure = X[:, :-1], X[:, -1]
        log_rate = self.out(torch.tanh(self.hidden(feats))).squeeze(-1)
        return log_rate + exposure         # eta, the log of the expected count


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    eta = model(X)
    loss = F.poisson_nll_loss(eta, y, log_input=True, full=False, reduction="mean")
    loss.backward()
    optimizer.step()
    return loss.item()
