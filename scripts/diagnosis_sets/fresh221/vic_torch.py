"""PyTorch port of vic_numpy.py (VICReg).

    enc1.weight (32, 8)  = W1, enc1.bias = b1
    enc2.weight (32, 32) = W2, enc2.bias = b2
    expander.weight (16, 32) = W3 (no bias)

torch.optim.Adam(lr=2e-3).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def off_diagonal(m):
    return m - torch.diag(torch.diagonal(m))


class VICReg(nn.Module):
    def __init__(self, d_in=8, hidden=32, proj=16):
        super().__init__()
        self.d_in = d_in
        self.enc1 = nn.Linear(d_in, hidden)
        self.enc2 = nn.Linear(hidden, hidden)
        self.expander = nn.Linear(hidden, proj, bias=False)
        self.sim_coeff, self.std_coeff, self.cov_coeff = 25.0, 25.0, 1.0

    def forward(self, x):
        return self.expander(torch.tanh(self.enc2(torch.tanh(self.enc1(x)))))

    def criterion(self, za, zb):
        N, D = za.shape
        repr_loss = F.mse_loss(za, zb)

        za = za - za.mean(dim=0)
        zb = zb - zb.mean(dim=0)
        std_a = torch.sqrt(za.var(dim=0) + 1e-4)
        std_b = torch.sqrt(zb.var(dim=0) + 1e-4)
        std_loss = torch.mean(F.relu(1 - std_a)) / 2 + torch.mean(F.relu(1 - std_b)) / 2

        cov_a = (za.T @ za) / (N - 1)
        cov_b = (zb.T @ zb) / (N - 1)
        cov_loss = off_diagonal(cov_a).pow(2).sum() / D + off_diagonal(cov_b).pow(2).sum() / D

        return self.sim_coeff * repr_loss + self.std_coeff * std_loss + self.cov_coeff * cov_loss


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=2e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    za = model(X[:, :model.d_in])
    zb = model(X[:, model.d_in:])
    loss = model.criterion(za, zb)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "vic.npz"))
    X = torch.from_numpy(data["X"])
    model = VICReg()
    opt = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, opt, X, None)
        if step % 10 == 0:
            print(step, loss)
