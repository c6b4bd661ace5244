"""Port with raw nn.Parameter weights (in, out) and a hand-written Adam (a
torch.optim.Optimizer subclass). Its step counter is initialised to 1 and incremented
before use, so the bias corrections are those of step t + 1."""

import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, n_in=4, n_hidden=5):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, n_hidden) * 0.5)
        self.b1 = nn.Parameter(torch.zeros(n_hidden))
        self.W2 = nn.Parameter(torch.randn(n_hidden, 1) * 0.5)
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.sigmoid(x @ self.W1 + self.b1)
        return torch.sigmoid(h @ self.W2 + self.b2)


class HandAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 1   # BUG: should start at 0 (it is incremented before use)
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(p.grad, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                m_hat = m / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                p.sub_(group["lr"] * m_hat / (v_hat.sqrt() + group["eps"]))


def make_optimizer(model, lr):
    return HandAdam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
