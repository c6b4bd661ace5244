"""PyTorch port of qstep_numpy.py, written with the detach trick.

    q = c + (round(3 c) / 3 - c).detach()        c = clamp(h1, 0, 1)
    s = sg + (H(h2) - sg).detach()               sg = sigmoid(4 h2)

fc1, fc2, fc3 are nn.Linear (weight = W.T). torch.optim.SGD(lr=0.1) with
weight_decay=0.01 in a parameter group of the weights only.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LEVELS = 3
K = 4.0


class QuantStepNet(nn.Module):
    def __init__(self, n_in=5, h1=12, h2=10, n_out=1):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, n_out)

    def forward(self, X):
        c = torch.clamp(self.fc1(X), 0, 1)
        q = c + (torch.round(c * LEVELS) / LEVELS - c).detach()
        h2 = self.fc2(q)
        sg = torch.sigmoid(K * h2)
        s = sg + ((h2 >= 0).to(h2.dtype) - sg).detach()
        return self.fc3(s)


def make_optimizer(model):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if name.endswith("bias") else decay).append(p)
    return torch.optim.SGD([
        {"params": decay, "weight_decay": 0.01},
        {"params": no_decay, "weight_decay": 0.0},
    ], lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
