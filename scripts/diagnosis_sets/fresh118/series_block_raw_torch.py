"""SeriesBlock ported another way: every weight a bare nn.Parameter kept in the NumPy layout
(in, out) and used as x @ w, torch.nn.functional.layer_norm with the gains and biases passed in,
F.scaled_dot_product_attention(is_causal=True) on the two heads (its default scale is
1/sqrt(head width)), the sinusoidal table from torch.pow rather than exp/log and interleaved with
torch.stack, the MLP through torch.addmm, the squared error written out, and
torch.optim.Adam(foreach=False)."""

import torch
import torch.nn.functional as F
from torch import nn

T, D_IN, D, H, HIDDEN = 5, 3, 8, 2, 16
DH = D // H
LR = 0.005
LN_EPS = 1e-5


def positions(T, D):
    pos = torch.arange(T, dtype=torch.float64).unsqueeze(1)
    freq = torch.pow(10000.0, -torch.arange(0, D, 2, dtype=torch.float64) / D)
    angles = pos * freq
    return torch.stack([angles.sin(), angles.cos()], dim=-1).reshape(T, D)


class SeriesBlockRaw(nn.Module):
    def __init__(self):
        super().__init__()
        P = lambda *shape: nn.Parameter(torch.zeros(*shape))
        self.w_in, self.b_in = P(D_IN, D), P(D)
        self.g1, self.b1 = P(D), P(D)
        self.w_q, self.w_k, self.w_v = P(D, D), P(D, D), P(D, D)
        self.w_o, self.b_o = P(D, D), P(D)
        self.g2, self.b2 = P(D), P(D)
        self.w_1, self.c_1 = P(D, HIDDEN), P(HIDDEN)
        self.w_2, self.c_2 = P(HIDDEN, D), P(D)
        self.w_out, self.b_out = P(D, 1), P(1)
        self.register_buffer("pe", positions(T, D))

    def forward(self, X):
        n = X.shape[0]
        x = X.reshape(n, T, D_IN) @ self.w_in + self.b_in + self.pe.to(X.dtype)
        u = F.layer_norm(x, (D,), self.g1, self.b1, LN_EPS)
        q, k, v = (torch.movedim((u @ w).reshape(n, T, H, DH), 2, 1) for w in (self.w_q, self.w_k, self.w_v))
        o = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + torch.movedim(o, 1, 2).reshape(n, T, D) @ self.w_o + self.b_o
        w = F.layer_norm(x, (D,), self.g2, self.b2, LN_EPS).reshape(n * T, D)
        hidden = torch.relu(torch.addmm(self.c_1, w, self.w_1))
        x = x + torch.addmm(self.c_2, hidden, self.w_2).reshape(n, T, D)
        return torch.addmm(self.b_out, x[:, -1], self.w_out)[:, 0]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.98), eps=1e-9, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    err = model(X) - y
    loss = (err * err).sum() / err.numel()
    loss.backward()
    optimizer.step()
    return float(loss)
