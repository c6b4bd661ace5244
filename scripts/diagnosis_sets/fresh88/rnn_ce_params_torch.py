"""RNNTagger ported with raw nn.Parameters kept in the NumPy layout (Wxh (D, H), Whh (H, H), bh,
Why (H, K), by), the recurrence as x_t @ Wxh + h @ Whh + bh; the per-token cross-entropy written
as log_softmax + gather; the global-norm clipping written by hand on the .grad tensors; SGD with
momentum and weight_decay, the exponential decay set into param_groups by hand before each
optimizer.step() from a step counter kept on the model."""

import torch
from torch import nn

T, D, K, H = 6, 5, 4, 8
LR, MOMENTUM, WD, GAMMA, MAX_NORM = 0.3, 0.9, 1e-3, 0.93, 0.4


class RNNTaggerP(nn.Module):
    def __init__(self):
        super().__init__()
        self.Wxh = nn.Parameter(0.1 * torch.randn(D, H))
        self.Whh = nn.Parameter(0.1 * torch.randn(H, H))
        self.bh = nn.Parameter(torch.zeros(H))
        self.Why = nn.Parameter(0.1 * torch.randn(H, K))
        self.by = nn.Parameter(torch.zeros(K))
        self.updates_done = 0

    def forward(self, X):
        n = X.shape[0]
        x = X.view(n, T, D).transpose(0, 1)                     # (T, n, D): loop over the first axis
        h = torch.zeros(n, H, dtype=X.dtype, device=X.device)
        out = torch.empty(T, n, K, dtype=X.dtype, device=X.device)
        for t, x_t in enumerate(x):
            h = torch.tanh(x_t @ self.Wxh + h @ self.Whh + self.bh)
            out[t] = h @ self.Why + self.by
        return out.transpose(0, 1)                              # (n, T, K)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logp = torch.log_softmax(model(X), dim=-1)
    loss = -logp.gather(-1, y.unsqueeze(-1)).mean()
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        total = torch.sqrt(sum((g * g).sum() for g in grads))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for g in grads:
                g.mul_(coef)
    for group in optimizer.param_groups:
        group["lr"] = LR * GAMMA ** model.updates_done
    optimizer.step()
    model.updates_done += 1
    return loss.item()
