"""A debugging line that calls backward() to log gradient norms stayed in, so every step
back-propagates the same loss twice."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def grad_norm(model):
    return sum(p.grad.norm() ** 2 for p in model.parameters() if p.grad is not None) ** 0.5


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward(retain_graph=True)
    _ = grad_norm(model)          # debugging
    loss.backward()               # BUG: second backward adds the gradients again
    optimizer.step()
    return loss.item()
