"""The capsule network of capsdense_numpy.py ported in another style: the primary layer a raw
(in, out) nn.Parameter pair applied with torch.addmm, the prediction vectors by broadcast
torch.matmul on column vectors, the routing logits built in a torch.no_grad() block with
torch.softmax and an in-place +=, the squash written with rsqrt, the lengths as the
square root of summed squares, the margin loss with clamp(min=0), and SGD with momentum built
with foreach=False and cleared with set_to_none."""

import torch
from torch import nn

N_IN, N_PRIM, D_PRIM, N_CLASS, D_CLASS = 12, 6, 4, 3, 6
ROUTING = 3
M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7
LR, MOM = 0.5, 0.9


def squash(s):
    sq = s.pow(2).sum(-1, keepdim=True)
    return s * (sq / (1.0 + sq)) * torch.rsqrt(sq + EPS)


class CapsDenseMM(nn.Module):
    def __init__(self):
        super().__init__()
        self.prim_w = nn.Parameter(torch.randn(N_IN, N_PRIM * D_PRIM) / N_IN ** 0.5)
        self.prim_b = nn.Parameter(torch.zeros(N_PRIM * D_PRIM))
        self.route_w = nn.Parameter(0.5 * torch.randn(N_PRIM, N_CLASS, D_CLASS, D_PRIM))

    def forward(self, x):
        u = squash(torch.addmm(self.prim_b, x, self.prim_w).reshape(x.shape[0], N_PRIM, D_PRIM))
        # (1, P, K, D, Din) @ (n, P, 1, Din, 1) -> (n, P, K, D, 1)
        u_hat = (self.route_w.unsqueeze(0) @ u.unsqueeze(2).unsqueeze(-1)).squeeze(-1)
        with torch.no_grad():
            logits = u_hat.new_zeros(u_hat.shape[:-1])
            for _ in range(ROUTING - 1):
                coupling = torch.softmax(logits, dim=-1)
                v = squash((coupling[..., None] * u_hat).sum(1))
                logits += (u_hat * v[:, None]).sum(-1)
            coupling = torch.softmax(logits, dim=-1)
        return squash((coupling[..., None] * u_hat).sum(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOM, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    v = model(X)
    length = v.pow(2).sum(-1).sqrt()
    loss = y * (M_PLUS - length).clamp(min=0).pow(2) + LAM * (1 - y) * (length - M_MINUS).clamp(min=0).pow(2)
    loss = loss.sum(1).mean()
    loss.backward()
    optimizer.step()
    return float(loss)
