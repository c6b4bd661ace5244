"""PyTorch port of gp_numpy.py: double backprop with torch.autograd.grad(create_graph=True).

    fc1.weight (12, 4) = W1.T, fc1.bias = b1, fc2.weight (1, 12) = W2.T, fc2.bias = b2

loss = mse + LAM * ||d mse / dX||^2, the input gradient kept in the graph so
that loss.backward() differentiates through it. torch.optim.Adam, betas (0.9, 0.99).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 0.5


class GradPenaltyNet(nn.Module):
    def __init__(self, n_in=4, hidden=12):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    X = X.clone().requires_grad_(True)
    data_loss = F.mse_loss(model(X), y)
    (grad_x,) = torch.autograd.grad(data_loss, X, create_graph=True)
    penalty = LAM * grad_x.pow(2).sum()
    loss = data_loss + penalty
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gp_reg.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = GradPenaltyNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 40 == 0:
            print(step, loss)
