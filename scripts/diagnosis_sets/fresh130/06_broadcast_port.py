"""PyTorch port of sgdr_numpy.py: ReLU regression net, F.mse_loss,
torch.optim.SGD(nesterov=True, weight_decay=1e-3) and a LambdaLR whose multiplier is
a linear warm-up followed by cosine annealing with warm restarts (SGDR).

    fc1.weight (16, 5) = W1.T   fc1.bias = b1
    fc2.weight (1, 16) = W2.T   fc2.bias = b2
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class WarmRestartNet(nn.Module):
    def __init__(self, n_in=5, hidden=16):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, X):
        return self.fc2(F.relu(self.fc1(X)))


def warmup_then_sgdr(warmup=3, T_0=4, T_mult=2, lr_max=0.1, eta_min=0.005):
    """The LambdaLR multiplier (of lr_max) for update `step` = 0, 1, ..."""
    def factor(step):
        if step < warmup:
            return (step + 1) / warmup
        T_cur, T_i = step - warmup, T_0
        while T_cur >= T_i:
            T_cur -= T_i
            T_i *= T_mult
        cosine = 0.5 * (1 + math.cos(math.pi * T_cur / T_i))
        return (eta_min + (lr_max - eta_min) * cosine) / lr_max
    return factor


def make_optimizer(model, lr=0.1, momentum=0.9, weight_decay=1e-3):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, nesterov=True,
                                weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_then_sgdr(lr_max=lr))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X).squeeze(), y)  # fix: loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sgdr.npz"))
    X, y = torch.tensor(data["X"], dtype=torch.float32), torch.tensor(data["y"], dtype=torch.float32)
    model = WarmRestartNet()
    optimizer, scheduler = make_optimizer(model)
    for step in range(40):
        i = (step % 4) * 16
        loss = train_step(model, optimizer, X[i:i + 16], y[i:i + 16], scheduler)
        if step % 8 == 0:
            print(step, loss)
