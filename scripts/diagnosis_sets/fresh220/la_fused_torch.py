"""Another PyTorch port of la_numpy.py: Lookahead and AdamW fused into one hand-written
torch.optim.Optimizer, the slow weights kept in the same per-parameter state as the moments
and pulled with lerp_.

Same model as la_torch.py (hidden = nn.Linear(4, 20), sigmoid, out = nn.Linear(20, 2)),
F.mse_loss, lr 0.01, betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.01, k 5, alpha 0.6.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class LookaheadAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01,
                 k=5, alpha=0.5):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      k=k, alpha=alpha))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            lr = group["lr"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                    state["slow"] = p.detach().clone()
                state["step"] += 1
                t = state["step"]
                p.mul_(1 - lr * group["weight_decay"])
                state["exp_avg"].lerp_(p.grad, 1 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                denom = (state["exp_avg_sq"].sqrt() / math.sqrt(1 - beta2 ** t)).add_(group["eps"])
                p.addcdiv_(state["exp_avg"], denom, value=-lr / (1 - beta1 ** t))
                if t % group["k"] == 0:
                    state["slow"].lerp_(p, group["alpha"])
                    p.copy_(state["slow"])


class Regressor(nn.Module):
    def __init__(self, n_in=4, hidden=20, n_out=2):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.out(torch.sigmoid(self.hidden(x)))


def make_optimizer(model):
    return LookaheadAdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                          weight_decay=0.01, k=5, alpha=0.6)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
