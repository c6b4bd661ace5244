"""Port of a tanh / sigmoid network trained with binary cross-entropy and a hand-written
Adam (a torch.optim.Optimizer subclass). The moments are kept correctly, but the update's
numerator is the raw gradient where the bias-corrected first moment m_hat is meant:
p -= lr * g / (sqrt(v_hat) + eps). On the first step m_hat = g, so the two agree there."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


class MyAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(g, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
                m_hat = m / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                p.sub_(group["lr"] * g / (v_hat.sqrt() + group["eps"]))   # BUG: m_hat, not g


def make_optimizer(model, lr):
    return MyAdam(model.parameters(), lr=lr)


loss_fn = nn.BCELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
