"""Binary classifier port whose output probability is the first column of a two-way softmax over
the logits [z, 0], softmax([z, 0])[0] = sigmoid(z): 4 -> 8 ReLU -> 1, F.binary_cross_entropy on
that column, heavy-ball SGD.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        z = self.fc2(F.relu(self.fc1(x)))
        two_way = torch.cat([z, torch.zeros_like(z)], dim=1)
        return torch.softmax(two_way, dim=1)[:, :1]


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
