"""SCEMLP ported with raw parameters and a hand-made optimizer class.

W1 (8, 12) and W2 (12, 4) are nn.Parameters kept (in, out) and used as X @ W1 + b1; CE and the
reverse cross entropy come from one log-softmax: CE = -log p_y gathered, RCE in closed form
-A_LOG * (1 - p_y); the global-norm clipping is written out (the norm of the per-tensor norms,
the factor clamped at 1) and the RMSprop update is a torch.optim.Optimizer subclass of its own."""

import torch
from torch import nn

D, HIDDEN, K = 8, 12, 4
LR, RHO, EPS = 0.01, 0.99, 1e-8
A_CE, B_RCE, A_LOG = 0.5, 1.0, -4.0
MAX_NORM = 1.0


class SCERaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, HIDDEN) * (2.0 / D) ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(HIDDEN, K) / HIDDEN ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(K))

    def forward(self, X):
        return torch.clamp(X @ self.W1 + self.b1, min=0.0) @ self.W2 + self.b2


class HandRMSprop(torch.optim.Optimizer):
    def __init__(self, params, lr, rho, eps):
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for prm in group["params"]:
                if prm.grad is None:
                    continue
                state = self.state[prm]
                if not state:
                    state["sq"] = torch.zeros_like(prm)
                sq = state["sq"]
                sq.mul_(group["rho"]).addcmul_(prm.grad, prm.grad, value=1.0 - group["rho"])
                prm.addcdiv_(prm.grad, sq.sqrt().add_(group["eps"]), value=-group["lr"])


def make_optimizer(model):
    return HandRMSprop(model.parameters(), lr=LR, rho=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    logp = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    logpt = torch.gather(logp, 1, y.view(-1, 1)).view(-1)
    loss = torch.mean(A_CE * -logpt + B_RCE * -A_LOG * (1.0 - torch.exp(logpt)))
    loss.backward()
    with torch.no_grad():
        grads = [prm.grad for prm in model.parameters()]
        total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        factor = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(factor)
    optimizer.step()
    return loss.item()
