"""HighwayRegressor port written functionally: every weight a raw nn.Parameter in an
nn.ParameterDict, stored (in, out) as the NumPy program keeps it and applied as x @ W + b; each
highway layer mixes with torch.lerp(x, h, t) = x + t * (h - x), the same as h * t + x * (1 - t);
the squared error averaged by hand; torch.optim.SGD over two parameter groups (weights and biases,
the same momentum and weight decay in each) and the step decay written as a LambdaLR,
GAMMA ** (step // STEP_SIZE)."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, H = 6, 8
LR, MU, WD, STEP_SIZE, GAMMA = 0.05, 0.9, 1e-3, 8, 0.5
LAYERS = 2


class HighwayFunctional(nn.Module):
    def __init__(self):
        super().__init__()
        shapes = {"Wp": (D, H), "bp": (H,), "Wo": (H, 1), "bo": (1,)}
        for l in range(1, LAYERS + 1):
            shapes.update({f"Wh{l}": (H, H), f"bh{l}": (H,), f"Wt{l}": (H, H), f"bt{l}": (H,)})
        self.p = nn.ParameterDict({k: nn.Parameter(0.1 * torch.randn(*s)) for k, s in shapes.items()})

    def forward(self, X):
        p = self.p
        x = torch.tanh(X @ p["Wp"] + p["bp"])
        for l in range(1, LAYERS + 1):
            h = torch.clamp_min(x @ p[f"Wh{l}"] + p[f"bh{l}"], 0.0)
            t = torch.sigmoid(x @ p[f"Wt{l}"] + p[f"bt{l}"])
            x = torch.lerp(x, h, t)
        return x @ p["Wo"] + p["bo"]


def make_optimizer(model):
    weights = [v for k, v in model.p.items() if k.startswith("W")]
    biases = [v for k, v in model.p.items() if k.startswith("b")]
    optimizer = torch.optim.SGD([{"params": weights}, {"params": biases}], lr=LR, momentum=MU,
                                weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda step: GAMMA ** (step // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    err = model(X) - y
    loss = (err * err).sum() / err.numel()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
