"""The RFF classifier port of rff_torch.py written in another style: the head as raw
nn.Parameters w (32, 1) and b (1,), the features through torch.addmm onto the phases (buffers not
saved with the state dict), the loss in the margin form softplus(-s f) with s = 2 y - 1, the
global-norm clipping written out by hand (the same 1e-6 and the same clamp at 1 as
clip_grad_norm_), SGD built with foreach=False and a StepLR staircase."""

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, N_FEATURES, SEED = 5, 32, 79
LENGTHSCALE = 1.5
LR, MOMENTUM, WD, MAX_NORM = 2.0, 0.9, 5e-3, 0.05
STEP_SIZE, GAMMA = 8, 0.5


class RFFClassifierP(nn.Module):
    def __init__(self):
        super().__init__()
        rng = np.random.default_rng(SEED)
        self.register_buffer("omega", torch.as_tensor(rng.normal(0.0, 1.0 / LENGTHSCALE, (D, N_FEATURES)),
                                                      dtype=torch.float32), persistent=False)
        self.register_buffer("phase", torch.as_tensor(rng.uniform(0.0, 2.0 * np.pi, N_FEATURES),
                                                      dtype=torch.float32), persistent=False)
        self.w = nn.Parameter(torch.zeros(N_FEATURES, 1))
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        Z = torch.addmm(self.phase, X, self.omega).cos().mul(math.sqrt(2.0 / N_FEATURES))
        return Z @ self.w + self.b


def make_optimizer(model):
    optimizer = torch.optim.SGD([model.w, model.b], lr=LR, momentum=MOMENTUM, dampening=0.0,
                                weight_decay=WD, nesterov=False, foreach=False)
    return optimizer, StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    for p in (model.w, model.b):
        p.grad = None
    f = model(X)
    s = y * 2 - 1
    loss = F.softplus(-s * f).mean()
    loss.backward()
    with torch.no_grad():
        total = torch.sqrt(model.w.grad.square().sum() + model.b.grad.square().sum())
        coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        model.w.grad.mul_(coef)
        model.b.grad.mul_(coef)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return float(loss)
