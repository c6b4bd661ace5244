"""PyTorch port of gpsp_numpy.py: softplus MLP, BCE with logits, per-row input-gradient penalty.

    fc1.weight (10, 5) = W1.T, fc1.bias = b1, fc2.weight (1, 10) = W2.T, fc2.bias = b2

Each row's gradient d l_n / d x_n comes from one torch.autograd.grad call on the
sum of the per-row losses (rows do not interact), with create_graph=True.
torch.optim.SGD with weight_decay on every parameter.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 0.2
WEIGHT_DECAY = 0.01


class SoftplusGPNet(nn.Module):
    def __init__(self, n_in=5, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.act = nn.Softplus()
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, X):
        return self.fc2(self.act(self.fc1(X)))   # logits


def make_optimizer(model, lr=0.5):
    return torch.optim.SGD(model.parameters(), lr=lr, weight_decay=WEIGHT_DECAY)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    X = X.clone().requires_grad_(True)
    per_row = F.binary_cross_entropy_with_logits(model(X), y, reduction="none")
    (grad_x,) = torch.autograd.grad(per_row.sum(), X, create_graph=True)
    penalty = LAM * grad_x.pow(2).sum(dim=1).mean()
    loss = per_row.mean() + penalty
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gp_cls.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = SoftplusGPNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 40 == 0:
            print(step, loss)
