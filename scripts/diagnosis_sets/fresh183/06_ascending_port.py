"""PyTorch port of lambdarank_numpy.py: |delta NDCG| weights computed under no_grad from the
current ranking, RankNet terms with F.softplus, torch.optim.RMSprop."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LambdaRankMLP(nn.Module):
    def __init__(self, n_features=10, hidden=20, sigma=1.0):
        super().__init__()
        self.fc1 = nn.Linear(n_features, hidden)
        self.fc2 = nn.Linear(hidden, 1, bias=False)
        self.sigma = sigma

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X))).squeeze(-1)


@torch.no_grad()
def delta_ndcg(s, y):
    L = s.shape[1]
    gains = torch.pow(2.0, y) - 1
    order = torch.argsort(s, dim=1)
    ranks = torch.argsort(order, dim=1)
    disc = 1.0 / torch.log2(ranks.to(s.dtype) + 2)
    ideal, _ = torch.sort(gains, dim=1, descending=True)
    positions = torch.arange(L, dtype=s.dtype, device=s.device)
    idcg = (ideal / torch.log2(positions + 2)).sum(dim=1)
    dg = (gains.unsqueeze(2) - gains.unsqueeze(1)).abs()
    dd = (disc.unsqueeze(2) - disc.unsqueeze(1)).abs()
    return dg * dd / idcg[:, None, None]


def lambdarank_loss(s, y, sigma=1.0):
    diff = s.unsqueeze(2) - s.unsqueeze(1)
    mask = (y.unsqueeze(2) > y.unsqueeze(1)).to(s.dtype)
    w = mask * delta_ndcg(s, y)
    return (w * F.softplus(-sigma * diff)).sum() / s.shape[0]


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=2e-3, alpha=0.99, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = lambdarank_loss(model(X), y, model.sigma)
    loss.backward()
    optimizer.step()
    return loss.item()
