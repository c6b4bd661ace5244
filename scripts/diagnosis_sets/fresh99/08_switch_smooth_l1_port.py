"""SwitchMoE in PyTorch: an nn.Linear softmax gate, argmax routing, the chosen probability
gathered and multiplying the chosen expert's output; four experts as an nn.ModuleList of
nn.Sequential(Linear, LeakyReLU(0.1), Linear), all evaluated and stacked, each row's own picked
by indexing; F.huber_loss(delta=DELTA) plus AUX times the Switch load-balancing loss;
torch.optim.RMSprop(alpha=0.9) with ExponentialLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

D, O, E, H = 4, 2, 4, 6
LR, ALPHA, EPS, GAMMA = 0.01, 0.9, 1e-8, 0.95
DELTA, AUX, SLOPE = 0.5, 0.05, 0.1


class SwitchMoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(D, E)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(D, H), nn.LeakyReLU(SLOPE), nn.Linear(H, O)) for _ in range(E))

    def forward(self, X):
        gate = F.softmax(self.gate(X), dim=-1)
        idx = gate.argmax(dim=-1)
        gv = gate.gather(1, idx[:, None])
        outs = torch.stack([expert(X) for expert in self.experts])      # (E, n, O)
        sel = outs[idx, torch.arange(len(X))]
        return gv * sel, gate, idx


def switch_aux(gate, idx):
    f = torch.bincount(idx, minlength=E).to(gate.dtype) / len(idx)
    return E * (f * gate.mean(dim=0)).sum()


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)
    return optimizer, ExponentialLR(optimizer, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    yhat, gate, idx = model(X)
    loss = F.smooth_l1_loss(yhat, y, beta=DELTA) + AUX * switch_aux(gate, idx)  # fix: loss = F.huber_loss(yhat, y, delta=DELTA) + AUX * switch_aux(gate, idx)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
