"""Port of a tanh / softmax classifier (4 -> 8 -> 3, mean cross-entropy on the logits,
mini-batches of 12) trained with momentum as an exponential moving average,
v = beta v + (1 - beta) g; W -= lr v. make_optimizer ported it as
torch.optim.SGD(momentum=beta, dampening=beta), but torch applies no dampening on the first
step: the buffer starts as the raw gradient g instead of (1 - beta) g, so the first step is 10
times the EMA's and the surplus beta^t g_1 lingers in every later buffer."""

import torch
import torch.nn.functional as F
from torch import nn

BETA = 0.9


class Net(nn.Module):
    def __init__(self, n_in=4, width=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=BETA, dampening=BETA)   # BUG: heavy ball at lr (1 - beta): lr=lr * (1 - BETA), momentum=BETA


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
