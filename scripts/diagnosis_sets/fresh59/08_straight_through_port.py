"""Three-class classifier port: 4 -> 12 ReLU -> 3 logits, F.cross_entropy on the class indices,
Adam. The ReLU is written with the detach trick from my quantisation code (the value of the gated
unit in the forward pass, a clean gradient in the backward pass).
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=12, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        z = self.fc1(x)
        h = z + (torch.relu(z) - z).detach()   # fix: h = torch.relu(z)
        return self.fc2(h)


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
