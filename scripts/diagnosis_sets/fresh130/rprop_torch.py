"""PyTorch port of rprop_numpy.py: tanh MLP classifier, F.cross_entropy, torch.optim.Rprop.

    fc1.weight (16, 6) = W1.T   fc1.bias = b1
    fc2.weight (3, 16) = W2.T   fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class RpropMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model, lr=0.01):
    return torch.optim.Rprop(model.parameters(), lr=lr, etas=(0.5, 1.2), step_sizes=(1e-6, 50.0))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rprop.npz"))
    X, y = torch.tensor(data["X"], dtype=torch.float32), torch.from_numpy(data["y"])
    model = RpropMLP()
    optimizer = make_optimizer(model)
    for step in range(50):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, loss)
