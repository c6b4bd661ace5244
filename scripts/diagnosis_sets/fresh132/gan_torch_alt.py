"""gan_torch.py written another way: the same GAN, the same training step.

One nn.Module holding the eight tensors as nn.Parameters (weights (out, in), as
F.linear takes them), a functional forward, the BCE losses written with
F.logsigmoid, and the generator's gradients taken with torch.autograd.grad
(so the discriminator's .grad is never touched by the generator's loss) and
handed to its Adam by hand.

    g_w1 (16, 4)  g_b1 (16,)  g_w2 (2, 16)  g_b2 (2,)
    d_w1 (16, 2)  d_b1 (16,)  d_w2 (1, 16)  d_b2 (1,)
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class FunctionalGAN(nn.Module):
    def __init__(self, z_dim=4, hidden=16):
        super().__init__()
        self.g_w1 = nn.Parameter(torch.randn(hidden, z_dim) * 0.5)
        self.g_b1 = nn.Parameter(torch.zeros(hidden))
        self.g_w2 = nn.Parameter(torch.randn(2, hidden) * 0.25)
        self.g_b2 = nn.Parameter(torch.zeros(2))
        self.d_w1 = nn.Parameter(torch.randn(hidden, 2) * 0.7)
        self.d_b1 = nn.Parameter(torch.zeros(hidden))
        self.d_w2 = nn.Parameter(torch.randn(1, hidden) * 0.25)
        self.d_b2 = nn.Parameter(torch.zeros(1))

    def generator_params(self):
        return [self.g_w1, self.g_b1, self.g_w2, self.g_b2]

    def discriminator_params(self):
        return [self.d_w1, self.d_b1, self.d_w2, self.d_b2]

    def generate(self, z):
        return F.linear(F.relu(F.linear(z, self.g_w1, self.g_b1)), self.g_w2, self.g_b2)

    def discriminate(self, x):
        h = F.leaky_relu(F.linear(x, self.d_w1, self.d_b1), negative_slope=0.2)
        return F.linear(h, self.d_w2, self.d_b2).squeeze(1)


def make_optimizers(model):
    opt_d = torch.optim.Adam(model.discriminator_params(), lr=2e-3, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(model.generator_params(), lr=1e-3, betas=(0.5, 0.999))
    return opt_d, opt_g


def train_step(model, opt_d, opt_g, X, z, real_label=0.9):
    fake = model.generate(z)

    opt_d.zero_grad()
    real_logit = model.discriminate(X)
    fake_logit = model.discriminate(fake.detach())
    d_loss = (-(real_label * F.logsigmoid(real_logit) + (1 - real_label) * F.logsigmoid(-real_logit)).mean()
              - F.logsigmoid(-fake_logit).mean())
    d_loss.backward()
    opt_d.step()

    g_loss = -F.logsigmoid(model.discriminate(fake)).mean()
    grads = torch.autograd.grad(g_loss, model.generator_params())
    for p, g in zip(model.generator_params(), grads):
        p.grad = g
    opt_g.step()

    model.fake = fake.detach()
    return (d_loss + g_loss).item()
