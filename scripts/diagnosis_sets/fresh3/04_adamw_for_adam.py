"""Port of a two-hidden-layer tanh network trained with Adam; make_optimizer builds
torch.optim.AdamW, whose default weight_decay=0.01 shrinks every parameter by lr * 0.01
each step (decoupled weight decay the NumPy network does not have)."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, h1=6, h2=5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, 1)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        return torch.sigmoid(self.fc3(x))


def make_optimizer(model, lr):
    return torch.optim.AdamW(model.parameters(), lr=lr)   # BUG: AdamW (weight_decay=0.01 by default), not Adam


loss_fn = nn.BCELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
