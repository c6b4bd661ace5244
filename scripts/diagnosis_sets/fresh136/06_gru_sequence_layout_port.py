"""PyTorch port of gru_numpy.py: a hand-written GRU cell (Cho et al., reset before the matrix)
unrolled over the flat sequence, a linear head on every step.

nn.GRUCell applies the reset gate after the hidden matrix, r * (h @ U_n + b_hn),
which is a different model, so the cell is written out with nn.Linear layers:

    x2g  = nn.Linear(3, 15)              x2g.weight = W_x.T, x2g.bias = b
    h2zr = nn.Linear(5, 10, bias=False)  h2zr.weight = U_zr.T
    h2n  = nn.Linear(5, 5, bias=False)   h2n.weight = U_n.T
    head = nn.Linear(5, 1)               head.weight = W_y.T, head.bias = b_y

Training: F.mse_loss over every step, clip_grad_norm_(0.25),
torch.optim.SGD(lr=0.1, momentum=0.9).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class GRUTagger(nn.Module):
    def __init__(self, n_in=3, steps=5, hidden=5):
        super().__init__()
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.x2g = nn.Linear(n_in, 3 * hidden)
        self.h2zr = nn.Linear(hidden, 2 * hidden, bias=False)
        self.h2n = nn.Linear(hidden, hidden, bias=False)
        self.head = nn.Linear(hidden, 1)

    def forward(self, X):
        N = X.shape[0]
        H = self.hidden
        seq = X.view(N, self.n_in, self.steps).transpose(1, 2)  # fix: seq = X.view(N, self.steps, self.n_in)
        h = X.new_zeros(N, H)
        outs = []
        for t in range(self.steps):
            a_z, a_r, a_n = self.x2g(seq[:, t]).split(H, dim=1)
            u_z, u_r = self.h2zr(h).split(H, dim=1)
            z = torch.sigmoid(a_z + u_z)
            r = torch.sigmoid(a_r + u_r)
            n = torch.tanh(a_n + self.h2n(r * h))
            h = (1 - z) * h + z * n
            outs.append(self.head(h))
        return torch.cat(outs, dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 0.25)
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gru.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = GRUTagger()
    optimizer = make_optimizer(model)
    for step in range(30):
        print(step, train_step(model, optimizer, X, y))
