"""Another PyTorch port of wn_numpy.py: the block layers are nn.Linear under
torch.nn.utils.parametrizations.weight_norm (dim=0: one norm per output unit), and the
parameter groups are picked by the parameters' names.

Parameters (model.named_parameters()) and the NumPy names they stand for:
    in_proj.weight = W_in.T, in_proj.bias = b_in
    blocks.{l}.fc{j}.parametrizations.weight.original0 (out, 1)  = g{j}_{l} as a column
    blocks.{l}.fc{j}.parametrizations.weight.original1 (out, in) = v{j}_{l}.T
    blocks.{l}.fc{j}.bias = b{j}_{l}
    head.weight = W_out.T, head.bias = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.parametrizations import weight_norm


class Block(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc1 = weight_norm(nn.Linear(width, width), dim=0)
        self.fc2 = weight_norm(nn.Linear(width, width), dim=0)

    def forward(self, h):
        return h + self.fc2(F.gelu(self.fc1(h), approximate="tanh"))


class WNResMLP(nn.Module):
    def __init__(self, n_in=5, width=16, n_out=1, n_blocks=2):
        super().__init__()
        self.in_proj = nn.Linear(n_in, width)
        self.blocks = nn.ModuleList([Block(width) for _ in range(n_blocks)])
        self.head = nn.Linear(width, n_out)

    def forward(self, X):
        h = self.in_proj(X)
        for block in self.blocks:
            h = block(h)
        return self.head(h)


def make_optimizer(model, lr=1e-2, weight_decay=0.05):
    groups = {"decay": [], "no_decay": []}
    for name, p in model.named_parameters():
        is_gain = name.endswith("original0")
        groups["no_decay" if is_gain or name.endswith("bias") else "decay"].append(p)
    return torch.optim.AdamW([{"params": groups["decay"], "weight_decay": weight_decay},
                              {"params": groups["no_decay"], "weight_decay": 0.0}], lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
