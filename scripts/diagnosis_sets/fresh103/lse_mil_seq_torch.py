"""LSEMIL ported with an nn.Sequential instance MLP (Linear, ReLU, Linear), the masked
log-mean-exp pooling written out with a max shift (exp(R (h - max)) * mask, summed, divided by the
count, log, over R, plus the max), the class-weighted BCE written with F.logsigmoid, and
torch.optim.RMSprop with the step decay as a LambdaLR factor GAMMA ** (step // STEP)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

B, D, H1, HIDDEN = 8, 6, 10, 6
R, POS_W = 2.5, 2.0
LR, ALPHA, EPS, STEP, GAMMA = 0.01, 0.9, 1e-8, 6, 0.5


class LSEMILSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(D, H1), nn.ReLU(), nn.Linear(H1, HIDDEN))
        self.head = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        n = X.shape[0]
        h = self.encoder(X[:, :B * D].view(n, B, D))       # (n, B, H)
        m = X[:, B * D:].view(n, B, 1)
        hmax = torch.where(m > 0, h, torch.full_like(h, -1e30)).amax(dim=1, keepdim=True).detach()
        mean_exp = (torch.exp(R * (h - hmax)) * m).sum(dim=1) / m.sum(dim=1)
        z = hmax.squeeze(1) + torch.log(mean_exp) / R
        return self.head(z).view(n)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, momentum=0.0)
    scheduler = LambdaLR(optimizer, lambda step: GAMMA ** (step // STEP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logit = model(X)
    loss = -(POS_W * y * F.logsigmoid(logit) + (1 - y) * F.logsigmoid(-logit)).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
