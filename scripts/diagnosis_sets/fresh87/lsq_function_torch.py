"""The LSQNet port of lsq_torch.py written in another style: LSQ as a torch.autograd.Function
with its backward written out (the straight-through mask, the step-size gradient
round(v/s) - v/s inside the range and Qn or Qp outside, times the gradient scale passed in);
the weights raw nn.Parameters in the (out, in) layout, the three step sizes in an
nn.ParameterDict; the squared error written out; the weight-decay group picked by parameter
name; clip_grad_norm_(foreach=False) and AdamW(foreach=False)."""

import math

import torch
from torch import nn

D, HIDDEN = 6, 10
QN_W, QP_W = -8, 7
QN_A, QP_A = 0, 15
LR, WD, MAX_NORM = 0.01, 0.05, 0.5


class LSQQuant(torch.autograd.Function):
    @staticmethod
    def forward(ctx, v, s, qn, qp, gscale):
        r = v / s
        c = r.clamp(qn, qp)
        ctx.save_for_backward(r, c)
        ctx.qn, ctx.qp, ctx.gscale = qn, qp, gscale
        return c.round() * s

    @staticmethod
    def backward(ctx, grad):
        r, c = ctx.saved_tensors
        inside = (r >= ctx.qn) & (r <= ctx.qp)
        dv = grad * inside
        ds = (grad * torch.where(inside, c.round() - r, c)).sum() * ctx.gscale
        return dv, ds, None, None, None


class LSQNetF(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden_weight = nn.Parameter(torch.randn(HIDDEN, D) / math.sqrt(D))
        self.hidden_bias = nn.Parameter(torch.zeros(HIDDEN))
        self.out_weight = nn.Parameter(torch.randn(1, HIDDEN) / math.sqrt(HIDDEN))
        self.out_bias = nn.Parameter(torch.zeros(1))
        self.steps = nn.ParameterDict({name: nn.Parameter(torch.tensor(0.1)) for name in ("w1", "act", "w2")})

    def forward(self, X):
        w1 = LSQQuant.apply(self.hidden_weight, self.steps["w1"], QN_W, QP_W, 1.0 / math.sqrt(HIDDEN * D * QP_W))
        h = torch.relu(X @ w1.T + self.hidden_bias)
        hq = LSQQuant.apply(h, self.steps["act"], QN_A, QP_A, 1.0 / math.sqrt(HIDDEN * QP_A))
        w2 = LSQQuant.apply(self.out_weight, self.steps["w2"], QN_W, QP_W, 1.0 / math.sqrt(HIDDEN * QP_W))
        return (hq @ w2.T + self.out_bias).reshape(-1)


def make_optimizer(model):
    decay = [p for name, p in model.named_parameters() if name.endswith("weight")]
    rest = [p for name, p in model.named_parameters() if not name.endswith("weight")]
    return torch.optim.AdamW([{"params": decay, "weight_decay": WD}, {"params": rest, "weight_decay": 0.0}],
                             lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM, foreach=False)
    optimizer.step()
    return loss.item()
