"""ProbedRegressor in PyTorch: the probe reads the trunk's features through a stop-gradient."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class ProbedRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(4, 8)
        self.reg_head = nn.Linear(8, 1)
        self.probe = nn.Linear(8, 3)

    def forward(self, x):
        h = torch.tanh(self.trunk(x))
        probe_logits = self.probe(h).detach()  # fix: probe_logits = self.probe(h.detach())
        return self.reg_head(h), probe_logits


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    reg, probe_logits = model(X)
    loss = F.mse_loss(reg, y[:, :1]) + F.cross_entropy(probe_logits, y[:, 1:4])
    loss.backward()
    optimizer.step()
    return loss.item()
