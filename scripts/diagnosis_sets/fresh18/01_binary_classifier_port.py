"""PyTorch port of our tanh binary classifier (6 -> 10 -> 1). forward returns the logit, the
loss is binary cross-entropy on logits, and each step also records the batch accuracy for the
training log."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)
        self.last_accuracy = float("nan")

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    probs = logits.sigmoid_()   # BUG: probs = torch.sigmoid(logits)
    model.last_accuracy = ((probs > 0.5).float() == y).float().mean().item()
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
