"""PyTorch port of zip_numpy.py: zero-inflated Poisson head on a tanh MLP, Adam.

    fc1.weight (8, 5) = W1.T   fc1.bias (8,) = b1
    gate.weight (1, 8) = Wg.T  gate.bias (1,) = bg
    rate.weight (1, 8) = Wr.T  rate.bias (1,) = br
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ZIPNet(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        torch.manual_seed(0)
        self.fc1 = nn.Linear(n_in, hidden)
        self.gate = nn.Linear(hidden, 1)
        self.rate = nn.Linear(hidden, 1)

    def forward(self, X):
        h = torch.tanh(self.fc1(X))
        return self.gate(h).squeeze(-1), self.rate(h).squeeze(-1)


def zip_nll(z, eta, y):
    lam = torch.exp(eta)
    log_pi = -F.softplus(-z)
    log_1mpi = -F.softplus(z)
    a = log_pi
    b = log_1mpi - lam
    m = torch.maximum(a, b)
    ll0 = m + torch.log(torch.exp(a - m) + torch.exp(b - m))
    llp = log_1mpi + y * eta - lam - torch.lgamma(y + 1)
    ll = torch.where(y > 0, ll0, llp)
    return -ll.mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, eta = model(X)
    loss = zip_nll(z, eta, y)
    loss.backward()
    optimizer.step()
    return loss.item()
