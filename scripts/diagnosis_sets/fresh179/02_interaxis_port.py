"""PyTorch port of fm_numpy.py: a factorization machine for click-through prediction.

    bias            (1,)       = w0
    linear.weight   (28, 1)    = w (kept flat in NumPy)
    factors.weight  (28, 6)    = V
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class FM(nn.Module):
    def __init__(self, cards=(6, 10, 8, 4), k=6):
        super().__init__()
        n = sum(cards)
        self.bias = nn.Parameter(torch.zeros(1))
        self.linear = nn.Embedding(n, 1)
        self.factors = nn.Embedding(n, k)
        offsets = torch.tensor([0, *torch.cumsum(torch.tensor(cards), 0)[:-1].tolist()])
        self.register_buffer("offsets", offsets)

    def forward(self, X):
        idx = X + self.offsets
        v = self.factors(idx)                                    # (N, F, k)
        linear = self.bias + self.linear(idx).squeeze(-1).sum(dim=1)
        square_of_sum = v.sum(dim=2).pow(2)
        sum_of_square = v.pow(2).sum(dim=2)
        return linear + 0.5 * (square_of_sum - sum_of_square).sum(dim=1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05, weight_decay=1e-3, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y.to(logits.dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
