"""MixtureOfExperts in PyTorch: the three linear experts as the columns of one Linear(4, 3), the
gating network another Linear(4, 3) with a softmax over the experts, the prediction their
gate-weighted sum; MSE, SGD(momentum=0.9) at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, N_EXPERTS = 4, 3


class MixtureOfExperts(nn.Module):
    def __init__(self):
        super().__init__()
        self.experts = nn.Linear(N_IN, N_EXPERTS)
        self.gate = nn.Linear(N_IN, N_EXPERTS)

    def forward(self, x):
        gates = torch.softmax(self.gate(x), dim=1)
        return (gates * self.experts(x)).sum(dim=1, keepdim=True)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
