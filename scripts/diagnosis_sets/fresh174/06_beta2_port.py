"""PyTorch port of mt3_numpy.py: a three-head multi-task MLP trained with Adam.

trunk = Linear(8, 24), Tanh, Linear(24, 16), LeakyReLU(0.1); heads['cls'] (16->3) with
F.cross_entropy(label_smoothing=0.1), heads['a'] (16->1) with F.l1_loss, heads['b'] (16->1)
with F.mse_loss. loss = ce + 0.3 * l1 + 0.2 * mse. Adam(lr 0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ThreeHeadNet(nn.Module):
    def __init__(self, n_in=8, h1=24, h2=16, n_classes=3):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(n_in, h1), nn.Tanh(), nn.Linear(h1, h2),
                                   nn.LeakyReLU(0.1))
        self.heads = nn.ModuleDict({"cls": nn.Linear(h2, n_classes), "a": nn.Linear(h2, 1),
                                    "b": nn.Linear(h2, 1)})

    def forward(self, X):
        f = self.trunk(X)
        return {name: head(f) for name, head in self.heads.items()}


def multitask_loss(out, y):
    ce = F.cross_entropy(out["cls"], y[:, 0].long(), label_smoothing=0.1)
    l1 = F.l1_loss(out["a"].squeeze(-1), y[:, 1])
    mse = F.mse_loss(out["b"].squeeze(-1), y[:, 2])
    return ce + 0.3 * l1 + 0.2 * mse


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = multitask_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
