"""SiameseContrastive in PyTorch: the shared encoder on both sides, d = sqrt(||e1 - e2||^2 + EPS),
the margin contrastive loss with F.relu for the hinge, SGD(momentum=0.9) at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, EMBED, MARGIN, EPS = 5, 8, 3, 1.5, 1e-6


class SiameseContrastive(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, EMBED))

    def forward(self, X):
        return self.encoder(X[:, 0]), self.encoder(X[:, 1])


def contrastive_loss(e1, e2, y):
    sq = (e1 - e2).pow(2).sum(dim=1, keepdim=True)
    d = torch.sqrt(sq + EPS)
    hinge = F.relu(MARGIN - d)
    return (0.5 * y * d.pow(2) + 0.5 * (1 - y) * hinge.pow(2)).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = contrastive_loss(*model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
