"""PyTorch port of ranknet_numpy.py: the scoring MLP as nn.Linear layers, the pairwise
RankNet loss with F.softplus, torch.optim.Adam."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RankNetMLP(nn.Module):
    def __init__(self, n_features=10, hidden=16, sigma=1.0):
        super().__init__()
        self.hidden = nn.Linear(n_features, hidden)
        self.score = nn.Linear(hidden, 1, bias=False)
        self.sigma = sigma

    def forward(self, X):
        return self.score(torch.tanh(self.hidden(X))).squeeze(-1)   # (Q, L)


def ranknet_loss(s, y, sigma=1.0):
    diff = s.unsqueeze(2) - s.unsqueeze(1)
    mask = (y.unsqueeze(2) > y.unsqueeze(1)).to(s.dtype)
    return (mask * F.softplus(-sigma * diff)).sum() / mask.sum()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ranknet_loss(model(X), y, model.sigma)
    loss.backward()
    optimizer.step()
    return loss.item()
