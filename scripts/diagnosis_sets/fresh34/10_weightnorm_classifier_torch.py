"""WeightNormClassifier in PyTorch: the hidden layer wrapped in
torch.nn.utils.parametrizations.weight_norm (dim=0: one magnitude per output unit, original0 =
g, original1 = v), mean cross-entropy on the logits, plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.parametrizations import weight_norm

LR = 0.2


class WeightNormClassifier(nn.Module):
    def __init__(self, n_in=6, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = weight_norm(nn.Linear(n_in, hidden))
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
