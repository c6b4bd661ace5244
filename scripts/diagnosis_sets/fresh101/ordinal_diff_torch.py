"""The cumulative-link port of ordinal_torch.py written in another style: the score weight a plain
vector nn.Parameter (h @ score), the thresholds as one torch.cumsum over [raw_0, softplus(raw_1:)],
forward returning the cumulative logits; the grade probabilities as torch.diff of the cumulative
probabilities padded with F.pad, read with gather; the threshold penalty through
torch.linalg.vector_norm; AdamW param groups chosen by parameter name, and the multi-step
schedule as a LambdaLR over bisect_right."""

from bisect import bisect_right

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_FEAT, HIDDEN, K = 7, 6, 5
LR, WD, LAM_T = 0.03, 0.01, 0.01
MILESTONES, GAMMA = (8, 14), 0.3


class CumLinkDiff(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(N_FEAT, HIDDEN)
        self.score = nn.Parameter(0.4 * torch.randn(HIDDEN))
        self.raw = nn.Parameter(torch.tensor([-1.0, 0.0, 0.0, 0.0]))

    def forward(self, X):
        s = torch.tanh(self.hidden(X)) @ self.score
        theta = torch.cumsum(torch.cat([self.raw[:1], F.softplus(self.raw[1:])]), dim=0)
        return theta[None, :] - s[:, None]


def grade_nll(cum_logits, y):
    cum = F.pad(F.pad(torch.sigmoid(cum_logits), (1, 0), value=0.0), (0, 1), value=1.0)
    probs = torch.diff(cum, dim=1)
    return -torch.log(probs.gather(1, y.unsqueeze(1))).mean()


def make_optimizer(model):
    decayed = {"hidden.weight", "score"}
    groups = [
        {"params": [p for n, p in model.named_parameters() if n in decayed], "weight_decay": WD},
        {"params": [p for n, p in model.named_parameters() if n not in decayed], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=LR, betas=(0.9, 0.999), eps=1e-8)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** bisect_right(MILESTONES, epoch))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    penalty = 0.5 * LAM_T * torch.linalg.vector_norm(model.raw) ** 2
    loss = grade_nll(model(X), y) + penalty
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
