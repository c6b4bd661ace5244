"""SNRegressor ported with torch's own spectral normalisation: nn.Linear layers wrapped in
torch.nn.utils.parametrizations.spectral_norm (one power iteration per forward in training mode),
the parametrisation's right vector _v set to the NumPy program's starting vector (its _u follows
from _v at the first iteration); GroupSort as torch.maximum / torch.minimum of the even and odd
units interleaved back with torch.stack; the mean squared error written out; AdamW with the step
schedule as a LambdaLR."""

import numpy as np
import torch
from torch import nn
from torch.nn.utils.parametrizations import spectral_norm
from torch.optim.lr_scheduler import LambdaLR

D, H = 6, 16
LR, BETAS, EPS, WD = 0.01, (0.9, 0.999), 1e-8, 1e-3
STEP_SIZE, GAMMA = 6, 0.5


def sn_linear(fan_in, fan_out, seed):
    layer = spectral_norm(nn.Linear(fan_in, fan_out))
    v = np.random.default_rng(seed).standard_normal(fan_in)
    with torch.no_grad():
        layer.parametrizations.weight[0]._v.copy_(torch.from_numpy(v / np.linalg.norm(v)))
    return layer


def max_min(z):
    a, b = z[:, 0::2], z[:, 1::2]
    return torch.stack([torch.maximum(a, b), torch.minimum(a, b)], dim=2).flatten(1)


class SNRegressorBuiltin(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.ModuleList([sn_linear(D, H, 101), sn_linear(H, H, 102), sn_linear(H, 1, 103)])

    def forward(self, x):
        for i, layer in enumerate(self.body):
            x = layer(x)
            if i < len(self.body) - 1:
                x = max_min(x)
        return x


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, betas=BETAS, eps=EPS, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** (epoch // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
