"""PyTorch port of ResidualMLP (16_residual_skip_gradient_dropped.py): stem Linear(5, 8) +
ReLU, one residual block h + relu(Linear(8, 8)(h)), head Linear(8, 3), cross-entropy on the
logits, SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn


class ResidualMLP(nn.Module):
    def __init__(self, n_in=5, width=8, n_out=3):
        super().__init__()
        self.stem = nn.Linear(n_in, width)
        self.block = nn.Linear(width, width)
        self.head = nn.Linear(width, n_out)

    def forward(self, x):
        h = F.relu(self.stem(x))
        h = h + F.relu(self.block(h))
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
