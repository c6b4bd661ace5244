"""WNNet in PyTorch, the weight normalisation written inline in forward: each layer's direction v
kept in nn.Linear's (out, in) layout, a gain per output unit, w = g v / ||v|| (row norms)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.2


class WNNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.v1 = nn.Parameter(torch.randn(8, 4) * 0.5)
        self.g1 = nn.Parameter(torch.ones(8))
        self.b1 = nn.Parameter(torch.zeros(8))
        self.v2 = nn.Parameter(torch.randn(8, 8) * 0.5)
        self.g2 = nn.Parameter(torch.ones(8))
        self.b2 = nn.Parameter(torch.zeros(8))
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        w1 = self.g1[:, None] * self.v1 / self.v1.norm(dim=1, keepdim=True)
        w2 = self.g2 * self.v2 / self.v2.norm(dim=1, keepdim=True)  # fix: w2 = self.g2[:, None] * self.v2 / self.v2.norm(dim=1, keepdim=True)
        h1 = torch.tanh(x @ w1.T + self.b1)
        h2 = torch.tanh(h1 @ w2.T + self.b2)
        return self.head(h2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
