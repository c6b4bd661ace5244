"""Fresh182 case UZ08.

PyTorch port of pinn_numpy.py: a physics-informed tanh network for u' + A u = f.

    net = nn.Sequential(Linear(1, 16), Tanh, Linear(16, 16), Tanh, Linear(16, 1))
    u_x by torch.autograd.grad(create_graph=True) with respect to the collocation points.
    loss = W_DATA * mse(u, y[:, :1]) + W_RES * mean((u_x + A u - f)^2)
    torch.optim.SGD(lr=0.02, momentum=0.9).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

A = 1.0
W_DATA = 1.0
W_RES = 0.5


class PINN(nn.Module):
    def __init__(self, width=16):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(1, width), nn.Tanh(),
            nn.Linear(width, width), nn.Tanh(),
            nn.Linear(width, 1),
        )

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9)


def pinn_loss(model, X, y):
    x = X.detach().clone().requires_grad_(True)
    u = model(x)
    u_x = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
    f = y[:, 1:2]
    residual = u_x - A * u - f
    return W_DATA * F.mse_loss(u, y[:, 0:1]) + W_RES * residual.pow(2).mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinn_loss(model, X, y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pinn.npz"))
    X, y = torch.tensor(d["X"]).float(), torch.tensor(d["y"]).float()
    model = PINN()
    opt = make_optimizer(model)
    for i in range(1000):
        loss = train_step(model, opt, X, y)
        if i % 100 == 0:
            print(i, loss)
