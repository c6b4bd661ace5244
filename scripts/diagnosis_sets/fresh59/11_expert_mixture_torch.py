"""MixtureOfExperts in PyTorch: an nn.Linear router, three nn.Linear experts in an nn.ModuleList,
the outputs stacked (n, experts, outputs) and combined with torch.einsum, half MSE, SGD."""

import torch
from torch import nn

LR = 0.3
EXPERTS = 3


class MixtureOfExperts(nn.Module):
    def __init__(self, n_in=5, n_out=2):
        super().__init__()
        self.router = nn.Linear(n_in, EXPERTS)
        self.experts = nn.ModuleList(nn.Linear(n_in, n_out) for _ in range(EXPERTS))

    def forward(self, x):
        gates = torch.softmax(self.router(x), dim=1)
        outs = torch.stack([expert(x) for expert in self.experts], dim=1)
        return torch.einsum("ne,neo->no", gates, outs)


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
