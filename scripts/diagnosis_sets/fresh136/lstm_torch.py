"""PyTorch port of lstm_numpy.py: nn.LSTMCell unrolled over the flat sequence, a linear head.

    model.cell = nn.LSTMCell(3, 6)   weight_ih = W_ih, weight_hh = W_hh, bias_ih = b_ih, bias_hh = b_hh
    model.head = nn.Linear(6, 2)     head.weight = W_y.T, head.bias = b_y

Training: F.mse_loss, clip_grad_norm_(max_norm=0.15), torch.optim.Adam(lr=0.01).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_NORM = 0.15


class LSTMRegressor(nn.Module):
    def __init__(self, n_in=3, steps=5, hidden=6, n_out=2):
        super().__init__()
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        self.cell = nn.LSTMCell(n_in, hidden)
        self.head = nn.Linear(hidden, n_out)
        with torch.no_grad():
            self.cell.bias_ih[hidden:2 * hidden].fill_(1.0)     # forget gate starts open
            self.cell.bias_hh.zero_()

    def forward(self, X):
        N = X.shape[0]
        seq = X.reshape(N, self.steps, self.n_in)
        h = X.new_zeros(N, self.hidden)
        c = X.new_zeros(N, self.hidden)
        for t in range(self.steps):
            h, c = self.cell(seq[:, t], (h, c))
        return self.head(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lstm.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = LSTMRegressor()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(step, loss)
