"""Momentum SGD port whose train_step was reordered while adding logging: zero_grad() now
sits between backward() and step(), so step() always sees zero gradients."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=6, n_out=1):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model, lr=0.1):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    out = model(X)
    loss = ((out - y) ** 2).mean()
    loss.backward()
    grad_norm = sum(p.grad.norm() ** 2 for p in model.parameters()) ** 0.5
    optimizer.zero_grad()           # BUG: clears the gradients just computed, before step()
    optimizer.step()
    print(f"loss {loss.item():.4f}  grad norm {float(grad_norm):.4f}")
    return loss.item()
