"""UncertaintyTwoTask in PyTorch: trunk, two heads and a learned log-variance per task
(nn.Parameter of 2), the total sum(exp(-s) * losses) + regulariser on s; SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class UncertaintyTwoTask(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(4, 8)
        self.reg_head = nn.Linear(8, 1)
        self.cls_head = nn.Linear(8, 3)
        self.log_vars = nn.Parameter(torch.zeros(2))

    def forward(self, x):
        h = torch.tanh(self.trunk(x))
        return self.reg_head(h), self.cls_head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    reg, logits = model(X)
    losses = torch.stack([F.mse_loss(reg, y[:, :1]), F.cross_entropy(logits, y[:, 1:4])])
    loss = (torch.exp(-model.log_vars) * losses).sum() + model.log_vars.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
