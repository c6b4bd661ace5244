"""GlyphVAE in PyTorch, written another way: the weights are raw (in, out) tensors in an
nn.ParameterDict used as x @ W (the NumPy layout), the head is split with torch.split, the noise
buffer is made with torch.from_numpy, the reconstruction term is
F.binary_cross_entropy_with_logits on the decoder's logits (summed, divided by the batch), the KL
is torch.distributions.kl_divergence(Normal(mu, sigma), Normal(0, 1)) summed and divided by the
batch, and the clipping is written out by hand (torch.linalg.vector_norm of the stacked norms,
clip coefficient MAX_NORM / (norm + 1e-6) clamped at 1) before torch.optim.RMSprop."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal, kl_divergence

N_PIX, N_HID, N_LAT, N_ROWS = 16, 12, 2, 32
LR, ALPHA, BETA, MAX_NORM = 0.005, 0.9, 2.0, 4.0


class GlyphVAEP(nn.Module):
    def __init__(self):
        super().__init__()
        shapes = {"W1": (N_PIX, N_HID), "b1": (N_HID,), "W2": (N_HID, 2 * N_LAT), "b2": (2 * N_LAT,),
                  "W3": (N_LAT, N_HID), "b3": (N_HID,), "W4": (N_HID, N_PIX), "b4": (N_PIX,)}
        self.p = nn.ParameterDict({k: nn.Parameter(0.1 * torch.randn(*s)) for k, s in shapes.items()})
        noise = np.random.default_rng(1234).standard_normal((N_ROWS, N_LAT))
        self.register_buffer("noise", torch.from_numpy(noise).float())

    def forward(self, x):
        p = self.p
        h = F.relu(x @ p["W1"] + p["b1"])
        mu, logvar = torch.split(h @ p["W2"] + p["b2"], N_LAT, dim=1)
        sigma = torch.exp(0.5 * logvar)
        z = mu + sigma * self.noise[: x.shape[0]]
        logits = F.relu(z @ p["W3"] + p["b3"]) @ p["W4"] + p["b4"]
        return logits, mu, sigma


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=1e-8)


def clip_(params, max_norm):
    grads = [q.grad for q in params if q.grad is not None]
    norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    coef = torch.clamp(max_norm / (norm + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits, mu, sigma = model(X)
    rows = X.shape[0]
    rec = F.binary_cross_entropy_with_logits(logits, y, reduction="sum") / rows
    kl = kl_divergence(Normal(mu, sigma), Normal(torch.zeros_like(mu), torch.ones_like(sigma))).sum() / rows
    loss = rec + BETA * kl
    loss.backward()
    clip_(list(model.parameters()), MAX_NORM)
    optimizer.step()
    return float(loss)
