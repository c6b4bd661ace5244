"""WNNet in PyTorch the library way: nn.utils.parametrizations.weight_norm on the hidden
nn.Linear(4, 8) (dim=0: one norm per output unit; original0 is g (8, 1), original1 is v (8, 4)),
the output unit as a raw weight row and bias used through torch.addmm, the loss written as
softplus(logit) - y * logit, SGD with zero_grad(set_to_none=True)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.parametrizations import weight_norm

N_IN, WIDTH, LR = 4, 8, 0.5


class WNNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = weight_norm(nn.Linear(N_IN, WIDTH), name="weight", dim=0)
        self.w_out = nn.Parameter(torch.zeros(1, WIDTH))
        self.b_out = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.tanh(self.hidden(x))
        return torch.addmm(self.b_out, h, self.w_out.t())


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logit = model(X)
    loss = (F.softplus(logit) - y * logit).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
