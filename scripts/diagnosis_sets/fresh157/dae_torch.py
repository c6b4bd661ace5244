"""PyTorch port of dae_numpy.py: tied-weight denoising autoencoder, RMSprop with momentum."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedDAE(nn.Module):
    def __init__(self, n_in=10, n_hidden=6):
        super().__init__()
        self.W = nn.Parameter(torch.empty(n_hidden, n_in))   # encoder weight, nn.Linear layout
        self.bh = nn.Parameter(torch.zeros(n_hidden))
        self.bo = nn.Parameter(torch.zeros(n_in))
        nn.init.xavier_uniform_(self.W)

    def forward(self, x):
        h = torch.sigmoid(F.linear(x, self.W, self.bh))
        return torch.sigmoid(F.linear(h, self.W.t(), self.bo))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=1e-2, alpha=0.95, eps=1e-8, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    recon = model(X)
    loss = F.mse_loss(recon, y, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
