"""DenoisingAE ported with raw nn.Parameters kept in the NumPy layout (W1 of shape (10, 6), used
as x @ W1), the corruption written with torch.where on the stored mask, the mean squared error
written out, the global-norm clipping done by hand on the .grad tensors, SGD with momentum and
weight decay over two parameter groups, and the step schedule as a LambdaLR."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN = 10, 6
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
STEP_SIZE, GAMMA, MAX_NORM = 8, 0.5, 0.5


class DenoisingAEP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, HIDDEN) / D ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(HIDDEN, D) / HIDDEN ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(D))

    def forward(self, x):
        return torch.tanh(x @ self.W1 + self.b1) @ self.W2 + self.b2


def make_optimizer(model):
    groups = [{"params": [model.W1, model.W2]}, {"params": [model.b1, model.b2]}]
    optimizer = torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** (epoch // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    readings, keep = X[:, :D], X[:, D:]
    x_noisy = torch.where(keep > 0.5, readings, torch.zeros_like(readings))
    err = model(x_noisy) - y
    loss = (err * err).sum() / err.numel()
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        norm = torch.sqrt(sum((g * g).sum() for g in grads))
        coef = torch.clamp(MAX_NORM / (norm + 1e-6), max=1.0)
        for g in grads:
            g.mul_(coef)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
