"""LerpMixup in PyTorch: raw parameters kept (in, out) like the NumPy version, the mix made by
torch.lerp(x_j, x_i, lam), the soft-target loss written out with log_softmax, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class LerpMixup(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.W1 = nn.Parameter(torch.zeros(n_in, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.zeros(hidden, n_classes))
        self.b2 = nn.Parameter(torch.zeros(n_classes))

    def forward(self, x):
        return torch.tanh(x @ self.W1 + self.b1) @ self.W2 + self.b2


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    feats, lam, j = X[:, :4], X[:, 4:5], X[:, 5].long()
    x = torch.lerp(feats[j], feats, lam)
    t = torch.lerp(y[j], y, lam)
    optimizer.zero_grad()
    loss = -(t * F.log_softmax(model(x), dim=1)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
