"""PyTorch port of gan_numpy.py: a small GAN on 2-D points.

Generator G: nn.Linear(4, 16) -> ReLU -> nn.Linear(16, 2)
Discriminator D: nn.Linear(2, 16) -> LeakyReLU(0.2) -> nn.Linear(16, 1) (a logit)

Two torch.optim.Adam optimizers, betas (0.5, 0.999), lr 2e-3 (D) and 1e-3 (G). Each step: D on the
real points (label 0.9, one-sided smoothing) and on G(z).detach() (label 0); then
G(z) again and the non-saturating loss through the updated D, D frozen meanwhile
(both optimizers zeroed at the start of the step).

Parameters, with the NumPy names they correspond to (nn.Linear keeps (out, in)):
    G.fc1.weight = G_W1.T   G.fc1.bias = G_b1   G.fc2.weight = G_W2.T   G.fc2.bias = G_b2
    D.fc1.weight = D_W1.T   D.fc1.bias = D_b1   D.fc2.weight = D_W2.T   D.fc2.bias = D_b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Generator(nn.Module):
    def __init__(self, z_dim=4, hidden=16):
        super().__init__()
        self.fc1 = nn.Linear(z_dim, hidden)
        self.fc2 = nn.Linear(hidden, 2)

    def forward(self, z):
        return self.fc2(F.relu(self.fc1(z)))


class Discriminator(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.act = nn.LeakyReLU(0.2)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class GAN(nn.Module):
    def __init__(self, z_dim=4, hidden=16):
        super().__init__()
        self.G = Generator(z_dim, hidden)
        self.D = Discriminator(hidden)


def make_optimizers(model, lr_d=2e-3, lr_g=1e-3):
    opt_d = torch.optim.Adam(model.D.parameters(), lr=lr_d, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(model.G.parameters(), lr=lr_g, betas=(0.5, 0.999))
    return opt_d, opt_g


def set_requires_grad(module, flag):
    for p in module.parameters():
        p.requires_grad_(flag)


def train_step(model, opt_d, opt_g, X, z, real_label=0.9):
    opt_d.zero_grad()
    opt_g.zero_grad()

    # 1. discriminator
    fake = model.G(z)
    real_logit = model.D(X)
    fake_logit = model.D(fake.detach())
    d_loss = (F.binary_cross_entropy_with_logits(real_logit, torch.ones_like(real_logit))  # fix: d_loss = (F.binary_cross_entropy_with_logits(real_logit, torch.full_like(real_logit, real_label))
              + F.binary_cross_entropy_with_logits(fake_logit, torch.zeros_like(fake_logit)))
    d_loss.backward()
    opt_d.step()

    # 2. generator, non-saturating, D frozen
    set_requires_grad(model.D, False)
    fake = model.G(z)
    logit = model.D(fake)
    g_loss = F.binary_cross_entropy_with_logits(logit, torch.ones_like(logit))
    g_loss.backward()
    opt_g.step()
    set_requires_grad(model.D, True)

    model.fake = fake.detach()
    return (d_loss + g_loss).item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gan.npz"))
    X, z = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    torch.manual_seed(0)
    model = GAN()
    opt_d, opt_g = make_optimizers(model)
    for step in range(200):
        loss = train_step(model, opt_d, opt_g, X, z)
        if step % 20 == 0:
            print(f"step {step:4d}  d_loss + g_loss {loss:.4f}")
