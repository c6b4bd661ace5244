"""ReZeroNet ported with raw tensors: one nn.ParameterDict holding every parameter under the
NumPy program's names (the temperature T as "temperature") and in its (in, out) layout
(x @ W + b), F.prelu for the learned slopes, torch.div by the learned temperature, the
cross-entropy written as -(y * log_softmax).sum(1).mean(), and AdamW(foreach=False) with its two
parameter groups picked by name (the W* matrices decay)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

N_IN, WIDTH, INNER, N_CLASSES, NUM_BLOCKS = 10, 12, 24, 3, 4
ALPHA0, SLOPE0, TEMP0 = 0.1, 0.25, 1.5
LR, WD = 0.01, 0.05


class ReZeroNetP(nn.Module):
    def __init__(self):
        super().__init__()
        P = {"W_in": torch.randn(N_IN, WIDTH) / math.sqrt(N_IN), "b_in": torch.zeros(WIDTH)}
        for k in range(NUM_BLOCKS):
            P[f"W1_{k}"] = torch.randn(WIDTH, INNER) * math.sqrt(2.0 / WIDTH)
            P[f"b1_{k}"] = torch.zeros(INNER)
            P[f"a_{k}"] = torch.full((1,), SLOPE0)
            P[f"W2_{k}"] = torch.randn(INNER, WIDTH) / math.sqrt(INNER)
            P[f"b2_{k}"] = torch.zeros(WIDTH)
            P[f"alpha_{k}"] = torch.full((1,), ALPHA0)
        P["W_out"] = torch.randn(WIDTH, N_CLASSES) / math.sqrt(WIDTH)
        P["b_out"] = torch.zeros(N_CLASSES)
        P["temperature"] = torch.full((1,), TEMP0)
        self.params = nn.ParameterDict({k: nn.Parameter(v) for k, v in P.items()})

    def forward(self, x):
        P = self.params
        h = torch.addmm(P["b_in"], x, P["W_in"])
        for k in range(NUM_BLOCKS):
            q = F.prelu(h @ P[f"W1_{k}"] + P[f"b1_{k}"], P[f"a_{k}"])
            h = h + P[f"alpha_{k}"] * (q @ P[f"W2_{k}"] + P[f"b2_{k}"])
        return torch.div(h @ P["W_out"] + P["b_out"], P["temperature"])


def make_optimizer(model):
    names = list(model.params.keys())
    decay = [model.params[n] for n in names if n.startswith("W")]
    rest = [model.params[n] for n in names if not n.startswith("W")]
    return torch.optim.AdamW([dict(params=decay, weight_decay=WD), dict(params=rest, weight_decay=0.0)],
                             lr=LR, betas=(0.9, 0.999), eps=1e-8, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logp = F.log_softmax(model(X), dim=1)
    loss = -(y * logp).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return float(loss.detach())
