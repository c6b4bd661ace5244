"""PyTorch port of coral_numpy.py (CORAL ordinal head)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

N_LEVELS = 5


class CoralNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_levels=N_LEVELS):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.score = nn.Linear(hidden, 1, bias=False)
        self.thresholds = nn.Parameter(torch.linspace(1.5, -1.5, n_levels - 1))
        self.n_levels = n_levels

    def forward(self, X):
        h = torch.tanh(self.fc1(X))
        return self.score(h) + self.thresholds      # (N, K-1)


def levels_to_targets(y, n_levels=N_LEVELS):
    ks = torch.arange(1, n_levels, device=y.device)
    return (y.unsqueeze(1) > ks).to(torch.get_default_dtype())


def coral_loss(logits, y):
    T = levels_to_targets(y).to(logits.dtype)
    return F.binary_cross_entropy_with_logits(logits, T, reduction="none").sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = coral_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
