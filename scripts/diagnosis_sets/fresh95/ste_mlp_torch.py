"""STEPrunedMLP in PyTorch: nn.Linear layers whose weights are pruned by magnitude before every
step; the forward pass uses the straight-through form w - ((1 - mask) * w).detach() (the value
w * mask, the gradient passed to the dense w); the SR-STE term added to the weight gradients after
backward(); AdamW with weight decay in the weights' param group only and ExponentialLR."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 6, 20
LR, GAMMA, WD = 0.01, 0.9, 0.01
SPARSITY, LAM_SR, SLOPE = 0.5, 0.002, 0.1


@torch.no_grad()
def magnitude_mask(w):
    n_prune = int(SPARSITY * w.numel())
    thr = torch.sort(w.abs().flatten()).values[n_prune - 1]
    return (w.abs() > thr).to(w.dtype)


def ste(w, mask):
    return w - ((1.0 - mask) * w).detach()


class STEPrunedMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, 1)
        self.masks = None

    def forward(self, x):
        m1, m2 = self.masks
        h = F.leaky_relu(F.linear(x, ste(self.fc1.weight, m1), self.fc1.bias), SLOPE)
        return F.linear(h, ste(self.fc2.weight, m2), self.fc2.bias).squeeze(1)


def make_optimizer(model):
    decay = [model.fc1.weight, model.fc2.weight]
    no_decay = [model.fc1.bias, model.fc2.bias]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": WD},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=LR)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    model.masks = (magnitude_mask(model.fc1.weight), magnitude_mask(model.fc2.weight))
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    with torch.no_grad():
        for w, mask in zip((model.fc1.weight, model.fc2.weight), model.masks):
            w.grad.add_(LAM_SR * (1.0 - mask) * w)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
