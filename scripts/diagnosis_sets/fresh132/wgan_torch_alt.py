"""wgan_torch.py written another way: the same WGAN, the same training step.

Generator and critic as separate nn.Module classes under one module, weights
(out, in) in nn.Linear; no torch.optim: plain SGD written by hand under
torch.no_grad(), the critic's parameters clamped in place right after their
update, gradients cleared by setting .grad to None.

    gen.inp.weight = Wg1.T  gen.inp.bias = bg1  gen.out.weight = Wg2.T  gen.out.bias = bg2
    critic.inp.weight = Wc1.T ... critic.out.bias = bc2
"""

import torch
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self, z_dim=3, hidden=16):
        super().__init__()
        self.inp = nn.Linear(z_dim, hidden)
        self.out = nn.Linear(hidden, 2)

    def forward(self, z):
        return self.out(torch.relu(self.inp(z)))


class Critic(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.inp = nn.Linear(2, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.inp(x))).squeeze(-1)


class WGANPair(nn.Module):
    def __init__(self):
        super().__init__()
        self.gen = Gen()
        self.critic = Critic()


def sgd(params, lr):
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad


def train_step(model, X, z, lr_c=0.05, lr_g=0.02, clip=0.05):
    for p in model.parameters():
        p.grad = None

    fake = model.gen(z)
    wasserstein = model.critic(X).mean() - model.critic(fake.detach()).mean()
    c_loss = -wasserstein
    c_loss.backward()
    sgd(model.critic.parameters(), lr_c)
    with torch.no_grad():
        for p in model.critic.parameters():
            p.clamp_(min=-clip, max=clip)

    for p in model.gen.parameters():
        p.grad = None
    g_loss = -model.critic(fake).mean()
    gen_grads = torch.autograd.grad(g_loss, list(model.gen.parameters()))
    for p, g in zip(model.gen.parameters(), gen_grads):
        p.grad = g
    sgd(model.gen.parameters(), lr_g)

    model.fake = fake.detach()
    return c_loss.item()
