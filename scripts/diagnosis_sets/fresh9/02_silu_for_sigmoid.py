"""Port of a two-hidden-layer sigmoid regressor (3 -> 6 -> 6 -> 1, linear output, mean squared
error, heavy-ball momentum) whose hidden blocks come from a helper. The helper picked
nn.SiLU, the "Sigmoid Linear Unit", for the sigmoid: SiLU is z * sigmoid(z) (swish), not
sigmoid(z), so both hidden layers compute the wrong activation."""

import torch.nn.functional as F
from torch import nn


def block(n_in, n_out):
    return [nn.Linear(n_in, n_out), nn.SiLU()]   # BUG: the logistic sigmoid: nn.Sigmoid()


class Net(nn.Module):
    def __init__(self, n_in=3, widths=(6, 6)):
        super().__init__()
        layers, prev = [], n_in
        for w in widths:
            layers += block(prev, w)
            prev = w
        layers.append(nn.Linear(prev, 1))
        self.stack = nn.Sequential(*layers)

    def forward(self, x):
        return self.stack(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
