"""PyTorch port of hier_numpy.py: a two-level hierarchical softmax classifier.

nn.Linear + tanh -> group logits nn.Linear(hidden, G); leaf logits of every group from
one (G, hidden, C) weight by einsum, the row's own group picked out; loss is
F.cross_entropy over the groups plus F.cross_entropy over the leaves within the group
(both means over rows); torch.optim.SGD.

    hidden.weight = W1.T, hidden.bias = b1, group.weight = Wg.T, group.bias = bg, Wc = Wc, bc = bc
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HierSoftmaxNet(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_groups=3, per_group=4):
        super().__init__()
        self.G, self.C = n_groups, per_group
        self.hidden = nn.Linear(n_in, hidden)
        self.group = nn.Linear(hidden, n_groups)
        self.Wc = nn.Parameter(torch.zeros(n_groups, hidden, per_group))
        self.bc = nn.Parameter(torch.zeros(n_groups, per_group))

    def forward(self, X):
        h = torch.tanh(self.hidden(X))
        zg = self.group(h)                                          # (N, G)
        zc = torch.einsum("nh,ghc->ngc", h, self.Wc) + self.bc      # (N, G, C) every group's leaves
        return zg, zc

    def loss(self, X, y):
        zg, zc = self(X)
        g = y // self.C
        c = y % self.C
        zc_own = zc[torch.arange(len(y)), g]                        # (N, C)
        return F.cross_entropy(zg, g) + F.cross_entropy(zc_own, c)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(X, y)
    loss.backward()
    optimizer.step()
    return loss.item()
