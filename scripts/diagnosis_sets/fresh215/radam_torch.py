"""PyTorch port of radam_numpy.py: Linear(8, 16) -> ReLU -> Linear(16, 16) -> ReLU ->
Linear(16, 3), F.cross_entropy (mean), torch.optim.RAdam(lr=0.01, betas=(0.9, 0.999), eps=1e-8).
The parameter names are the NumPy dict's keys.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RAdamClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 16)
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.head(x)


def make_optimizer(model):
    return torch.optim.RAdam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
