"""PyTorch port of gru_cls_numpy.py: the GRU cell written out with nn.Linear layers, unrolled.

    x2z.weight = Wz.T, x2z.bias = bz, h2z.weight = Uz.T   (and the same for r and c)
    out.weight = V.T, out.bias = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GRUClassifier(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.hidden = hidden
        self.x2z = nn.Linear(n_in, hidden)
        self.h2z = nn.Linear(hidden, hidden, bias=False)
        self.x2r = nn.Linear(n_in, hidden)
        self.h2r = nn.Linear(hidden, hidden, bias=False)
        self.x2c = nn.Linear(n_in, hidden)
        self.h2c = nn.Linear(hidden, hidden, bias=False)
        self.out = nn.Linear(hidden, n_classes)

    def cell(self, x, h):
        z = torch.sigmoid(self.x2z(x) + self.h2z(h))
        r = torch.sigmoid(self.x2r(x) + self.h2r(h))
        c = torch.tanh(self.x2c(x) + self.h2c(r * h))
        return (1 - z) * h + z * c

    def forward(self, X):
        h = X.new_zeros(X.shape[0], self.hidden)
        for t in range(X.shape[1]):
            h = self.cell(X[:, t], h)
        return self.out(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
