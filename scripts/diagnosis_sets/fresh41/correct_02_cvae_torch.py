"""The conditional VAE ported in a functional style: the label joined with torch.hstack, the
layers applied with F.linear on the modules' own weights, the squared error as
F.mse_loss(reduction='none') summed over the readings then averaged over the batch, and the KL
per row with torch.einsum, all the per-example terms added before one .mean(). SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

D, K, H, L = 6, 3, 8, 2
BETA = 0.5


class CVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D + K, H)
        self.mu = nn.Linear(H, L)
        self.logvar = nn.Linear(H, L)
        self.dec = nn.Linear(L + K, H)
        self.out = nn.Linear(H, D)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x, c, eps = torch.tensor_split(X, (D, D + K), dim=1)
    h = torch.tanh(F.linear(torch.hstack((x, c)), model.enc.weight, model.enc.bias))
    mu = F.linear(h, model.mu.weight, model.mu.bias)
    logvar = F.linear(h, model.logvar.weight, model.logvar.bias)
    z = mu + eps * logvar.mul(0.5).exp()
    hd = torch.tanh(F.linear(torch.hstack((z, c)), model.dec.weight, model.dec.bias))
    x_hat = F.linear(hd, model.out.weight, model.out.bias)
    sq = F.mse_loss(x_hat, y, reduction="none").sum(dim=1)
    kl = -0.5 * (torch.einsum("nl->n", 1 + logvar - logvar.exp()) - torch.einsum("nl,nl->n", mu, mu))
    loss = (sq + BETA * kl).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
