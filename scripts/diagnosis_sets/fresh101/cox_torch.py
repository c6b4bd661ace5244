"""CoxMLP in PyTorch: nn.Linear -> tanh -> nn.Linear(bias=False) gives the log-risk of each row;
the negative Breslow partial log-likelihood averaged over the events, the risk-set log-sums taken
with torch.logcumsumexp over the rows sorted by time (latest first) and read at the end of each
tie group (torch.searchsorted); torch.optim.Adam(weight_decay=WD) with StepLR."""

import torch
from torch import nn
from torch.optim.lr_scheduler import StepLR

N_FEAT, HIDDEN = 8, 8
LR, WD, STEP, GAMMA = 0.02, 1e-3, 7, 0.5


class CoxMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(N_FEAT, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, X):
        return self.out(torch.tanh(self.hidden(X))).squeeze(-1)


def cox_ph_loss(eta, time, event):
    order = torch.argsort(time, descending=True, stable=True)
    t_s, e_s, eta_s = time[order], event[order], eta[order]
    last = torch.searchsorted(-t_s, -t_s, right=True) - 1
    lse = torch.logcumsumexp(eta_s, dim=0)[last]
    return -(e_s * (eta_s - lse)).sum() / e_s.sum()


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    eta = model(X)
    loss = cox_ph_loss(eta, y[:, 0], y[:, 1])
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
