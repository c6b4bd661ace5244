"""PyTorch port of the VICReg network, written another way: one nn.Sequential, both views run
as one batch of 2N rows (torch.cat, then chunk), the covariance by torch.cov, the off-diagonal
part by masking with ~eye, the variance by torch.std (unbiased).

    net.0 = Linear(8, 32), tanh, net.2 = Linear(32, 32), tanh, net.4 = Linear(32, 16, bias=False)
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class VICRegSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(),
                                 nn.Linear(32, 16, bias=False))

    def forward(self, X):
        views = torch.cat([X[:, :8], X[:, 8:]], dim=0)
        return self.net(views).chunk(2, dim=0)


def vicreg_loss(za, zb, lambda_=25.0, mu=25.0, nu=1.0):
    D = za.shape[1]
    mask = ~torch.eye(D, dtype=torch.bool)
    loss = lambda_ * F.mse_loss(za, zb)
    for z in (za, zb):
        std = torch.sqrt(z.var(dim=0) + 1e-4)
        loss = loss + mu * 0.5 * F.relu(1.0 - std).mean()
        cov = torch.cov(z.T)
        loss = loss + nu * cov[mask].pow(2).sum() / D
    return loss


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    za, zb = model(X)
    loss = vicreg_loss(za, zb)
    loss.backward()
    optimizer.step()
    return loss.item()
