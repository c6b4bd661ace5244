"""Port of a two-hidden-layer ReLU classifier (6 -> 8 -> 6 -> 1, sigmoid output, mean binary
cross-entropy) of a NumPy network trained with Adam. make_optimizer picked torch.optim.RAdam,
rectified Adam: while its variance-rectification term rho_t is at most 5 (the first steps)
it takes un-adapted, bias-corrected momentum steps lr * m_hat, and the adaptive steps after
carry the rectification factor."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, widths=(8, 6)):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(n_in, widths[0]), nn.Linear(widths[0], widths[1]),
                                     nn.Linear(widths[1], 1)])

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return torch.sigmoid(self.layers[-1](x))


def make_optimizer(model, lr):
    return torch.optim.RAdam(model.parameters(), lr=lr)   # BUG: plain Adam: torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
