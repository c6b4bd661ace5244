"""Port of a small binary classifier (6 -> 8 -> 1, tanh hidden layer, sigmoid output, mean
binary cross-entropy). forward returns the logit and the loss is computed from it in the
overflow-safe form, log(1 + e^z) = max(z, 0) + log(1 + e^-|z|)."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def bce_from_logits(z, y):
    softplus = z.clamp(min=0) + torch.log1p(torch.exp(-z.abs().detach()))   # BUG: the |z| term is part of the function, keep its gradient: z.clamp(min=0) + torch.log1p(torch.exp(-z.abs()))
    return (softplus - y * z).mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = bce_from_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
