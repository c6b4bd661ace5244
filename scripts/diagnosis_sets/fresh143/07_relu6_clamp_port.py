"""PyTorch port of clamp_numpy.py: Linear + Softplus(beta=2) -> Linear + ReLU6 -> Linear + Hardswish -> Linear + SELU -> Linear.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.weight (16, 4)  = W1.T   fc1.bias (16,) = b1
    fc2.weight (16, 16) = W2.T   fc2.bias (16,) = b2
    fc3.weight (12, 16) = W3.T   fc3.bias (12,) = b3
    fc4.weight (8, 12)  = W4.T   fc4.bias (8,)  = b4
    fc5.weight (1, 8)   = W5.T   fc5.bias (1,)  = b5

The model returns logits; nn.BCEWithLogitsLoss (mean). torch.optim.SGD, lr 0.1,
weight_decay 1e-3 on every parameter.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ClampNet(nn.Module):
    def __init__(self, sizes=(4, 16, 16, 12, 8, 1), softplus_beta=2.0):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])
        self.fc3 = nn.Linear(sizes[2], sizes[3])
        self.fc4 = nn.Linear(sizes[3], sizes[4])
        self.fc5 = nn.Linear(sizes[4], sizes[5])
        self.softplus_beta = softplus_beta

    def forward(self, X):
        h = F.softplus(self.fc1(X), beta=self.softplus_beta)
        h = torch.clamp(self.fc2(h), max=6.0)  # fix: h = F.relu6(self.fc2(h))
        h = F.hardswish(self.fc3(h))
        h = F.selu(self.fc4(h))
        return self.fc5(h)


criterion = nn.BCEWithLogitsLoss()


def make_optimizer(model, lr=0.1):
    return torch.optim.SGD(model.parameters(), lr=lr, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "clamp.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = ClampNet()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
