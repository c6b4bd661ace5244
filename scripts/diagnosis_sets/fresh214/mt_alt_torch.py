"""PyTorch port of mt_numpy.py written another way (correct).

The EMA teacher is one flat buffer (parameters_to_vector order: fc1.weight, fc1.bias,
fc2.weight, fc2.bias) moved with lerp_; the teacher forward slices it back into the layers'
shapes; the masked cross-entropy is written by hand from log_softmax and gather.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parameters_to_vector


class MeanTeacherMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=3, ema_decay=0.9, cons_weight=2.0):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.ema_decay, self.cons_weight = ema_decay, cons_weight
        n = sum(p.numel() for p in self.parameters())
        self.register_buffer("ema_flat", torch.zeros(n))
        self.steps_done = 0
        self.teacher_logits = None

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))

    @torch.no_grad()
    def teacher_forward(self, x):
        chunks, i = [], 0
        for p in self.parameters():
            chunks.append(self.ema_flat[i:i + p.numel()].view_as(p))
            i += p.numel()
        w1, b1, w2, b2 = chunks
        return torch.tanh(x @ w1.t() + b1) @ w2.t() + b2

    @torch.no_grad()
    def ema_step(self):
        self.steps_done += 1
        alpha = min(1.0 - 1.0 / (self.steps_done + 1), self.ema_decay)
        self.ema_flat.lerp_(parameters_to_vector(self.parameters()), 1.0 - alpha)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    if model.steps_done == 0:
        with torch.no_grad():
            model.ema_flat.copy_(parameters_to_vector(model.parameters()))
    optimizer.zero_grad()
    logits = model(X)
    t_logits = model.teacher_forward(X)
    model.teacher_logits = t_logits
    mask = y >= 0
    logp = F.log_softmax(logits, dim=1)
    nll = -logp[mask].gather(1, y[mask].unsqueeze(1)).squeeze(1)
    sup = nll.sum() / mask.sum()
    diff = logits.softmax(dim=1) - t_logits.softmax(dim=1)
    loss = sup + model.cons_weight * diff.pow(2).mean()
    loss.backward()
    optimizer.step()
    model.ema_step()
    return loss.item()
