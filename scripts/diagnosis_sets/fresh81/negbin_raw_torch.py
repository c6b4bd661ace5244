"""NegBinRegression in PyTorch with raw parameters and the likelihood written out.

w (5, 1), b (1,) and log_alpha (1,) are plain nn.Parameters, the log mean X @ w + b; the negative
log-likelihood is written with torch.lgamma, and log(1 + alpha mu) as softplus(eta + log_alpha).
RMSprop(alpha=0.9) whose param groups are built from named_parameters (weight decay on w only),
and the exponential decay as a LambdaLR of GAMMA ** step."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D = 5
LR, RHO, EPS, WD, GAMMA = 0.05, 0.9, 1e-8, 1e-3, 0.95


class RawNegBin(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(D, 1))
        self.b = nn.Parameter(torch.zeros(1))
        self.log_alpha = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        return (X @ self.w).squeeze(1) + self.b


def nb_nll(eta, y, log_alpha):
    r = torch.exp(-log_alpha)
    log1p_amu = F.softplus(eta + log_alpha)
    ll = (torch.lgamma(y + r) - torch.lgamma(r) - torch.lgamma(y + 1.0)
          - r * log1p_amu + y * (eta + log_alpha - log1p_amu))
    return -ll.mean()


def make_optimizer(model):
    decay = [p for name, p in model.named_parameters() if name == "w"]
    rest = [p for name, p in model.named_parameters() if name != "w"]
    optimizer = torch.optim.RMSprop([{"params": decay, "weight_decay": WD}, {"params": rest, "weight_decay": 0.0}],
                                    lr=LR, alpha=RHO, eps=EPS)
    scheduler = LambdaLR(optimizer, lambda step: GAMMA ** step)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = nb_nll(model(X), y, model.log_alpha)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
