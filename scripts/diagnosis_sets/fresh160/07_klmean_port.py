"""PyTorch port of kl_numpy.py: 10 -> 16 (SELU) -> 16 (SELU) -> 4 log-softmax,
F.kl_div(log_probs, target, reduction='batchmean'), torch.optim.Adamax(lr=0.02)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class KLNet(nn.Module):
    def __init__(self, sizes=(10, 16, 16, 4)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.selu(layer(x))
        return F.log_softmax(self.layers[-1](x), dim=1)


def make_optimizer(model):
    return torch.optim.Adamax(model.parameters(), lr=0.02, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.kl_div(model(X), y, reduction="mean")
    loss.backward()
    optimizer.step()
    return loss.item()
