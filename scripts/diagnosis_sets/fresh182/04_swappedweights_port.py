"""Fresh182 case UZ04.

PyTorch port of sob_numpy.py: Sobolev training of a tanh MLP, u_x by autograd.

    fc1 = nn.Linear(1, 24), fc2 = nn.Linear(24, 1);  u = fc2(tanh(fc1(x)))
    u_x = d u / d x by torch.autograd.grad(create_graph=True), so that the derivative term
    is differentiated with respect to the weights by the outer backward.
    loss = mse(u, y[:, :1]) + LAM * mse(u_x, y[:, 1:]);  torch.optim.Adam(lr=0.01).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 0.5


class SobolevNet(nn.Module):
    def __init__(self, hidden=24):
        super().__init__()
        self.fc1 = nn.Linear(1, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def value_and_slope(model, X):
    x = X.clone().requires_grad_(True)
    u = model(x)
    (u_x,) = torch.autograd.grad(u, x, grad_outputs=torch.ones_like(u), create_graph=True)
    return u, u_x


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    u, u_x = value_and_slope(model, X)
    loss = LAM * F.mse_loss(u, y[:, :1]) + F.mse_loss(u_x, y[:, 1:])
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sobolev.npz"))
    X, y = torch.tensor(d["X"]).float(), torch.tensor(d["y"]).float()
    model = SobolevNet()
    opt = make_optimizer(model)
    for i in range(500):
        loss = train_step(model, opt, X, y)
        if i % 50 == 0:
            print(i, loss)
