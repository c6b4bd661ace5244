"""PyTorch port of adadelta_numpy.py: Linear -> tanh -> Linear logits, F.cross_entropy,
torch.optim.Adadelta(lr=1.0, rho=0.9, eps=1e-6, weight_decay=5e-3).

    fc1.weight (16, 6) = W1.T   fc1.bias (16,) = b1
    fc2.weight (3, 16) = W2.T   fc2.bias (3,)  = b2
Optimizer state: square_avg = E[g^2], acc_delta = E[dx^2].
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class AdadeltaNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model):
    return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.9, eps=1e-6)  # fix: return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.9, eps=1e-6, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adadelta.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"])
    model = AdadeltaNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
