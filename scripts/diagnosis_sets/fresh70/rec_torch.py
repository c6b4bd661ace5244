"""PyTorch port of rec_numpy.py: a recurrent LIF layer (input nn.Linear, bias-free recurrent
nn.Linear, reset by subtraction of the previous spike, not detached) and an LIF output layer,
unrolled in a Python loop over time; the spike a custom torch.autograd.Function with the
fast-sigmoid surrogate; torch.stack of the output spikes summed into counts, F.mse_loss against
the target counts, clip_grad_norm_ and torch.optim.SGD."""

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, N_OUT = 8, 12, 3
BETA, BETA_OUT, THRESH, SLOPE = 0.9, 0.8, 1.0, 3.0
CORRECT_RATE, INCORRECT_RATE = 0.8, 0.2
LR, CLIP = 0.05, 1.0


class FastSigmoidSpike(torch.autograd.Function):
    @staticmethod
    def forward(ctx, mem):
        ctx.save_for_backward(mem)
        return (mem > THRESH).to(mem.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        mem, = ctx.saved_tensors
        return grad_output / (1.0 + SLOPE * torch.abs(mem - THRESH)) ** 2


class RecurrentSNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(D_IN, HIDDEN)
        self.rec = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.out = nn.Linear(HIDDEN, N_OUT)

    def forward(self, X):
        n, T, _ = X.shape
        mem = torch.zeros(n, HIDDEN, dtype=X.dtype)
        spk = torch.zeros(n, HIDDEN, dtype=X.dtype)
        mem_out = torch.zeros(n, N_OUT, dtype=X.dtype)
        spk_out = torch.zeros(n, N_OUT, dtype=X.dtype)
        out_spikes = []
        for t in range(T):
            mem = BETA * mem + self.inp(X[:, t]) + self.rec(spk) - THRESH * spk
            spk = FastSigmoidSpike.apply(mem)
            mem_out = BETA_OUT * mem_out + self.out(spk) - THRESH * spk_out
            spk_out = FastSigmoidSpike.apply(mem_out)
            out_spikes.append(spk_out)
        return torch.stack(out_spikes)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    T = X.shape[1]
    target = T * (CORRECT_RATE * y + INCORRECT_RATE * (1 - y))
    optimizer.zero_grad()
    counts = model(X).sum(dim=0)
    loss = F.mse_loss(counts, target)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=CLIP)
    optimizer.step()
    return loss.item()
