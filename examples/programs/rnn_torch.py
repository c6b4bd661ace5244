"""PyTorch port of rnn_numpy.py: an Elman RNN, MSE on the last hidden state's prediction.

The recurrence is written as a manual loop over a cell built from two
nn.Linear layers, NOT with nn.RNN:

    h_t = tanh(i2h(x_t) + h2h(h_{t-1})),   i2h = nn.Linear(3, 8), h2h = nn.Linear(8, 8, bias=False)

Why not nn.RNN: nn.RNN(bias=True) has two biases, bias_ih_l0 and bias_hh_l0,
that only ever appear as their sum bias_ih + bias_hh, which is the NumPy bh.
Both receive the same gradient (that of bh), so SGD moves their sum by twice
the NumPy step and clip_grad_norm_ counts the bias gradient twice in the global
norm: the two programs would train differently. nn.RNN(bias=False) has no bias
at all. The manual cell keeps a single bias (i2h.bias), so every NumPy
parameter has exactly one torch counterpart.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    i2h.weight  (8, 3)   = Wxh.T
    i2h.bias    (8,)     = bh
    h2h.weight  (8, 8)   = Whh.T
    out.weight  (1, 8)   = Why.T
    out.bias    (1,)     = by
(Were nn.RNN used instead: weight_ih_l0 = Wxh.T, weight_hh_l0 = Whh.T and
bias_ih_l0 + bias_hh_l0 = bh.)

Training: F.mse_loss, clip_grad_norm_(max_norm=1.0), torch.optim.SGD.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_GRAD_NORM = 1.0


class ElmanRNN(nn.Module):
    def __init__(self, n_in=3, hidden=8, n_out=1, seed=None):
        super().__init__()
        if seed is not None:
            torch.manual_seed(seed)
        self.hidden_size = hidden
        self.i2h = nn.Linear(n_in, hidden)
        self.h2h = nn.Linear(hidden, hidden, bias=False)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, X):
        # X: (N, T, n_in), batch first
        h = X.new_zeros(X.shape[0], self.hidden_size)
        for t in range(X.shape[1]):
            h = torch.tanh(self.i2h(X[:, t]) + self.h2h(h))
        return self.out(h)


def make_optimizer(model, lr=0.05):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_GRAD_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rnn.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = ElmanRNN(seed=0)
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 30 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.5f}")
