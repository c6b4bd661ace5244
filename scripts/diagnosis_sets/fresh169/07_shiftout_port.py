"""PyTorch port of elman_numpy.py: an nn.RNNCell unrolled by hand, a linear tag head,
cross-entropy summed over the real tokens (tag 0 = <pad> ignored) and divided by the batch
size, torch.optim.Adagrad.

    cell.weight_ih = W_ih, cell.weight_hh = W_hh, cell.bias_ih = b_ih, cell.bias_hh = b_hh,
    out.weight = W_out, out.bias = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ElmanTagger(nn.Module):
    def __init__(self, n_in=5, hidden=16, n_tags=6):
        super().__init__()
        self.hidden = hidden
        self.cell = nn.RNNCell(n_in, hidden)
        self.out = nn.Linear(hidden, n_tags)

    def forward(self, X):
        h = X.new_zeros(X.size(0), self.hidden)
        steps = []
        for t in range(X.size(1)):
            steps.append(h)
            h = self.cell(X[:, t], h)
        return self.out(torch.stack(steps, dim=1))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten(), ignore_index=0, reduction="sum") / X.size(0)
    loss.backward()
    optimizer.step()
    return loss.item()
