"""RealNVP port written another way: every weight a raw nn.Parameter in one nn.ParameterDict, kept
(in, out) as the NumPy program keeps it and applied with torch.addmm; the reversal as an index
tensor; the base log-density from torch.distributions.Normal(0, 1).log_prob summed over the
features; the global-norm clipping written by hand (torch.linalg.vector_norm of the per-parameter
norms, grads scaled in place under no_grad); torch.optim.Adam(foreach=False, weight_decay=WD)."""

import torch
from torch import nn
from torch.distributions import Normal

D, HALF, HIDDEN, N_COUPLING = 4, 2, 12, 2
LR, WD, MAX_NORM = 0.01, 5e-3, 1.0


class RealNVPP(nn.Module):
    def __init__(self):
        super().__init__()
        w = {}
        for k in range(N_COUPLING):
            w[f"c{k}_W1"] = nn.Parameter(torch.randn(HALF, HIDDEN) * 0.5)
            w[f"c{k}_b1"] = nn.Parameter(torch.zeros(HIDDEN))
            w[f"c{k}_Ws"] = nn.Parameter(torch.randn(HIDDEN, HALF) * 0.2)
            w[f"c{k}_bs"] = nn.Parameter(torch.zeros(HALF))
            w[f"c{k}_Wt"] = nn.Parameter(torch.randn(HIDDEN, HALF) * 0.2)
            w[f"c{k}_bt"] = nn.Parameter(torch.zeros(HALF))
        self.weights = nn.ParameterDict(w)
        self.register_buffer("perm", torch.arange(D - 1, -1, -1))

    def forward(self, x):
        w = self.weights
        logdet = x.new_zeros(x.shape[0])
        for k in range(N_COUPLING):
            x1, x2 = x.split([HALF, D - HALF], dim=1)
            h = torch.tanh(torch.addmm(w[f"c{k}_b1"], x1, w[f"c{k}_W1"]))
            s = torch.tanh(torch.addmm(w[f"c{k}_bs"], h, w[f"c{k}_Ws"]))
            t = torch.addmm(w[f"c{k}_bt"], h, w[f"c{k}_Wt"])
            x = torch.cat([x1, torch.exp(s) * x2 + t], dim=1)
            logdet = logdet + s.sum(dim=1)
            if k < N_COUPLING - 1:
                x = x.index_select(1, self.perm)
        return x, logdet


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    z, logdet = model(X)
    base = Normal(torch.zeros((), dtype=z.dtype), torch.ones((), dtype=z.dtype))
    loss = -(base.log_prob(z).sum(dim=1) + logdet).mean()
    loss.backward()
    grads = [p.grad for p in model.parameters() if p.grad is not None]
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(gr) for gr in grads]))
    factor = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
    with torch.no_grad():
        for gr in grads:
            gr.mul_(factor)
    optimizer.step()
    return loss.item()
