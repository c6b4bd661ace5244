"""PyTorch port of quant_numpy.py: an MLP predicting the 0.1, 0.5 and 0.9 quantiles.

nn.Sequential(Linear(4, 16), ReLU, Linear(16, 16), ReLU, Linear(16, 3)), pinball loss
averaged over rows and quantiles, clip_grad_norm_(0.3), AdamW(lr 5e-3) with weight decay
1e-2 on the weights only (two parameter groups).
"""

import torch
import torch.nn as nn

QUANTILES = (0.1, 0.5, 0.9)


class QuantileMLP(nn.Module):
    def __init__(self, sizes=(4, 16, 16, 3)):
        super().__init__()
        layers = []
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(nn.Linear(a, b))
            if i < len(sizes) - 2:
                layers.append(nn.ReLU())
        self.net = nn.Sequential(*layers)
        self.register_buffer("q", torch.tensor(QUANTILES))

    def forward(self, X):
        return self.net(X)


def pinball_loss(pred, y, q):
    e = pred - y.unsqueeze(1)
    return torch.maximum(q * e, (q - 1) * e).mean()


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if n.endswith("weight")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias")]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 1e-2},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=5e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball_loss(model(X), y, model.q.to(X.dtype))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.3)
    optimizer.step()
    return loss.item()
