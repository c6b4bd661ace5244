"""STEPrunedMLP port written another way: the straight-through mask as a custom
torch.autograd.Function (forward w * mask, backward the gradient passed unchanged to w, plus the
SR-STE term); the kept weights chosen with torch.topk; AdamW with the exponential decay written
into param_groups by hand before each step."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 6, 20
LR, GAMMA, WD = 0.01, 0.9, 0.01
SPARSITY, LAM_SR, SLOPE = 0.5, 0.002, 0.1


class SparseSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, w, mask):
        ctx.save_for_backward(w, mask)
        return w * mask

    @staticmethod
    def backward(ctx, grad):
        w, mask = ctx.saved_tensors
        return grad + LAM_SR * (1.0 - mask) * w, None


def topk_mask(w):
    keep = w.numel() - int(SPARSITY * w.numel())
    idx = torch.topk(w.detach().abs().flatten(), keep).indices
    return torch.zeros(w.numel(), dtype=w.dtype).scatter_(0, idx, 1.0).view_as(w)


class STEPrunedMLPF(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, H)
        self.out = nn.Linear(H, 1)
        self.steps = 0

    def forward(self, x):
        w1 = SparseSTE.apply(self.hidden.weight, topk_mask(self.hidden.weight))
        w2 = SparseSTE.apply(self.out.weight, topk_mask(self.out.weight))
        h = F.leaky_relu(x @ w1.t() + self.hidden.bias, negative_slope=SLOPE)
        return (h @ w2.t() + self.out.bias)[:, 0]


def make_optimizer(model):
    return torch.optim.AdamW([
        {"params": [model.hidden.weight, model.out.weight], "weight_decay": WD},
        {"params": [model.hidden.bias, model.out.bias], "weight_decay": 0.0},
    ], lr=LR)


def train_step(model, optimizer, X, y):
    for group in optimizer.param_groups:
        group["lr"] = LR * GAMMA ** model.steps
    optimizer.zero_grad()
    z = model(X)
    loss = torch.mean(torch.clamp(z, min=0) - z * y + torch.log1p(torch.exp(-z.abs())))
    loss.backward()
    optimizer.step()
    model.steps += 1
    return loss.item()
