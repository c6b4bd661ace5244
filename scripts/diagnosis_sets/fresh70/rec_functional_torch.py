"""The recurrent spiking network of rec_numpy.py ported another way: raw nn.Parameters in the
NumPy (in, out) layout applied with torch.addmm, the spike a torch.autograd.Function in the
forward / setup_context style, the output spike counts accumulated as a running sum, the targets
by masked_fill, the spike-count MSE written out, the global gradient norm computed with
torch.linalg.vector_norm and the clipping and plain SGD step done by hand under torch.no_grad()."""

import torch
from torch import nn

D_IN, HIDDEN, N_OUT = 8, 12, 3
BETA, BETA_OUT, THRESH, SLOPE = 0.9, 0.8, 1.0, 3.0
CORRECT_RATE, INCORRECT_RATE = 0.8, 0.2
LR, CLIP = 0.05, 1.0


class Spike(torch.autograd.Function):
    @staticmethod
    def forward(v):
        return torch.heaviside(v - THRESH, torch.zeros_like(v))

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0])

    @staticmethod
    def backward(ctx, grad):
        v, = ctx.saved_tensors
        return grad * torch.reciprocal(1.0 + SLOPE * (v - THRESH).abs()).square()


class RecurrentSNNRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.w_in = nn.Parameter(torch.empty(D_IN, HIDDEN).normal_(0.0, 0.3))
        self.w_rec = nn.Parameter(torch.empty(HIDDEN, HIDDEN).normal_(0.0, 0.2))
        self.bias = nn.Parameter(torch.zeros(HIDDEN))
        self.w_out = nn.Parameter(torch.empty(HIDDEN, N_OUT).normal_(0.0, 0.5))
        self.bias_out = nn.Parameter(torch.zeros(N_OUT))

    def forward(self, X):
        n, T, _ = X.shape
        v = X.new_zeros(n, HIDDEN)
        s = torch.zeros_like(v)
        o = X.new_zeros(n, N_OUT)
        r = torch.zeros_like(o)
        counts = torch.zeros_like(o)
        for t in range(T):
            v = BETA * v + torch.addmm(self.bias, X[:, t], self.w_in) + s @ self.w_rec - THRESH * s
            s = Spike.apply(v)
            o = BETA_OUT * o + torch.addmm(self.bias_out, s, self.w_out) - THRESH * r
            r = Spike.apply(o)
            counts = counts + r
        return counts


def train_step(model, optimizer, X, y):
    model.zero_grad(set_to_none=True)
    target = torch.full_like(y, INCORRECT_RATE).masked_fill(y > 0.5, CORRECT_RATE) * X.shape[1]
    loss = (model(X) - target).pow(2).mean()
    loss.backward()
    params = [p for p in model.parameters() if p.grad is not None]
    norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(p.grad) for p in params]))
    scale = torch.clamp(CLIP / (norm + 1e-6), max=1.0)
    with torch.no_grad():
        for p in params:
            p.grad.mul_(scale)
            p.sub_(LR * p.grad)
    return loss.item()
