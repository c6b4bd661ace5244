"""The hidden activations are kept for plotting, and .detach() slipped into the forward
path instead of only the copy kept for plotting."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(4, 6)
        self.l2 = nn.Linear(6, 1)
        self.last_hidden = None

    def forward(self, x):
        h = torch.sigmoid(self.l1(x)).detach()   # BUG: meant self.last_hidden = h.detach()
        self.last_hidden = h
        return torch.sigmoid(self.l2(h))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
