"""Stacked ReZero blocks in PyTorch: parameters in nn.ParameterDicts kept (in, out), the branch
added with torch.addcmul(h, a, relu(h @ W + c)); MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn


class StackedReZero(nn.Module):
    def __init__(self, n_in=4, width=6, n_out=2):
        super().__init__()
        self.stem = nn.ParameterDict({"W0": nn.Parameter(torch.randn(n_in, width) / n_in ** 0.5),
                                      "c0": nn.Parameter(torch.zeros(width))})
        self.blocks = nn.ModuleList(
            nn.ParameterDict({f"W{k}": nn.Parameter(torch.randn(width, width) * (2.0 / width) ** 0.5),
                              f"c{k}": nn.Parameter(torch.zeros(width)),
                              f"a{k}": nn.Parameter(torch.full((1,), 0.05))}) for k in (1, 2))
        self.head = nn.ParameterDict({"W3": nn.Parameter(torch.randn(width, n_out) / width ** 0.5),
                                      "c3": nn.Parameter(torch.zeros(n_out))})

    def forward(self, x):
        h = torch.addmm(self.stem["c0"], x, self.stem["W0"])
        for k, blk in enumerate(self.blocks, 1):
            h = torch.addcmul(h, blk[f"a{k}"], F.relu(torch.addmm(blk[f"c{k}"], h, blk[f"W{k}"])))
        return torch.addmm(self.head["c3"], h, self.head["W3"])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
