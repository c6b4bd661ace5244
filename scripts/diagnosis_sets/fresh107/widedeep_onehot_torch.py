"""WideDeepCTR ported another way: the same model and training as widedeep_torch.py.

The wide part is an nn.Linear(18, 1, bias=False) on the multi-hot vector of the four offset codes
(F.one_hot summed over the columns) instead of an embedding sum; the shared table is a raw
nn.Parameter indexed directly; the first dense layer a raw (in, out) nn.Parameter used as
h0 @ W1 + b1; batch norm through F.batch_norm with the model's own gamma, beta and running
buffers; GELU written out in its tanh form; the loss as softplus(z) - y z averaged; the step
schedule as a LambdaLR giving GAMMA ** (step // STEP_SIZE).
"""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

OFFSETS = (0, 4, 10, 13)
N_ROWS, D = 18, 4
N_CAT, N_NUM = 4, 3
H = 12
EPS, BN_MOM = 1e-5, 0.1
LR, LR_EMB, MOMENTUM, WD = 0.1, 0.3, 0.9, 5e-3
STEP_SIZE, GAMMA = 8, 0.5
GELU_C = math.sqrt(2.0 / math.pi)


class WideDeepOneHot(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("offsets", torch.tensor(OFFSETS))
        self.E = nn.Parameter(0.5 * torch.randn(N_ROWS, D))
        self.wide = nn.Linear(N_ROWS, 1, bias=False)
        self.W1 = nn.Parameter(0.3 * torch.randn(N_CAT * D + N_NUM, H))
        self.b1 = nn.Parameter(torch.zeros(H))
        self.gamma = nn.Parameter(torch.ones(H))
        self.beta = nn.Parameter(torch.zeros(H))
        self.register_buffer("running_mean", torch.zeros(H))
        self.register_buffer("running_var", torch.ones(H))
        self.head = nn.Linear(H, 1)

    def forward(self, X):
        idx = X[:, :N_CAT].long() + self.offsets
        multi_hot = F.one_hot(idx, N_ROWS).sum(dim=1).to(X.dtype)
        h0 = torch.cat([self.E[idx].reshape(X.shape[0], N_CAT * D), X[:, N_CAT:]], dim=1)
        z = h0 @ self.W1 + self.b1
        zn = F.batch_norm(z, self.running_mean, self.running_var, self.gamma, self.beta,
                          training=True, momentum=BN_MOM, eps=EPS)
        a = 0.5 * zn * (1.0 + torch.tanh(GELU_C * (zn + 0.044715 * zn ** 3)))
        return self.wide(multi_hot) + self.head(a)


def make_optimizer(model):
    optimizer = torch.optim.SGD([
        {"params": [model.E, model.wide.weight], "lr": LR_EMB},
        {"params": [model.W1, model.head.weight], "weight_decay": WD},
        {"params": [model.b1, model.gamma, model.beta, model.head.bias]},
    ], lr=LR, momentum=MOMENTUM)
    scheduler = LambdaLR(optimizer, lambda step: GAMMA ** (step // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logit = model(X)
    loss = (F.softplus(logit) - y * logit).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
