"""UncertaintyMTL ported another way: the trunk an nn.Sequential, the two heads in an
nn.ModuleDict, the uncertainty weighting written as one vector expression
(exp(-s) * stack([L_reg, L_cls]) + s).sum(), the cross-entropy by log_softmax and gather, and the
optimizer a small torch.optim.Optimizer subclass of the user's own (Nesterov momentum with L2
weight decay in the gradient, torch.optim.SGD's bookkeeping) under a LambdaLR that halves the
rate every STEP updates."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, H1, H2, K = 12, 20, 10, 4
LR, MOMENTUM, WD, STEP, GAMMA = 0.05, 0.9, 1e-3, 5, 0.5


class NesterovSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum, weight_decay):
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            mu, wd, lr = group["momentum"], group["weight_decay"], group["lr"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                d_p = p.grad.add(p, alpha=wd)
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p)
                buf = state["momentum_buffer"]
                buf.mul_(mu).add_(d_p)
                p.sub_(lr * (d_p + mu * buf))


class SequentialUncertainty(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(D, H1), nn.ReLU(), nn.Linear(H1, H2), nn.ReLU())
        self.heads = nn.ModuleDict({"reg": nn.Linear(H2, 1), "cls": nn.Linear(H2, K)})
        self.log_vars = nn.Parameter(torch.zeros(2))

    def forward(self, X):
        z = self.trunk(X)
        return {name: head(z) for name, head in self.heads.items()}


def make_optimizer(model):
    optimizer = NesterovSGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** (epoch // STEP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    out = model(X)
    target = y[:, 0].unsqueeze(1)
    codes = y[:, 1].to(torch.int64).unsqueeze(1)
    l_reg = (out["reg"] - target).pow(2).mean()
    l_cls = -F.log_softmax(out["cls"], dim=1).gather(1, codes).mean()
    task = torch.stack([l_reg, l_cls])
    loss = (torch.exp(-model.log_vars) * task + model.log_vars).sum()
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return float(loss)
