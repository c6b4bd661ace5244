"""DenoisingAE ported to PyTorch in a functional style: the readings and the mask cut from X with
torch.tensor_split, the corruption applied with torch.where, an nn.Sequential encoder and a bare
decoder layer returning logits, the BCE from the logits summed and divided by the rows, SGD with
momentum."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.5, 0.9
D = 8


class DenoisingAE(nn.Module):
    def __init__(self, n_in=D, n_hidden=4):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Sigmoid())
        self.decoder = nn.Linear(n_hidden, n_in)

    def forward(self, X):
        clean, mask = torch.tensor_split(X, [D], dim=1)
        x_tilde = torch.where(mask > 0.5, clean, torch.zeros_like(clean))
        return self.decoder(self.encoder(x_tilde))


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
