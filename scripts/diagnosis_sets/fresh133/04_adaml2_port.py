"""PyTorch port of ema_numpy.py: ReLU MLP classifier, AdamW, clip_grad_value_, weight EMA.

    fc1 = nn.Linear(5, 12), fc2 = nn.Linear(12, 3)   (fc1.weight = W1.T, fc2.weight = W2.T)

Each step: F.cross_entropy, backward, clip_grad_value_(CLIP), torch.optim.AdamW(lr=0.01,
weight_decay=0.05).step(), then the EMA buffers (ema_<name>, started from the weights at the
first step) move toward the weights: ema = DECAY * ema + (1 - DECAY) * p.  model.ema_output holds
the EMA model's logits on the step's batch.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP = 0.05
DECAY = 0.9


class EmaMLP(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        for name, p in self.named_parameters():
            self.register_buffer("ema_" + name.replace(".", "_"), torch.zeros_like(p))
        self.ema_started = False
        self.ema_output = None

    def forward(self, X):
        return self.fc2(F.relu(self.fc1(X)))

    def ema_buffers(self):
        return [(p, getattr(self, "ema_" + name.replace(".", "_"))) for name, p in self.named_parameters()]

    @torch.no_grad()
    def update_ema(self):
        if not self.ema_started:
            for p, e in self.ema_buffers():
                e.copy_(p)
            self.ema_started = True
            return
        for p, e in self.ema_buffers():
            e.mul_(DECAY).add_(p, alpha=1 - DECAY)

    @torch.no_grad()
    def ema_forward(self, X):
        h = F.relu(F.linear(X, self.ema_fc1_weight, self.ema_fc1_bias))
        return F.linear(h, self.ema_fc2_weight, self.ema_fc2_bias)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)  # fix: return torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)


def train_step(model, optimizer, X, y):
    if not model.ema_started:
        model.update_ema()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), CLIP)
    optimizer.step()
    model.update_ema()
    model.ema_output = model.ema_forward(X)
    return loss.item()
