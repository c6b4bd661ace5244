"""PyTorch port of hier_numpy.py, written through the joint distribution (a second port).

The group weight is an nn.Parameter in the NumPy layout, Wg (hidden, G). Every leaf's
log-probability is log softmax(zg)[g] + log softmax(zc[g])[c], all 12 at once as a (N, G, C)
tensor flattened to (N, 12) in the order y = g * C + c, and the loss is F.nll_loss of it;
the same value and gradient as the two cross-entropies of hier_torch.py. torch.optim.SGD.

    hidden.weight = W1.T, hidden.bias = b1, Wg = Wg, bg = bg, Wc = Wc, bc = bc
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HierSoftmaxNet(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_groups=3, per_group=4):
        super().__init__()
        self.G, self.C = n_groups, per_group
        self.hidden = nn.Linear(n_in, hidden)
        self.Wg = nn.Parameter(torch.zeros(hidden, n_groups))
        self.bg = nn.Parameter(torch.zeros(n_groups))
        self.Wc = nn.Parameter(torch.zeros(n_groups, hidden, per_group))
        self.bc = nn.Parameter(torch.zeros(n_groups, per_group))

    def forward(self, X):
        """Log-probabilities of the 12 leaves, (N, G * C)."""
        h = torch.tanh(self.hidden(X))
        log_pg = F.log_softmax(h @ self.Wg + self.bg, dim=1)                       # (N, G)
        zc = torch.einsum("nh,ghc->ngc", h, self.Wc) + self.bc                     # (N, G, C)
        log_pc = F.log_softmax(zc, dim=2)
        return (log_pg[:, :, None] + log_pc).reshape(X.shape[0], self.G * self.C)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.nll_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
