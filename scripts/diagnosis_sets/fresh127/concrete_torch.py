"""PyTorch port of concrete_numpy.py: a concrete autoencoder (differentiable feature selection).

The selection logits are an nn.Parameter (k, D); the Gumbel noise of step t is read from
concrete.npz (gumbel[t % T]), and the temperature follows the same exponential annealing.

Parameters, with the NumPy names:
    alpha      (k, D)  = alpha
    fc1.weight (H, k)  = W1.T    fc1.bias = b1
    fc2.weight (D, H)  = W2.T    fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class ConcreteAE(nn.Module):
    def __init__(self, D=10, k=4, H=12, tau0=2.0, tau_end=0.2, total_steps=20):
        super().__init__()
        self.alpha = nn.Parameter(torch.zeros(k, D))
        self.fc1 = nn.Linear(k, H)
        self.fc2 = nn.Linear(H, D)
        self.register_buffer("gumbel", torch.from_numpy(
            np.load(os.path.join(HERE, "concrete.npz"))["gumbel"]))
        self.tau0, self.tau_end, self.total_steps = tau0, tau_end, total_steps
        self.t = 0

    def temperature(self):
        return self.tau0 * (self.tau_end / self.tau0) ** (self.t / self.total_steps)

    def select(self, X):
        g = self.gumbel[self.t % len(self.gumbel)].to(self.alpha.dtype)
        M = torch.softmax((self.alpha + g) / self.temperature(), dim=1)
        return X @ M.T

    def forward(self, X):
        return self.fc2(F.relu(self.fc1(self.select(X))))


def make_optimizer(model, lr=0.05, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
