"""SparseAutoencoder in PyTorch: Linear encoder and decoder with sigmoids, the forward returning
the reconstruction and the hidden code; the cost 0.5 * summed squared error / m plus
BETA * KL(RHO || mean activation) summed over the hidden units, by autograd; SGD at 0.2."""

import torch
from torch import nn

RHO, BETA = 0.1, 1.0


class SparseAutoencoder(nn.Module):
    def __init__(self, visible=8, hidden=4):
        super().__init__()
        self.encoder = nn.Linear(visible, hidden)
        self.decoder = nn.Linear(hidden, visible)

    def forward(self, x):
        h = torch.sigmoid(self.encoder(x))
        return torch.sigmoid(self.decoder(h)), h


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out, h = model(X)
    rho_hat = h.mean(dim=0)
    kl = RHO * torch.log(RHO / rho_hat) + (1 - RHO) * torch.log((1 - RHO) / (1 - rho_hat))
    loss = 0.5 * ((out - y) ** 2).sum() / X.shape[0] + BETA * kl.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
