"""PyTorch port of shared_block_numpy.py with plain parameters in NumPy layout and
a hand-written update.

The shared block is one pair (W_s, b_s) used in a loop; every parameter is an
nn.Parameter kept (in, out) as in the NumPy program, so no transposes. The update
is written out under torch.no_grad(): g = grad + weight_decay * p,
p -= lr * gamma ** t * g, with the step count t kept on the model.
"""

import math

import torch
import torch.nn as nn


class SharedResidualPlain(nn.Module):
    def __init__(self, n_in=6, width=8, n_out=2, depth=2, lr=0.1, weight_decay=1e-3, gamma=0.95):
        super().__init__()
        self.depth = depth
        self.lr, self.weight_decay, self.gamma = lr, weight_decay, gamma
        self.t = 0
        self.W_in = nn.Parameter(torch.randn(n_in, width) / math.sqrt(n_in))
        self.b_in = nn.Parameter(torch.zeros(width))
        self.W_s = nn.Parameter(torch.randn(width, width) / math.sqrt(width))
        self.b_s = nn.Parameter(torch.zeros(width))
        self.W_out = nn.Parameter(torch.randn(width, n_out) / math.sqrt(width))
        self.b_out = nn.Parameter(torch.zeros(n_out))

    def forward(self, X):
        h = X @ self.W_in + self.b_in
        for _ in range(self.depth):
            h = h + torch.tanh(h @ self.W_s + self.b_s)
        return h @ self.W_out + self.b_out


def train_step(model, optimizer, X, y):
    """`optimizer` is not used: the update is written by hand."""
    for p in model.parameters():
        p.grad = None
    loss = 0.5 * ((model(X) - y) ** 2).sum() / X.shape[0]
    loss.backward()
    lr = model.lr * model.gamma ** model.t
    with torch.no_grad():
        for p in model.parameters():
            p.sub_(lr * (p.grad + model.weight_decay * p))
    model.t += 1
    return loss.item()
