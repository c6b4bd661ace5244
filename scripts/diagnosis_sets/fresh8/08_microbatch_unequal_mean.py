"""Port of a two-hidden-layer ReLU regressor with two outputs (4 -> 6 -> 5 -> 2, linear output,
half mean squared error, Nesterov momentum). train_step accumulates gradients over
micro-batches of 8 rows (X.split(8)) to mimic a memory-bound setup, dividing each micro-batch's
mean loss by the number of micro-batches. The 36 rows split 8, 8, 8, 8, 4: the mean of the
five means weights each row of the short last micro-batch 1/20 and every other row 1/40,
where the full-batch mean gives every row 1/36."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 2))

    def forward(self, x):
        return self.net(x)


def train_step(model, optimizer, X, y, micro=8):
    optimizer.zero_grad()
    chunks = list(zip(X.split(micro), y.split(micro)))
    total = 0.0
    for xb, yb in chunks:
        loss = 0.5 * F.mse_loss(model(xb), yb) / len(chunks)   # BUG: weight by rows: 0.5 * F.mse_loss(model(xb), yb) * len(xb) / len(X)
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
