"""Bug: Nesterov momentum where the NumPy program uses heavy-ball momentum.

PyTorch port of a_numpy.py: DropConnect on fc1's weight, inverted dropout on the hidden layer.

fc1.weight (8, 6) = W1.T, fc1.bias = b1, fc2.weight (3, 8) = W2.T, fc2.bias = b2.
The masks of step model.t come from a.npz (the NumPy program's (6, 8) DropConnect mask,
transposed to nn.Linear's layout). F.cross_entropy (mean), SGD momentum 0.9, lr 0.1.
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class DropConnectNet(nn.Module):
    def __init__(self, data=os.path.join(HERE, "a.npz"), n_in=6, n_hidden=8, n_out=3,
                 dc_keep=0.75, drop_keep=0.8):
        super().__init__()
        d = np.load(data)
        self.dc_mask = torch.from_numpy(d["dc_mask"])      # (steps, in, out)
        self.drop_mask = torch.from_numpy(d["drop_mask"])  # (steps, N, hidden)
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)
        self.dc_keep, self.drop_keep = dc_keep, drop_keep
        self.t = 0

    def forward(self, X):
        w = self.fc1.weight
        M = self.dc_mask[self.t].T.to(w.dtype)
        D = self.drop_mask[self.t].to(w.dtype)
        z1 = F.linear(X, w * M / self.dc_keep, self.fc1.bias)
        h = F.relu(z1)
        hd = h * D / self.drop_keep
        return self.fc2(hd)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
