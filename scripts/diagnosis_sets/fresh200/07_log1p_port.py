"""PyTorch port of surv_numpy.py (discrete-time survival head, censored likelihood)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SurvNet(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_bins=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.hazard = nn.Linear(hidden, n_bins)
        self.n_bins = n_bins

    def forward(self, X):
        return self.hazard(torch.relu(self.hidden(X)))   # hazard logits (N, T)


def survival_nll(logits, y):
    t = y[:, 0].long()
    event = y[:, 1] > 0.5
    bins = torch.arange(logits.shape[1], device=logits.device)
    at_risk = (bins[None, :] <= t[:, None]).to(logits.dtype)
    target = ((bins[None, :] == t[:, None]) & event[:, None]).to(logits.dtype)
    h = torch.sigmoid(logits)
    loglik = target * torch.log(h) + (1 - target) * torch.log1p(h)
    return -(loglik * at_risk).sum() / logits.shape[0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = survival_nll(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
