"""RawNet in PyTorch, written with raw parameters and functional calls.

F.conv1d over the signal with an nn.Parameter kernel (6, 1, 8), stride 4; the layer norm over
the channels of each frame written out (mean, biased variance, rsqrt); GELU written as its tanh
formula; amax over the frames; logits = pooled @ w_out + b_out with w_out kept (in, out); the loss
as F.nll_loss of F.log_softmax. SGD(momentum=0.9, nesterov=True, weight_decay=5e-4); the gradients
clipped to a global norm of 0.5 by hand (the norm of the per-parameter norms, scaled by
0.5 / (norm + 1e-6) when that is below 1); the one-cycle schedule written as a LambdaLR whose factor
is the one-cycle learning rate divided by the base rate MAX_LR."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

LENGTH, CH, KSIZE, STRIDE, CLASSES = 64, 6, 8, 4, 3
LN_EPS = 1e-5
MAX_LR, DIV, FINAL_DIV, PCT, TOTAL = 0.1, 25.0, 1e4, 0.25, 40
MOMENTUM, WD, MAX_NORM = 0.9, 5e-4, 0.5


def one_cycle_factor(step):
    initial, peak_at = MAX_LR / DIV, PCT * TOTAL - 1
    if step <= peak_at:
        lo, hi, frac = initial, MAX_LR, step / peak_at
    else:
        lo, hi, frac = initial / FINAL_DIV, MAX_LR, 1.0 - (step - peak_at) / (TOTAL - 1 - peak_at)
    # cosine from lo (frac 0) to hi (frac 1), written as hi + (lo - hi) * (1 + cos(pi frac)) / 2
    lr = hi + (lo - hi) * (1.0 + math.cos(math.pi * frac)) / 2.0
    return lr / MAX_LR


class RawNetF(nn.Module):
    def __init__(self):
        super().__init__()
        self.kernel = nn.Parameter(torch.randn(CH, 1, KSIZE) / math.sqrt(KSIZE))
        self.kbias = nn.Parameter(torch.zeros(CH))
        self.ln_w = nn.Parameter(torch.ones(CH))
        self.ln_b = nn.Parameter(torch.zeros(CH))
        self.w_out = nn.Parameter(torch.randn(CH, CLASSES) / math.sqrt(CH))
        self.b_out = nn.Parameter(torch.zeros(CLASSES))

    def forward(self, X):
        frames = F.conv1d(X[:, None, :], self.kernel, self.kbias, stride=STRIDE).permute(0, 2, 1)
        mu = frames.mean(dim=-1, keepdim=True)
        var = frames.var(dim=-1, unbiased=False, keepdim=True)
        a = (frames - mu) * torch.rsqrt(var + LN_EPS) * self.ln_w + self.ln_b
        h = 0.5 * a * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (a + 0.044715 * a.pow(3))))
        return h.amax(dim=1) @ self.w_out + self.b_out


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=MAX_LR, momentum=MOMENTUM, nesterov=True,
                                weight_decay=WD)
    return optimizer, LambdaLR(optimizer, one_cycle_factor)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    grads = [p.grad for p in model.parameters()]
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    coef = MAX_NORM / (total + 1e-6)
    if coef < 1:
        with torch.no_grad():
            for g in grads:
                g.mul_(coef)
    optimizer.step()
    scheduler.step()
    return float(loss)
