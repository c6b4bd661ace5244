"""GatedMoE port in another layout: each expert's first layer kept as nn.Linear keeps its weight,
(out, in), stacked into one (E, H, D) nn.Parameter and applied with torch.bmm over the experts;
the gate weight a raw (E, D) nn.Parameter; the gate probabilities as log_softmax(...).exp(); the
squared error written out with .mean(); the balance penalty as a dot product of the mean gate with
itself; Adam with the exponential decay written as a LambdaLR in closed form."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, E, H = 6, 3, 4
LR, GAMMA, DECAY_STEPS, LB = 0.02, 0.5, 10, 0.1


class GatedMoERows(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate_w = nn.Parameter(torch.zeros(E, D))
        self.gate_b = nn.Parameter(torch.zeros(E))
        self.w_in = nn.Parameter(torch.randn(E, H, D) / D ** 0.5)
        self.b_in = nn.Parameter(torch.zeros(E, H))
        self.w_out = nn.Parameter(torch.randn(E, H))
        self.b_out = nn.Parameter(torch.zeros(E))

    def forward(self, X):
        logits = X @ self.gate_w.t() + self.gate_b
        gates = torch.log_softmax(logits, dim=-1).exp()
        xs = X.unsqueeze(0).expand(E, -1, -1)                       # (E, n, D)
        hidden = torch.tanh(torch.bmm(xs, self.w_in.transpose(1, 2)) + self.b_in.unsqueeze(1))
        expert_out = (hidden * self.w_out.unsqueeze(1)).sum(-1) + self.b_out.unsqueeze(1)  # (E, n)
        return (gates * expert_out.t()).sum(-1), gates


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8)
    scheduler = LambdaLR(optimizer, lambda k: GAMMA ** (k / DECAY_STEPS))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    for p in model.parameters():
        p.grad = None
    pred, gates = model(X)
    gbar = gates.mean(0)
    loss = ((pred - y) ** 2).mean() + LB * E * torch.dot(gbar, gbar)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
