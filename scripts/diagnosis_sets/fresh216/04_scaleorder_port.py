"""PyTorch port of cos_numpy.py: CosFace head (large margin cosine loss).

Parameters, with the NumPy names:
    hidden.weight (24, 10) = W1.T    hidden.bias (24,) = b1
    proj.weight (8, 24)    = W2.T    (no bias)
    kernel (8, 4)          = K       (embed, classes), normalised per column
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CosFaceNet(nn.Module):
    def __init__(self, n_in=10, hidden=24, embed=8, classes=4, s=8.0, m=0.25):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.proj = nn.Linear(hidden, embed, bias=False)
        self.kernel = nn.Parameter(torch.randn(embed, classes) * 0.1)
        self.s, self.m = s, m

    def forward(self, x, labels):
        emb = self.proj(torch.tanh(self.hidden(x)))
        cos = F.normalize(emb, dim=1) @ F.normalize(self.kernel, dim=0)
        margin = self.m * F.one_hot(labels, cos.shape[1]).to(cos.dtype)
        return self.s * cos - margin


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X, y), y)
    loss.backward()
    optimizer.step()
    return loss.item()
