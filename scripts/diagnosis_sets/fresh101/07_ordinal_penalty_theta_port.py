"""CumulativeLinkNet in PyTorch: nn.Linear -> tanh -> nn.Linear(bias=False) gives the score, an
nn.Parameter `raw` the ordered thresholds (raw_0, then cumulative softplus increments); the
cumulative probabilities sigmoid(theta - s) padded with 0 and 1, the likelihood of each grade the
difference of two of them; the mean negative log-likelihood plus 0.5 * LAM_T * |raw|^2; AdamW with
two param groups (weight decay on the weights only) and MultiStepLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import MultiStepLR

N_FEAT, HIDDEN, K = 7, 6, 5
LR, WD, LAM_T = 0.03, 0.01, 0.01
MILESTONES, GAMMA = (8, 14), 0.3
RAW_INIT = (-1.5, 0.5413, 0.5413, 0.5413)


class CumulativeLinkNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(N_FEAT, HIDDEN)
        self.score = nn.Linear(HIDDEN, 1, bias=False)
        self.raw = nn.Parameter(torch.tensor(RAW_INIT))

    def thresholds(self):
        return torch.cat([self.raw[:1], self.raw[0] + torch.cumsum(F.softplus(self.raw[1:]), dim=0)])

    def forward(self, X):
        s = self.score(torch.tanh(self.hidden(X))).squeeze(-1)
        return torch.sigmoid(self.thresholds().unsqueeze(0) - s.unsqueeze(1))


def ordinal_nll(cum, y):
    n = cum.shape[0]
    pad = torch.cat([cum.new_zeros(n, 1), cum, cum.new_ones(n, 1)], dim=1)
    rows = torch.arange(n, device=cum.device)
    prob = pad[rows, y + 1] - pad[rows, y]
    return -torch.log(prob).mean()


def make_optimizer(model):
    groups = [
        {"params": [model.hidden.weight, model.score.weight], "weight_decay": WD},
        {"params": [model.hidden.bias, model.raw], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=LR)
    scheduler = MultiStepLR(optimizer, milestones=list(MILESTONES), gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ordinal_nll(model(X), y) + 0.5 * LAM_T * (model.thresholds() ** 2).sum()  # fix: loss = ordinal_nll(model(X), y) + 0.5 * LAM_T * (model.raw ** 2).sum()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
