"""PyTorch port of contrast_numpy.py: shared tower, contrastive loss with a margin, SGD momentum."""

import torch
import torch.nn as nn


class SiameseNet(nn.Module):
    def __init__(self, d_in=6, hidden=16, d_emb=8, margin=2.0):
        super().__init__()
        self.d_in = d_in
        self.margin = margin
        self.tower = nn.Sequential(nn.Linear(d_in, hidden), nn.Tanh(), nn.Linear(hidden, d_emb))

    def forward(self, X):
        e1 = self.tower(X[:, :self.d_in])
        e2 = self.tower(X[:, self.d_in:])
        return e1, e2


def contrastive_loss(e1, e2, y, margin):
    d = torch.sqrt(((e1 - e2) ** 2).sum(dim=1) + 1e-8)
    hinge = torch.clamp(margin - d, min=0.0)
    return 0.5 * (y * d ** 2 + (1 - y) * hinge).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    e1, e2 = model(X)
    loss = contrastive_loss(e1, e2, y, model.margin)
    loss.backward()
    optimizer.step()
    return loss
