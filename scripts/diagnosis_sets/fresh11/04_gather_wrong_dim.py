"""Port of a ReLU softmax classifier (6 -> 9 -> 3, mean cross-entropy, heavy-ball momentum,
mini-batches of 16). The cross-entropy is written by hand, picking each row's log-probability
of its class with gather; the gather runs along dim=0 (the rows) instead of dim=1 (the
classes), so row i reads log_p[label_i, 0], the first class's log-probability of the row
whose index is row i's label."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, hidden=9, n_out=3):
        super().__init__()
        self.body = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.head(F.relu(self.body(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_p = F.log_softmax(model(X), dim=1)
    labels = y.argmax(dim=1, keepdim=True)
    loss = -log_p.gather(0, labels).mean()   # BUG: along the classes: log_p.gather(1, labels)
    loss.backward()
    optimizer.step()
    return loss.item()
