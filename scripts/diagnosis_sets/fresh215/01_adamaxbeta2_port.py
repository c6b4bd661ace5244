"""PyTorch port of adamax_numpy.py: Linear -> tanh -> Linear, F.cross_entropy (mean),
torch.optim.Adamax(lr=0.01, betas=(0.9, 0.999), eps=1e-8).

    fc1.weight (24, 8) = W1.T   fc1.bias = b1   fc2.weight (3, 24) = W2.T   fc2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class AdamaxMLP(nn.Module):
    def __init__(self, n_in=8, n_hidden=24, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.Adamax(model.parameters(), lr=0.01, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
