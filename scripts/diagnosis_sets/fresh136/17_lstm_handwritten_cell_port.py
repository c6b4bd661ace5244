"""A second PyTorch port of lstm_numpy.py: the LSTM cell written out by hand with raw
nn.Parameters in nn.LSTMCell's layout, the loss and the clipping written out too.

    weight_ih (24, 3) = W_ih, weight_hh (24, 6) = W_hh, bias_ih (24,) = b_ih, bias_hh (24,) = b_hh
    w_out (6, 2) = W_y, b_out (2,) = b_y          (the head kept (in, out), used as h @ w_out)

Training: mean squared error, global-norm clipping to 0.15 written by hand
(max_norm / (norm + 1e-6), applied when below 1), torch.optim.Adam(lr=0.01).
"""

import math

import torch
import torch.nn as nn

MAX_NORM = 0.15


class LSTMHandCell(nn.Module):
    def __init__(self, n_in=3, steps=5, hidden=6, n_out=2):
        super().__init__()
        self.n_in, self.steps, self.hidden = n_in, steps, hidden
        k = 1.0 / math.sqrt(hidden)
        self.weight_ih = nn.Parameter(torch.empty(4 * hidden, n_in).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(4 * hidden, hidden).uniform_(-k, k))
        self.bias_ih = nn.Parameter(torch.zeros(4 * hidden))
        self.bias_hh = nn.Parameter(torch.zeros(4 * hidden))
        self.w_out = nn.Parameter(torch.empty(hidden, n_out).uniform_(-k, k))
        self.b_out = nn.Parameter(torch.zeros(n_out))
        with torch.no_grad():
            self.bias_ih[hidden:2 * hidden] = 1.0

    def step(self, x, h, c):
        gates = torch.addmm(self.bias_ih, x, self.weight_ih.t()) + torch.addmm(self.bias_hh, h, self.weight_hh.t())
        i, f, g, o = gates.chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, c

    def forward(self, X):
        N = X.shape[0]
        h = X.new_zeros(N, self.hidden)
        c = X.new_zeros(N, self.hidden)
        for t in range(self.steps):
            h, c = self.step(X[:, t * self.n_in:(t + 1) * self.n_in], h, c)
        return h @ self.w_out + self.b_out


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    pred = model(X)
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        norm = torch.sqrt(sum((g * g).sum() for g in grads))
        coef = MAX_NORM / (norm + 1e-6)
        if coef < 1:
            for g in grads:
                g.mul_(coef)
    optimizer.step()
    return loss.item()
