"""ScheduledClassifier in PyTorch: tensor_split micro-batches weighted by their share,
clip_grad_norm_, AdamW over a decay group and a no-decay group, LambdaLR warm-up then cosine."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR, WD, CHUNKS, MAX_NORM, WARMUP, TOTAL = 0.05, 0.05, 5, 0.5, 4, 20


class ScheduledClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 10)
        self.out = nn.Linear(10, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if n.endswith("weight")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias")]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": WD},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=LR)
    warm_cos = lambda t: (t + 1) / WARMUP if t < WARMUP else 0.5 * (1 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, warm_cos)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    total = 0.0
    for xb, yb in zip(X.tensor_split(CHUNKS), y.tensor_split(CHUNKS)):
        loss = F.cross_entropy(model(xb), yb) * (xb.shape[0] / X.shape[0])
        loss.backward()
        total += loss.item()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM, norm_type=2.0)
    optimizer.step()
    scheduler.step()
    return total
