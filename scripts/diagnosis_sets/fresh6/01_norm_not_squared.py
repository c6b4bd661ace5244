"""Port of a small regressor (ReLU hidden layer, linear output, sum of squared errors,
plain SGD). The NumPy network minimises sum((out - y)^2); the port writes that as the
norm of the residual and forgets the square: torch.linalg.norm(out - y), whose gradient
(out - y) / ||out - y|| is the SSE's divided by 2 ||out - y||, a factor that changes every
step."""

import torch
from torch import nn


class Regressor(nn.Module):
    def __init__(self, n_in=6, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.head = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.head(torch.relu(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    residual = model(X) - y
    loss = torch.linalg.norm(residual)   # BUG: the squared norm: torch.linalg.norm(residual) ** 2
    loss.backward()
    optimizer.step()
    return loss.item()
