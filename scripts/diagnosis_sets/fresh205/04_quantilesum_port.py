"""PyTorch port of quantile_numpy.py: multi-quantile regression MLP with the pinball loss and
torch.optim.RMSprop(alpha=0.9, eps=1e-6)."""

import torch
import torch.nn as nn

TAUS = (0.1, 0.5, 0.9)


class QuantileMLP(nn.Module):
    def __init__(self, n_in=6, hidden=24, taus=TAUS):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, len(taus))
        self.register_buffer("taus", torch.tensor(taus))

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def pinball_loss(pred, y, taus):
    e = y.unsqueeze(1) - pred
    return torch.maximum(taus * e, (taus - 1) * e).sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-6)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball_loss(model(X), y, model.taus)
    loss.backward()
    optimizer.step()
    return loss.item()
