"""GaussianReinforce in PyTorch: the mean network and an nn.Parameter log_std, the log-density from
torch.distributions.Normal(mu, log_std.exp()).log_prob, torch.optim.Adam."""

import torch
from torch import nn
from torch.distributions import Normal

LR = 0.01


class GaussianReinforce(nn.Module):
    def __init__(self, n_state=3, hidden=8):
        super().__init__()
        self.mean = nn.Sequential(nn.Linear(n_state, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        self.log_std = nn.Parameter(torch.full((1,), -0.5))

    def forward(self, s):
        return Normal(self.mean(s).squeeze(-1), self.log_std.exp())


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    actions, returns = y[:, 0], y[:, 1]
    loss = -(returns * model(X).log_prob(actions)).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
