"""Correct port in an unusual style: a tanh classifier with two classes (5 -> 6 -> 2) whose
train_step takes the binary cross-entropy of the softmax probabilities against the one-hot
targets, F.binary_cross_entropy(softmax(z), y), averaged over both columns. With two classes
p2 = 1 - p1 and y2 = 1 - y1, so each column's BCE is the row's cross-entropy and the mean over
the 2n elements is the mean cross-entropy the NumPy network minimises. The kit's Nesterov."""

import torch
import torch.nn.functional as F
from torch import nn


class TwoClassNet(nn.Module):
    def __init__(self, n_in=5, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = torch.softmax(model(X), dim=1)
    loss = F.binary_cross_entropy(probs, y)
    loss.backward()
    optimizer.step()
    return loss.item()
