"""CosFace port written another way: the embedding as an nn.Sequential, a hand-written cosine
head with its own kernel Parameter normalised by dividing by its column norms, the margin put
in with scatter_add on a clone, and the loss as log_softmax + nll_loss.

Parameters, with the NumPy names of cos_numpy.py:
    body.0.weight (24, 10) = W1.T    body.0.bias (24,) = b1
    body.2.weight (8, 24)  = W2.T
    head.kernel (8, 4)     = K
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CosineMarginHead(nn.Module):
    def __init__(self, embed, classes, s, m):
        super().__init__()
        self.kernel = nn.Parameter(torch.empty(embed, classes))
        nn.init.normal_(self.kernel, std=0.1)
        self.s, self.m = s, m

    def forward(self, emb, labels):
        u = emb / emb.norm(dim=1, keepdim=True)
        kn = self.kernel / self.kernel.norm(dim=0, keepdim=True)
        cos = torch.mm(u, kn)
        shift = torch.zeros_like(cos).scatter_add(
            1, labels[:, None], torch.full_like(cos[:, :1], -self.m))
        return (cos + shift) * self.s


class CosFaceSeq(nn.Module):
    def __init__(self, n_in=10, hidden=24, embed=8, classes=4, s=8.0, m=0.25):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh(),
                                  nn.Linear(hidden, embed, bias=False))
        self.head = CosineMarginHead(embed, classes, s, m)

    def forward(self, x, labels):
        return self.head(self.body(x), labels)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X, y)
    loss = F.nll_loss(F.log_softmax(logits, dim=1), y)
    loss.backward()
    optimizer.step()
    return float(loss)
