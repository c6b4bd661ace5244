"""Port of a two-hidden-layer tanh network (3 -> 6 -> 4 -> 1, sigmoid output, summed binary
cross-entropy, heavy-ball momentum). The training step keeps an exponentially smoothed loss
for its progress line, running = 0.9 * running.detach() + 0.1 * loss, and calls backward()
on the smoothed value instead of on the loss: the first step is right (running starts at the
loss), every later gradient is 0.1 times the loss's."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=3, widths=(6, 4)):
        super().__init__()
        self.l1 = nn.Linear(n_in, widths[0])
        self.l2 = nn.Linear(widths[0], widths[1])
        self.l3 = nn.Linear(widths[1], 1)
        self.running = None

    def forward(self, x):
        h = torch.tanh(self.l1(x))
        h = torch.tanh(self.l2(h))
        return torch.sigmoid(self.l3(h))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    if model.running is None:
        model.running = loss
    else:
        model.running = 0.9 * model.running.detach() + 0.1 * loss
    model.running.backward()   # BUG: back-propagate this step's loss: loss.backward()
    optimizer.step()
    return loss.item()
