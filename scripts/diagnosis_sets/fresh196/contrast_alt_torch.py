"""Another PyTorch port of contrast_numpy.py: a ModuleList tower run once on both halves
concatenated, the loss through torch.where and relu, momentum SGD over parameter groups."""

import torch
import torch.nn as nn


class TwinTower(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(6, 16), nn.Linear(16, 8)])

    def forward(self, X):
        n = X.shape[0]
        x = torch.cat([X[:, :6], X[:, 6:]], dim=0)
        x = torch.tanh(self.layers[0](x))
        e = self.layers[1](x)
        return e[:n], e[n:]


def make_optimizer(model):
    groups = [{"params": [l.weight for l in model.layers]}, {"params": [l.bias for l in model.layers]}]
    return torch.optim.SGD(groups, lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y, margin=2.0):
    for p in model.parameters():
        p.grad = None
    e1, e2 = model(X)
    d2 = (e1 - e2).pow(2).sum(-1) + 1e-8
    d = d2.sqrt()
    per_pair = torch.where(y > 0.5, d2, torch.relu(margin - d) ** 2)
    loss = per_pair.mean() / 2
    loss.backward()
    optimizer.step()
    return loss
