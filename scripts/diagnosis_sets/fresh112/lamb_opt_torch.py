"""The LAMB regressor port of lamb_torch.py written in another style: the network an
nn.Sequential, the target used 1-D against pred.squeeze(1), the squared error averaged by hand,
the global-norm clipping computed by hand, and LAMB a torch.optim.Optimizer subclass whose param
groups carry the weight decay and an `adapt` flag (the biases: no decay, no trust ratio), its
moments in optimizer.state as exp_avg / exp_avg_sq."""

import torch
from torch import nn

D, H1, H2 = 8, 10, 10
LR, B1, B2, EPS, WD, MAX_NORM = 0.02, 0.9, 0.999, 1e-6, 0.01, 1.0


class Lamb(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=0.0, adapt=True):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, adapt=adapt))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                step = state["step"]
                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                exp_avg.lerp_(p.grad, 1.0 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(p.grad, p.grad, value=1.0 - beta2)
                update = (exp_avg / (1.0 - beta1 ** step)) / ((exp_avg_sq / (1.0 - beta2 ** step)).sqrt() + group["eps"])
                if group["weight_decay"] != 0:
                    update.add_(p, alpha=group["weight_decay"])
                ratio = 1.0
                if group["adapt"]:
                    p_norm, u_norm = p.norm(), update.norm()
                    if p_norm > 0 and u_norm > 0:
                        ratio = (p_norm / u_norm).item()
                p.add_(update, alpha=-group["lr"] * ratio)


class LambMLPSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(D, H1), nn.Tanh(), nn.Linear(H1, H2), nn.Tanh(), nn.Linear(H2, 1))

    def forward(self, X):
        return self.net(X)


def make_optimizer(model):
    weights = [p for p in model.parameters() if p.dim() == 2]
    biases = [p for p in model.parameters() if p.dim() == 1]
    return Lamb([{"params": weights, "weight_decay": WD, "adapt": True},
                 {"params": biases, "weight_decay": 0.0, "adapt": False}],
                lr=LR, betas=(B1, B2), eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    pred = model(X).squeeze(1)
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        total = torch.sqrt(sum(p.grad.pow(2).sum() for p in model.parameters()))
        coef = min(1.0, MAX_NORM / (total.item() + 1e-6))
        for p in model.parameters():
            p.grad.mul_(coef)
    optimizer.step()
    return loss.item()
