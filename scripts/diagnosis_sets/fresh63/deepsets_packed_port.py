"""MaskedDeepSets ported the packed way: the padding is dropped before phi (only the real elements,
picked with the mask from the flattened (n * S, 1 + D) rows, go through the element network), each
element's set id is recovered with repeat_interleave, the set sums are scattered with index_add_
and divided by torch.bincount of the ids; the squared error written out, SGD with momentum over two
parameter groups (phi and rho), zero_grad(set_to_none=True)."""

import torch
from torch import nn

S, D, H, R, LR, MU = 5, 2, 8, 6, 0.05, 0.9


class MaskedDeepSets(nn.Module):
    def __init__(self):
        super().__init__()
        self.phi = nn.Linear(D, H)
        self.rho1 = nn.Linear(H, R)
        self.rho2 = nn.Linear(R, 1)

    def forward(self, X):
        n, s, c = X.shape
        rows = X.reshape(n * s, c)
        real = rows[:, 0] > 0
        owner = torch.arange(n).repeat_interleave(s)[real]
        h = torch.tanh(self.phi(rows[real, 1:]))
        totals = torch.zeros(n, H, dtype=X.dtype).index_add_(0, owner, h)
        sizes = torch.bincount(owner, minlength=n).to(X.dtype)
        pooled = totals / sizes[:, None]
        return self.rho2(torch.relu(self.rho1(pooled)))


def make_optimizer(model):
    groups = [{"params": model.phi.parameters()},
              {"params": list(model.rho1.parameters()) + list(model.rho2.parameters())}]
    return torch.optim.SGD(groups, lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
