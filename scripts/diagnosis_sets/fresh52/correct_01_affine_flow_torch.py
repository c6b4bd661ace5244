"""DictAffineFlow in PyTorch through torch.distributions: the base is
Independent(Normal(0, 1), 1), whose log_prob sums over the two coordinates, the log-det -sum(log_s)."""

import torch
import torch.distributions as D
from torch import nn

LR = 0.1


class DictAffineFlow(nn.Module):
    def __init__(self):
        super().__init__()
        self.mu = nn.Parameter(torch.zeros(2))
        self.log_s = nn.Parameter(torch.zeros(2))

    def log_prob(self, x):
        z = (x - self.mu) / self.log_s.exp()
        base = D.Independent(D.Normal(torch.zeros_like(self.mu), torch.ones_like(self.mu)), 1)
        return base.log_prob(z) - self.log_s.sum()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y=None):
    optimizer.zero_grad()
    loss = -model.log_prob(X).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
